// The finding the acceptance tests accept or leave open: a wildcard redirect URI on the public client spa,
// accepted in the store or in the audit policy file. Test-only by use.
import { evaluateInventory } from '../findings/evaluate-inventory.ts';
import { buildInventory, loginPolicyA, publicClient, tokenPolicyA } from '../inventory-fixtures.ts';
import type { Acceptance } from './acceptance.ts';
import type { AuditPolicy } from './audit-policy.ts';

export const wildcard = 'https://*.preview.example.com/cb';

/** The store's acceptance of the wildcard on spa, as the evaluation reads it. */
export const storedWildcardAcceptance: Acceptance = {
  id: 'a1',
  source: 'store',
  rule: 'redirect-uri-wildcard',
  client: 'spa',
  value: wildcard,
  reason: 'Preview deployments, reviewed by security',
  owner: 'security@example.com',
  expires: '2027-03-01',
  acceptedBy: 'alice@example.com',
  acceptedAt: '2026-12-01T10:00:00.000Z',
};

/** An audit policy file whose one acceptance covers the wildcard finding on spa. */
export function policyFileAcceptance(owner: string, expires: string): AuditPolicy {
  return {
    acceptedFindings: [
      { client: 'spa', rule: 'redirect-uri-wildcard', reason: 'In the file', owner, expires },
    ],
  };
}

/** The findings of an inventory of spa alone with these redirect URIs, and how many wildcard findings stay open. */
export function evaluateSpa(uris: string[], acceptances: Acceptance[], now: Date, policy: AuditPolicy) {
  const inventory = buildInventory({
    clients: [publicClient('spa', uris)],
    loginPolicies: [loginPolicyA],
    tokenPolicies: [tokenPolicyA],
  });
  const result = evaluateInventory(inventory, { policy, acceptances, now });
  return { result, open: result.all.filter((finding) => finding.ruleId === 'redirect-uri-wildcard').length };
}
