// Versions written while an inventory still streams, before its snapshot exists. A version is content-addressed and
// immutable, and only a span makes it part of a snapshot: stored ahead, it is referenced by nothing until the
// snapshot's own transaction commits its spans. Until then pruning may remove it (it removes every version no span
// refers to, which is also what becomes of the versions of an inventory that never reached its done line), so the
// snapshot's transaction checks, under the tenant's lock, that each version it needs is still there
// (`missingVersions`), and writes the ones that are not.
import { sql } from 'kysely';
import type { StoreEngine } from './database.ts';
import type { Trx } from './history-transaction.ts';
import { keyOf, rememberedLatest } from './history-latest.ts';
import type { HistoryItemKind } from './history-types.ts';
import type { Store } from './store.ts';

export interface VersionAhead {
  kind: HistoryItemKind;
  id: string;
  hash: string;
  /** The content's canonical JSON (already redacted). */
  canonical: string;
}

/**
 * Stores the versions that the tenant's latest snapshot does not already hold (as remembered after the last
 * recording; nothing is skipped when none is remembered), in one statement. Resolves with the hashes it stored or
 * found stored. Outside any transaction: it never takes the tenant's lock.
 */
export async function writeVersionsAhead(
  store: Store,
  tenant: string,
  versions: readonly VersionAhead[],
): Promise<string[]> {
  const latest = rememberedLatest(store, tenant);
  const rows = new Map<string, { tenant: string; hash: string; kind: string; content: string }>();
  for (const version of versions) {
    if (latest?.get(keyOf(version.kind, version.id))?.hash === version.hash) continue;
    rows.set(version.hash, { tenant, hash: version.hash, kind: version.kind, content: version.canonical });
  }
  if (rows.size === 0) return [];
  await store.db
    .insertInto('history_versions')
    .values([...rows.values()])
    .onConflict((conflict) => conflict.columns(['tenant', 'hash']).doNothing())
    .execute();
  return [...rows.keys()];
}

/** Hashes checked by one statement: a few milliseconds of SQLite's synchronous driver. */
export const checkSlice = 2500;

/**
 * Of `hashes` (stored ahead, distinct, at most `checkSlice`), those the tenant's versions no longer hold: usually
 * none (nothing was pruned since), so the answer is empty.
 */
export async function missingVersions(
  trx: Trx,
  engine: StoreEngine,
  tenant: string,
  hashes: readonly string[],
): Promise<string[]> {
  if (hashes.length === 0) return [];
  // One parameter for the whole list (binding thousands of them costs more than the lookups), each hash looked
  // up by the primary key: on SQLite, `hash in (select value from json_each(…))` first copies the list into a
  // temporary index, which made the check about half as slow again.
  const listed =
    engine === 'postgres'
      ? sql`unnest(${[...hashes]}::text[]) as listed(value)`
      : sql`json_each(${JSON.stringify(hashes)}) as listed`;
  const missing = await sql<{ hash: string }>`select listed.value as hash from ${listed}
    where not exists (select 1 from history_versions v where v.tenant = ${tenant} and v.hash = listed.value)`.execute(
    trx,
  );
  return missing.rows.map((row) => row.hash);
}
