// The tenants' learnt caps on both engines: written, read back, written over, kept apart per tenant.
import { describe, expect, it } from 'vitest';
import { readTenantLimit, writeTenantLimit } from './tenant-limits-repository.ts';
import { freshStorePerTest, testEngines } from './test-stores.ts';

const tenant = { identityDomain: 'https://v1.api.us.janrain.com', customerId: 'ABC-123' };

describe.each(testEngines())('tenant limits on %s', (engine) => {
  const fresh = freshStorePerTest(engine);

  it('knows no cap for a tenant it never saw', async () => {
    expect(await readTenantLimit(fresh.store, tenant)).toBeNull();
  });

  it('gives a cap back across a reopen, written over by the next one, the customer id without case', async () => {
    const first = new Date(Date.UTC(2026, 11, 1, 9, 0, 0));
    await writeTenantLimit(fresh.store, tenant, { maxConcurrency: 16, learntAt: first });
    await fresh.reopen();
    expect(await readTenantLimit(fresh.store, tenant)).toEqual({ maxConcurrency: 16, learntAt: first });

    const later = new Date(Date.UTC(2026, 11, 2, 9, 0, 0));
    await writeTenantLimit(
      fresh.store,
      { ...tenant, customerId: 'abc-123' },
      { maxConcurrency: 12, learntAt: later },
    );
    expect(await readTenantLimit(fresh.store, tenant)).toEqual({ maxConcurrency: 12, learntAt: later });
    const rows = await fresh.store.db.selectFrom('tenant_limits').selectAll().execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps tenants apart: another customer, or the same customer id on another domain', async () => {
    const at = new Date(Date.UTC(2026, 11, 1));
    await writeTenantLimit(fresh.store, tenant, { maxConcurrency: 16, learntAt: at });
    await writeTenantLimit(
      fresh.store,
      { ...tenant, customerId: 'other' },
      { maxConcurrency: 4, learntAt: at },
    );
    expect(
      await readTenantLimit(fresh.store, {
        identityDomain: 'https://v1.api.eu.janrain.com',
        customerId: 'ABC-123',
      }),
    ).toBeNull();
    expect(await readTenantLimit(fresh.store, { ...tenant, customerId: 'OTHER' })).toMatchObject({
      maxConcurrency: 4,
    });
    expect(await readTenantLimit(fresh.store, tenant)).toMatchObject({ maxConcurrency: 16 });
  });

  it('refuses to write a cap that is not a positive integer, and ignores such a row when reading', async () => {
    const at = new Date(Date.UTC(2026, 11, 1));
    await expect(writeTenantLimit(fresh.store, tenant, { maxConcurrency: 0, learntAt: at })).rejects.toThrow(
      /maxConcurrency must be a positive integer/,
    );
    await fresh.store.db
      .insertInto('tenant_limits')
      .values({
        identity_domain: tenant.identityDomain,
        customer_id: 'abc-123',
        max_concurrency: 0,
        learnt_at: 'soon',
      })
      .execute();
    expect(await readTenantLimit(fresh.store, tenant)).toBeNull();
  });
});
