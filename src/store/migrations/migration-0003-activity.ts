// The access log: who did what, when, from where. Sign-ins, sign-outs, refusals, tenant connections made through
// the form (the tenant, never the secret), exports and snapshots taken.
import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

export interface ActivityEventsTable {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  kind: string;
  /** The signed-in person's identifier; null when nobody is known (a refusal, AUTH_MODE=none). */
  user_id: string | null;
  /** The TCP peer's address. */
  address: string | null;
  /** `identityDomain/customerId` for tenant events. */
  tenant: string | null;
  /** One sentence (a refusal's reason, an export's format); never a secret or token. */
  detail: string | null;
}

export interface ActivityTables {
  activity_events: ActivityEventsTable;
}

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('activity_events')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text')
    .addColumn('address', 'text')
    .addColumn('tenant', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('activity_events_at').on('activity_events').columns(['at', 'id']).execute();
  await db.schema
    .createIndex('activity_events_user')
    .on('activity_events')
    .columns(['user_id', 'at'])
    .execute();
  await db.schema.createIndex('activity_events_kind').on('activity_events').columns(['kind', 'at']).execute();
}

export const activityMigration: Migration = { id: 3, name: 'activity', up };
