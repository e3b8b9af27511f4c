// The seeded tenant is where the Migration page and `npm run migrate` are tried out: it must show every verdict.
import { describe, expect, it } from 'vitest';
import { evaluateInventory } from '../identity-cloud/findings/evaluate-inventory.ts';
import { applyInventoryLine, emptyInventory } from '../identity-cloud/inventory.ts';
import { migrationTargets } from '../identity-cloud/migration/migration-target.ts';
import { migrationPlan } from '../identity-cloud/migration/readiness.ts';
import { seedTenant } from './seed-tenant.ts';

function seededInventory(clients: number) {
  const tenant = seedTenant({
    seed: 1,
    clients,
    customerId: '01000000-0000-3000-9000-000000000000',
    configurationClient: { clientId: 'config-client', clientSecret: 'config-secret', scope: '*:config/**' },
  });
  const inventory = emptyInventory();
  applyInventoryLine(inventory, {
    kind: 'list',
    total: tenant.clients.length,
    clients: tenant.clients.map(({ id, name }) => ({ id, name })),
  });
  for (const client of tenant.clients) applyInventoryLine(inventory, { kind: 'client', client });
  for (const policy of tenant.loginPolicies) applyInventoryLine(inventory, { kind: 'loginPolicy', policy });
  for (const policy of tenant.tokenPolicies) applyInventoryLine(inventory, { kind: 'tokenPolicy', policy });
  applyInventoryLine(inventory, { kind: 'done', clients: tenant.clients.length, failed: 0, ms: 1 });
  return inventory;
}

describe('the seeded tenant for a migration', () => {
  it.each([19, 60])('with %i clients, holds clients of every verdict for every target', (count) => {
    const inventory = seededInventory(count);
    const findings = evaluateInventory(inventory);
    for (const target of migrationTargets) {
      const plan = migrationPlan(target, inventory, findings);
      expect(plan.missing).toEqual([]);
      expect(plan.clients).toHaveLength(count);
      expect(plan.countsByVerdict.ready, `${target} ready`).toBeGreaterThan(0);
      expect(plan.countsByVerdict.change, `${target} change`).toBeGreaterThan(0);
      expect(plan.countsByVerdict.reimagine, `${target} reimagine`).toBeGreaterThan(0);
    }
  });

  it('its login policies use Hosted Login v2, v1 and an own login page', () => {
    const inventory = seededInventory(19);
    const urls = [...inventory.loginPoliciesById.values()].map((policy) => policy.loginURL ?? '');
    expect(urls.some((url) => url.endsWith('/auth-ui/v2/login'))).toBe(true);
    expect(urls.some((url) => url.endsWith('/auth-ui/login'))).toBe(true);
    expect(urls.some((url) => !url.includes('/auth-ui/'))).toBe(true);
  });
});
