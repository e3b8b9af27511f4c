// The spans a new revision opens: 10,000 rows for a tenant's first snapshot, written inside its transaction (a span
// is what makes a version part of a snapshot, so it cannot be written ahead). Each slice is one statement with its
// rows in one parameter (a JSON array on SQLite, three arrays on PostgreSQL): a multi-row VALUES list of 500 rows
// binds 3,000 parameters and has its long text compiled by Kysely and parsed by SQLite for every statement, which
// took twice as long on SQLite as the same rows from one parameter.
import { sql } from 'kysely';
import type { StoreEngine } from './database.ts';
import type { KnownItem } from './history-latest.ts';
import type { Trx } from './history-transaction.ts';
import { openRevision } from './migrations/migration-0005-open-spans.ts';

/** Spans per statement: about 5 ms of SQLite's synchronous driver (2,500 were no cheaper per row). */
export const openSpansSlice = 1000;

/** Inserts one slice (at most `openSpansSlice` items) as spans open from `revision`. */
export async function insertOpenSpans(
  trx: Trx,
  engine: StoreEngine,
  tenant: string,
  revision: number,
  items: readonly KnownItem[],
): Promise<void> {
  if (items.length === 0) return;
  const rows =
    engine === 'postgres'
      ? sql`select ${tenant}, kind, item_id, hash, ${revision}::integer, ${openRevision}::integer
          from unnest(${items.map((item) => item.kind)}::text[], ${items.map((item) => item.id)}::text[],
            ${items.map((item) => item.hash)}::text[]) as opened(kind, item_id, hash)`
      : sql`select ${tenant}, value ->> 0, value ->> 1, value ->> 2, ${revision}, ${openRevision}
          from json_each(${JSON.stringify(items.map((item) => [item.kind, item.id, item.hash]))})`;
  await sql`insert into history_spans (tenant, kind, item_id, hash, first_revision, last_revision) ${rows}`.execute(
    trx,
  );
}
