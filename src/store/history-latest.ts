// What the latest snapshot of a tenant holds (`kind/id → hash`), remembered per store after each recording, so that
// the next one compares against it without reading every span back. Valid only while that snapshot is still the
// tenant's latest (checked by its id in the transaction: another process may have recorded meanwhile).
import type { HistoryItemKind } from './history-types.ts';
import type { Trx } from './history-transaction.ts';
import { openRevision } from './migrations/migration-0005-open-spans.ts';
import type { Store } from './store.ts';

export interface KnownItem {
  kind: HistoryItemKind;
  id: string;
  hash: string;
}

export const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`;

interface LatestContent {
  snapshotId: string;
  items: Map<string, KnownItem>;
}
const latestContents = new WeakMap<Store, Map<string, LatestContent>>();
/** Tenants remembered per store; beyond, the least recently recorded is read back from the store next time. */
const rememberedTenants = 16;

export function rememberLatest(store: Store, tenant: string, content: LatestContent): void {
  let byTenant = latestContents.get(store);
  if (byTenant === undefined) {
    byTenant = new Map();
    latestContents.set(store, byTenant);
  }
  byTenant.delete(tenant);
  byTenant.set(tenant, content);
  for (const oldest of byTenant.keys()) {
    if (byTenant.size <= rememberedTenants) break;
    byTenant.delete(oldest);
  }
}

/** What the tenant's latest snapshot held when this process last recorded it (not checked against the store). */
export function rememberedLatest(store: Store, tenant: string): ReadonlyMap<string, KnownItem> | undefined {
  return latestContents.get(store)?.get(tenant)?.items;
}

/** The content of the tenant's latest snapshot `snapshotId`: from memory when it is the one remembered. */
export async function latestContent(
  trx: Trx,
  store: Store,
  tenant: string,
  snapshotId: string,
): Promise<Map<string, KnownItem>> {
  const remembered = latestContents.get(store)?.get(tenant);
  if (remembered?.snapshotId === snapshotId) return remembered.items;
  const rows = await trx
    .selectFrom('history_spans')
    .select(['kind', 'item_id', 'hash'])
    .where('tenant', '=', tenant)
    .where('last_revision', '=', openRevision)
    .execute();
  const items = new Map<string, KnownItem>();
  for (const row of rows) {
    items.set(keyOf(row.kind, row.item_id), {
      kind: row.kind as HistoryItemKind,
      id: row.item_id,
      hash: row.hash,
    });
  }
  return items;
}
