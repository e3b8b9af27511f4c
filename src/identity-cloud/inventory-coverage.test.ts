import { describe, expect, it } from 'vitest';
import { inventoryCoverage, policyPresence } from './inventory-coverage.ts';
import { buildInventory, confidentialClient, loginPolicyA } from './inventory-fixtures.ts';
import { emptyInventory } from './inventory.ts';

describe('inventoryCoverage', () => {
  it('knows nothing of an empty inventory', () => {
    expect(inventoryCoverage(emptyInventory())).toEqual({
      finished: false,
      clientListLoaded: false,
      missingClientDetails: 0,
      allClientDetailsLoaded: false,
      loginPolicyListLoaded: false,
      tokenPolicyListLoaded: false,
    });
  });

  it('counts listed clients without details, and policy lists that failed', () => {
    const coverage = inventoryCoverage(
      buildInventory({
        clients: [confidentialClient('a')],
        extraSummaries: [{ id: 'b' }],
        failures: [{ resource: 'tokenPolicyList', status: 403 }],
      }),
    );
    expect(coverage).toMatchObject({
      finished: true,
      missingClientDetails: 1,
      allClientDetailsLoaded: false,
      loginPolicyListLoaded: true,
      tokenPolicyListLoaded: false,
    });
  });
});

describe('policyPresence', () => {
  const inventory = buildInventory({
    loginPolicies: [loginPolicyA],
    failures: [
      { resource: 'loginPolicy', id: 'lp-404', status: 404 },
      { resource: 'loginPolicy', id: 'lp-500', status: 500 },
      { resource: 'tokenPolicyList', status: 403 },
    ],
  });
  const coverage = inventoryCoverage(inventory);

  it.each([
    ['loginPolicy', 'lp-a', 'present'],
    ['loginPolicy', 'lp-404', 'missing'],
    ['loginPolicy', 'lp-500', 'unknown'],
    ['loginPolicy', 'lp-never-seen', 'missing'],
    ['tokenPolicy', 'tp-never-seen', 'unknown'],
  ] as const)('%s %s is %s', (kind, id, expected) => {
    expect(policyPresence(inventory, coverage, kind, id)).toBe(expected);
  });
});
