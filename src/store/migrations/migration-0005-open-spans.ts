// Spans still present in a tenant's latest revision are marked open (`last_revision` = openRevision) instead of
// carrying the latest revision's number. A new revision then touches only what changed: before, every span of the
// tenant was rewritten on every changed snapshot (10,000 rows for 1 % churn, and on PostgreSQL as many dead tuples
// and index entries each time).
import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** `last_revision` of a span that is in the latest revision and every one after it, until it changes or goes. */
export const openRevision = 2_147_483_647;

async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update history_spans set last_revision = ${openRevision}
    where last_revision = (select max(s.revision) from history_snapshots s where s.tenant = history_spans.tenant)`.execute(
    db,
  );
}

export const openSpansMigration: Migration = { id: 5, name: 'open-spans', up };
