// What an inventory knows for sure. Rules that reason about absence ("this policy does not exist", "no client
// uses this policy") may only fire when the lists they rely on were read in full: a 403 on the policy list
// (a narrow-scope token) or a client whose details failed must not turn into false findings.
import type { Inventory } from './inventory.ts';
import { failureKey, policiesOf } from './inventory.ts';
import type { PolicyKind } from './config-resources.ts';

export interface InventoryCoverage {
  /** The stream's `done` line arrived. */
  finished: boolean;
  clientListLoaded: boolean;
  /** Clients listed whose details are not (yet) known: failed or still loading. */
  missingClientDetails: number;
  /** The client list arrived and every listed client's details are known. */
  allClientDetailsLoaded: boolean;
  /** The stream finished without a `loginPolicyList` failure: every existing login policy was seen. */
  loginPolicyListLoaded: boolean;
  tokenPolicyListLoaded: boolean;
}

function hasFailureOf(inventory: Inventory, resource: string): boolean {
  for (const failure of inventory.failures.values()) {
    if (failure.resource === resource) return true;
  }
  return false;
}

export function inventoryCoverage(inventory: Inventory): InventoryCoverage {
  const finished = inventory.done !== null;
  const clientListLoaded = inventory.total !== null && !hasFailureOf(inventory, 'clientList');
  let missingClientDetails = 0;
  for (const summary of inventory.summaries) {
    if (!inventory.clientsById.has(summary.id)) missingClientDetails += 1;
  }
  return {
    finished,
    clientListLoaded,
    missingClientDetails,
    allClientDetailsLoaded: clientListLoaded && missingClientDetails === 0,
    loginPolicyListLoaded: finished && !hasFailureOf(inventory, 'loginPolicyList'),
    tokenPolicyListLoaded: finished && !hasFailureOf(inventory, 'tokenPolicyList'),
  };
}

/**
 * Whether the policy a client refers to exists. Present when loaded; missing when its fetch answered 404, or
 * when the policy list was read in full without it; unknown otherwise (list refused, stream unfinished, or its
 * fetch failed for another reason).
 */
export function policyPresence(
  inventory: Inventory,
  coverage: InventoryCoverage,
  kind: PolicyKind,
  policyId: string,
): 'present' | 'missing' | 'unknown' {
  if (policiesOf(inventory, kind).has(policyId)) return 'present';
  const failure = inventory.failures.get(failureKey(kind, policyId));
  if (failure) return failure.status === 404 ? 'missing' : 'unknown';
  const listLoaded = kind === 'loginPolicy' ? coverage.loginPolicyListLoaded : coverage.tokenPolicyListLoaded;
  return listLoaded ? 'missing' : 'unknown';
}
