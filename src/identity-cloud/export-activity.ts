// A file the dashboard saved in the browser, as the browser reports it for the access log: what kind of file and
// how many clients it held, never its content. The server cannot see these files being made (they are built from
// what the browser already holds), so this report is the only trace it gets.
import { z } from 'zod';

export const exportActivityKinds = ['clients-view', 'inventory-snapshot', 'drift', 'migration'] as const;
export type ExportActivityKind = (typeof exportActivityKinds)[number];
export const exportActivityFormats = ['csv', 'json', 'zip'] as const;

export const exportActivitySchema = z.object({
  kind: z.enum(exportActivityKinds),
  format: z.enum(exportActivityFormats),
  /** Clients in the file (for drift: the clients compared). */
  count: z.number().int().min(0).max(10_000_000),
});

export type ExportActivity = z.infer<typeof exportActivitySchema>;

const kindPhrases: Record<ExportActivityKind, string> = {
  'clients-view': 'the clients view',
  'inventory-snapshot': 'the inventory snapshot',
  drift: 'the drift results',
  migration: 'the migration kit',
};

/** The access log's sentence: "CSV of the clients view, 12 clients". */
export function exportActivityDetail(activity: ExportActivity): string {
  const clients = `${activity.count} client${activity.count === 1 ? '' : 's'}`;
  return `${activity.format.toUpperCase()} of ${kindPhrases[activity.kind]}, ${clients}`;
}
