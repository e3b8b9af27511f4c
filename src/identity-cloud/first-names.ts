// The first page of client names that the server writes into the HTML of `/clients`, so that they paint before
// the app's JavaScript has run: one contract for the server that writes it and the app that reads it.
import { z } from 'zod';
import { clientDisplayName } from './client-model.ts';
import type { ClientSummary } from './schemas.ts';

/** The id of the `<script type="application/json">` element carrying the names (data, never run). */
export const firstNamesElementId = 'first-names';

/** As many rows as the clients grid's first page. */
export const firstNamesPageSize = 50;

/**
 * The clients grid's first columns at their widths (client-columns.tsx), as the names are laid out before the
 * grid: each name and id where the grid puts it; kind and findings are not known yet.
 */
export const firstNamesColumns = [
  { name: 'Name', width: 240 },
  { name: 'Kind', width: 170 },
  { name: 'Findings', width: 165 },
  { name: 'Client ID', width: 330 },
] as const;

export const firstNamesSchema = z.object({
  identityDomain: z.string(),
  customerId: z.string(),
  total: z.number().int().nonnegative(),
  clients: z.array(z.object({ id: z.string().min(1), name: z.string() })),
});
export type FirstNames = z.infer<typeof firstNamesSchema>;

/** The list's first clients as the grid shows them unsorted: the list's order, with their display names. */
export function firstClientNames(
  summaries: readonly Pick<ClientSummary, 'id' | 'name'>[],
  limit = firstNamesPageSize,
): FirstNames['clients'] {
  return summaries.slice(0, limit).map((summary) => ({ id: summary.id, name: clientDisplayName(summary) }));
}
