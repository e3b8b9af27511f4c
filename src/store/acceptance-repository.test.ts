// Accepted risks on both engines: recorded, listed per tenant, revoked once, and never another tenant's.
import { describe, expect, it } from 'vitest';
import {
  listAcceptances,
  maxAcceptancesPerTenant,
  recordAcceptance,
  revokeAcceptance,
  TooManyAcceptancesError,
  type AcceptanceInput,
} from './acceptance-repository.ts';
import { freshStorePerTest, testEngines } from './test-stores.ts';

const tenantA = 'https://v1.api.us.janrain.com/aaaa';
const tenantB = 'https://v1.api.us.janrain.com/bbbb';

const input = (overrides: Partial<AcceptanceInput> = {}): AcceptanceInput => ({
  rule: 'redirect-uri-wildcard',
  clientId: 'spa',
  clientName: 'Public spa',
  value: 'https://*.preview.example.com/cb',
  reason: 'Preview deployments, reviewed by security',
  owner: 'security@example.com',
  acceptedBy: 'alice@example.com',
  acceptedAt: new Date(Date.UTC(2026, 11, 1, 9, 0, 0)),
  expires: '2027-03-01',
  ...overrides,
});

describe.each(testEngines())('acceptances on %s', (engine) => {
  const fresh = freshStorePerTest(engine);

  it('keeps what was accepted, by whom and until when, and lists it for its tenant only', async () => {
    const first = await recordAcceptance(fresh.store, tenantA, input());
    const second = await recordAcceptance(
      fresh.store,
      tenantA,
      input({ value: null, acceptedBy: null, acceptedAt: new Date(Date.UTC(2026, 11, 1, 10)) }),
    );
    await recordAcceptance(fresh.store, tenantB, input({ clientId: 'other' }));

    const listed = await listAcceptances(fresh.store, tenantA);
    expect(listed).toEqual([first, second]);
    // Every field of the input, the time as ISO text, with its id and not revoked.
    expect(listed[0]).toEqual({
      ...input(),
      id: first.id,
      acceptedAt: '2026-12-01T09:00:00.000Z',
      revokedAt: null,
      revokedBy: null,
    });
    expect(listed[1]).toMatchObject({ value: null, acceptedBy: null });
    expect((await listAcceptances(fresh.store, tenantB)).map((row) => row.clientId)).toEqual(['other']);
    expect(await listAcceptances(fresh.store, 'https://v1.api.us.janrain.com/cccc')).toEqual([]);
  });

  it('revokes once, within its tenant: another tenant cannot revoke it, a second revoke finds nothing', async () => {
    const kept = await recordAcceptance(fresh.store, tenantA, input());
    const at = new Date(Date.UTC(2026, 11, 2, 8));
    expect(await revokeAcceptance(fresh.store, tenantB, kept.id, 'mallory', at)).toBeNull();
    expect(await listAcceptances(fresh.store, tenantA)).toHaveLength(1);

    const revoked = await revokeAcceptance(fresh.store, tenantA, kept.id, 'bob@example.com', at);
    expect(revoked).toMatchObject({
      id: kept.id,
      revokedAt: '2026-12-02T08:00:00.000Z',
      revokedBy: 'bob@example.com',
    });
    expect(await listAcceptances(fresh.store, tenantA)).toEqual([]);
    expect(await revokeAcceptance(fresh.store, tenantA, kept.id, 'bob@example.com', at)).toBeNull();
    expect(await revokeAcceptance(fresh.store, tenantA, 'no-such-id', null, at)).toBeNull();
    // The row stays, for the record.
    const rows = await fresh.store.db.selectFrom('acceptances').select(['id', 'revoked_by']).execute();
    expect(rows).toEqual([{ id: kept.id, revoked_by: 'bob@example.com' }]);
  });

  it(`refuses more than ${maxAcceptancesPerTenant} standing acceptances in one tenant`, async () => {
    const rows = Array.from({ length: maxAcceptancesPerTenant }, (_, index) => ({
      id: `seeded-${index}`,
      tenant: tenantA,
      rule_id: 'redirect-uri-wildcard',
      client_id: `client-${index}`,
      client_name: `Client ${index}`,
      matched_value: null,
      reason: 'seeded',
      owner: 'owner',
      accepted_by: null,
      accepted_at: '2026-12-01T00:00:00.000Z',
      expires_at: '2027-01-01',
      revoked_at: null,
      revoked_by: null,
    }));
    for (let start = 0; start < rows.length; start += 500) {
      await fresh.store.db
        .insertInto('acceptances')
        .values(rows.slice(start, start + 500))
        .execute();
    }
    await expect(recordAcceptance(fresh.store, tenantA, input())).rejects.toBeInstanceOf(
      TooManyAcceptancesError,
    );
    // Another tenant is not affected, and a revocation makes room.
    await recordAcceptance(fresh.store, tenantB, input());
    await revokeAcceptance(fresh.store, tenantA, 'seeded-0', null, new Date());
    await recordAcceptance(fresh.store, tenantA, input());
  });
});
