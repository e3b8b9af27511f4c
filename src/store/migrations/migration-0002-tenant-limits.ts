// Each tenant's concurrency cap as the proxy learnt it from its 429s, so that a restarted server starts from it
// instead of learning it again (each refusal costs a whole Retry-After). One row per tenant.
import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

export interface TenantLimitsTable {
  /** As connected (lowercase, no trailing slash: the connection rules normalise it). */
  identity_domain: string;
  /** Lowercased: customer ids are compared without case, as the proxy's gates do. */
  customer_id: string;
  max_concurrency: number;
  /** ISO 8601, UTC: when the cap was learnt or last confirmed. */
  learnt_at: string;
}

export interface TenantLimitsTables {
  tenant_limits: TenantLimitsTable;
}

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tenant_limits')
    .addColumn('identity_domain', 'text', (column) => column.notNull())
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('max_concurrency', 'integer', (column) => column.notNull())
    .addColumn('learnt_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('tenant_limits_pkey', ['identity_domain', 'customer_id'])
    .execute();
}

export const tenantLimitsMigration: Migration = { id: 2, name: 'tenant-limits', up };
