// The session tenant's snapshot list for the HTML of `/history`: read from the store as `/api/history/snapshots`
// reads it (the tenant comes from the session, never from the request), within a short deadline. Never an error:
// no session, the store off, failing or slow, an empty or a very long list all give the plain page.
import type { Context } from 'hono';
import { historySnapshotListSchema } from '../identity-cloud/history.ts';
import { carriedSnapshotsLimit, type CarriedSnapshots } from '../identity-cloud/history-page-words.ts';
import type { HistoryPort, HistoryTenant } from '../proxy/history-port.ts';
import { settleWithin } from '../proxy/settle-within.ts';

export interface CarriedHistoryOptions {
  history: HistoryPort;
  tenantOf: (c: Context) => HistoryTenant | null;
  /** How long the page may wait for the store. */
  timeoutMs: number;
}

export function carriedHistoryReader({ history, tenantOf, timeoutMs }: CarriedHistoryOptions) {
  return async (c: Context): Promise<CarriedSnapshots | null> => {
    const tenant = tenantOf(c);
    if (tenant === null) return null;
    try {
      const listed = await settleWithin(history.listSnapshots(tenant), timeoutMs, null);
      const parsed = historySnapshotListSchema.safeParse(listed);
      if (!parsed.success) return null;
      const { snapshots } = parsed.data;
      if (snapshots.length === 0 || snapshots.length > carriedSnapshotsLimit) return null;
      return { identityDomain: tenant.identityDomain, customerId: tenant.customerId, snapshots };
    } catch {
      // History off or failing: the app's own request says why.
      return null;
    }
  };
}
