// Risks accepted in the dashboard: a finding (rule, subject, matched value) someone reviewed, with why, who owns
// it, who recorded it and until when. A revocation is kept (revoked_at, revoked_by) rather than deleted, so the
// access log and a later look at the table can tell what was accepted and when it stopped.
import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

export interface AcceptancesTable {
  id: string;
  /** `identityDomain/customerid` (customer id lower-cased), like the history tables: the scope of every query. */
  tenant: string;
  rule_id: string;
  /** The finding's subject: a client's id, or a policy's for policy rules. */
  client_id: string;
  client_name: string;
  /** The matched value (e.g. the redirect URI); null: any finding of the rule on that subject. */
  matched_value: string | null;
  reason: string;
  owner: string;
  /** The signed-in person; null when the dashboard has no sign-in. */
  accepted_by: string | null;
  /** ISO 8601, UTC. */
  accepted_at: string;
  /** Last day it holds, `YYYY-MM-DD`. */
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface AcceptanceTables {
  acceptances: AcceptancesTable;
}

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('acceptances')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('tenant', 'text', (column) => column.notNull())
    .addColumn('rule_id', 'text', (column) => column.notNull())
    .addColumn('client_id', 'text', (column) => column.notNull())
    .addColumn('client_name', 'text', (column) => column.notNull())
    .addColumn('matched_value', 'text')
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('owner', 'text', (column) => column.notNull())
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema
    .createIndex('acceptances_tenant_revoked')
    .on('acceptances')
    .columns(['tenant', 'revoked_at'])
    .execute();
}

export const acceptancesMigration: Migration = { id: 4, name: 'acceptances', up };
