// The tenants' learnt concurrency caps: one row per tenant, written over when the cap changes or is confirmed.
import type { Store } from './store.ts';

export interface TenantRef {
  identityDomain: string;
  customerId: string;
}

export interface StoredTenantLimit {
  maxConcurrency: number;
  learntAt: Date;
}

/** Keyed as the proxy's gates are: the identity domain as connected, the customer id without case. */
function key(tenant: TenantRef): { identity_domain: string; customer_id: string } {
  return { identity_domain: tenant.identityDomain, customer_id: tenant.customerId.toLowerCase() };
}

/** The tenant's remembered cap, or null when there is none, or the row is not one this build would write. */
export async function readTenantLimit(store: Store, tenant: TenantRef): Promise<StoredTenantLimit | null> {
  const { identity_domain, customer_id } = key(tenant);
  const row = await store.db
    .selectFrom('tenant_limits')
    .select(['max_concurrency', 'learnt_at'])
    .where('identity_domain', '=', identity_domain)
    .where('customer_id', '=', customer_id)
    .executeTakeFirst();
  if (row === undefined) return null;
  const maxConcurrency = row.max_concurrency;
  const learntAt = new Date(row.learnt_at);
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1 || Number.isNaN(learntAt.getTime()))
    return null;
  return { maxConcurrency, learntAt };
}

export async function writeTenantLimit(
  store: Store,
  tenant: TenantRef,
  limit: StoredTenantLimit,
): Promise<void> {
  if (!Number.isInteger(limit.maxConcurrency) || limit.maxConcurrency < 1) {
    throw new RangeError(`maxConcurrency must be a positive integer (got ${limit.maxConcurrency}).`);
  }
  const row = {
    ...key(tenant),
    max_concurrency: limit.maxConcurrency,
    learnt_at: limit.learntAt.toISOString(),
  };
  await store.db
    .insertInto('tenant_limits')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(['identity_domain', 'customer_id'])
        .doUpdateSet({ max_concurrency: row.max_concurrency, learnt_at: row.learnt_at }),
    )
    .execute();
}
