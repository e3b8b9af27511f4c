// What every writing transaction of the history shares: the tenant's lock, its latest snapshot, and slices small
// enough that timers and sockets run between them.
import { sql, type Transaction } from 'kysely';
import type { Database, StoreEngine } from './database.ts';

export type Trx = Transaction<Database>;

const batchSize = 500;

/** Rows per statement: a 10,000-item write is twenty statements, each a slice of the event loop. */
export function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += batchSize)
    result.push(items.slice(start, start + batchSize));
  return result;
}

/** Lets timers and sockets run between slices of a long recording: one recording, not the server, waits. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One writer per tenant at a time, across processes: concurrent finishes give consistent snapshots. */
export async function lockTenant(trx: Trx, engine: StoreEngine, tenant: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${`history:${tenant}`}))`.execute(trx);
  } else {
    // SQLite: a write first, so that the transaction holds the write lock before it reads (no lock upgrade
    // failing with SQLITE_BUSY when another process writes at the same time).
    await trx
      .deleteFrom('history_snapshots')
      .where(sql<boolean>`0 = 1`)
      .execute();
  }
}

/** The tenant's newest snapshot (by position), read inside the transaction that holds its lock. */
export function latestSnapshot(trx: Trx, tenant: string) {
  return trx
    .selectFrom('history_snapshots')
    .select(['id', 'position', 'revision'])
    .where('tenant', '=', tenant)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
}
