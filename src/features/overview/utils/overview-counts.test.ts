import { describe, expect, it } from 'vitest';
import { evaluateInventory } from '../../../identity-cloud/findings/evaluate-inventory.ts';
import {
  buildInventory,
  configurationClient,
  confidentialClient,
  publicClient,
  bothLoginPolicies,
} from '../../../identity-cloud/inventory-fixtures.ts';
import { overviewCounts, topPolicies } from './overview-counts.ts';

describe('overviewCounts', () => {
  it('counts clients by kind and by policy, policies missing or unused, and findings by severity', () => {
    const inventory = buildInventory({
      clients: [
        publicClient('a'),
        publicClient('b', ['http://b.example.com/cb']),
        confidentialClient('c', undefined, { loginPolicy: 'lp-gone' }),
        configurationClient('d'),
      ],
      ...bothLoginPolicies,
      failures: [{ resource: 'loginPolicy', id: 'lp-gone', status: 404 }],
    });
    const counts = overviewCounts(inventory, evaluateInventory(inventory));
    expect(counts.byKind).toEqual({ public: 2, confidential: 1, configuration: 1 });
    expect(counts.byLoginPolicy.policies).toEqual([
      { id: 'lp-a', title: 'Customer login', missing: false, clients: 2 },
      { id: 'lp-gone', title: null, missing: true, clients: 1 },
    ]);
    expect(counts.byLoginPolicy.withoutPolicy).toBe(1);
    expect(counts.byLoginPolicy.unused.map((policy) => policy.id)).toEqual(['lp-b']);
    expect(counts.byTokenPolicy.policies.map((policy) => [policy.id, policy.clients])).toEqual([
      ['tp-a', 3],
      ['tp-config', 1],
    ]);
    expect(counts.bySeverity.high).toBe(2);
    expect(counts.bySeverity.info).toBe(1);
  });

  it('folds the least used policies into one entry', () => {
    const policies = [5, 4, 3, 2, 1].map((clients, index) => ({
      id: `p${index}`,
      title: `P${index}`,
      missing: false,
      clients,
    }));
    const { shown, others } = topPolicies(policies, 3);
    expect(shown.map((policy) => policy.id)).toEqual(['p0', 'p1']);
    expect(others).toEqual({ policies: 3, clients: 6 });
    expect(topPolicies(policies, 5).others).toBeNull();
  });
});
