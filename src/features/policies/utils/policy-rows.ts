import type { PolicySummary } from '../../../identity-cloud/schemas.ts';
import { policyTitle } from '../../../identity-cloud/client-model.ts';

export interface PolicyRow {
  id: string;
  title: string;
  /** Neither listed nor fetched: only known because clients reference it. */
  unreadable: boolean;
  /** Clients using it among those whose details arrived. */
  clientCount: number;
}

/**
 * The tenant's policies (from the list when readable, plus those the inventory fetched, plus ids that clients
 * reference but that could not be read), each with its number of clients, sorted by title.
 */
export function toPolicyRows(
  listed: readonly PolicySummary[] | undefined,
  fetched: ReadonlyMap<string, PolicySummary>,
  usage: ReadonlyMap<string, readonly unknown[]>,
): PolicyRow[] {
  const ids = new Set<string>([
    ...(listed ?? []).map((policy) => policy.id),
    ...fetched.keys(),
    ...usage.keys(),
  ]);
  const listedById = new Map((listed ?? []).map((policy) => [policy.id, policy]));
  return [...ids]
    .map((id) => {
      const known = fetched.get(id) ?? listedById.get(id);
      return {
        id,
        title: known === undefined ? `Unreadable policy (${id})` : policyTitle(known),
        unreadable: known === undefined,
        clientCount: usage.get(id)?.length ?? 0,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}
