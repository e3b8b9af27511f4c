import type { ClientKind } from '../../../identity-cloud/client-kind.ts';
import { classifyClient, clientKinds } from '../../../identity-cloud/client-kind.ts';
import type { Severity } from '../../../identity-cloud/findings/finding.ts';
import { emptySeverityCounts } from '../../../identity-cloud/findings/finding.ts';
import type { InventoryFindings } from '../../../identity-cloud/findings/evaluate-inventory.ts';
import type { Inventory } from '../../../identity-cloud/inventory.ts';
import { failureKey, freshClientCount, policiesOf } from '../../../identity-cloud/inventory.ts';
import type { PolicyKind } from '../../../identity-cloud/config-resources.ts';

export interface PolicyCount {
  id: string;
  /** Null when the policy could not be read or does not exist. */
  title: string | null;
  /** The tenant answered 404 for it: clients refer to a policy that is not there. */
  missing: boolean;
  clients: number;
}

export interface PolicyCounts {
  /** Most used first; ties by title. */
  policies: PolicyCount[];
  /** Clients whose details arrived without this kind of policy (configuration clients have no login policy). */
  withoutPolicy: number;
  /** Policies that exist but no client uses (known only once every client's details arrived). */
  unused: PolicyCount[];
}

export interface OverviewCounts {
  total: number | null;
  /** Clients whose details arrived; the kind, policy counts and findings speak of these. */
  detailed: number;
  byKind: Record<ClientKind, number>;
  byLoginPolicy: PolicyCounts;
  byTokenPolicy: PolicyCounts;
  bySeverity: Record<Severity, number>;
}

function countPolicies(inventory: Inventory, kind: PolicyKind, allDetailsLoaded: boolean): PolicyCounts {
  const policies = policiesOf(inventory, kind);
  const counts = new Map<string, number>();
  let withoutPolicy = 0;
  for (const client of inventory.clientsById.values()) {
    const id = client[kind];
    if (typeof id !== 'string' || id === '') withoutPolicy += 1;
    else counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const used: PolicyCount[] = [...counts].map(([id, clients]) => ({
    id,
    title: policies.get(id)?.title ?? null,
    missing: inventory.failures.get(failureKey(kind, id))?.status === 404,
    clients,
  }));
  used.sort((a, b) => b.clients - a.clients || (a.title ?? a.id).localeCompare(b.title ?? b.id));
  const unused = allDetailsLoaded
    ? [...policies.values()]
        .filter((policy) => !counts.has(policy.id))
        .map((policy) => ({ id: policy.id, title: policy.title ?? null, missing: false, clients: 0 }))
    : [];
  return { policies: used, withoutPolicy, unused };
}

/** Everything the overview shows, in one pass over the clients. */
export function overviewCounts(
  inventory: Inventory,
  findings: InventoryFindings | undefined,
): OverviewCounts {
  const byKind = Object.fromEntries(clientKinds.map((kind) => [kind, 0])) as Record<ClientKind, number>;
  for (const client of inventory.clientsById.values()) byKind[classifyClient(client)] += 1;
  const allDetailsLoaded = findings?.coverage.allClientDetailsLoaded ?? false;
  return {
    total: inventory.total,
    detailed: freshClientCount(inventory),
    byKind,
    byLoginPolicy: countPolicies(inventory, 'loginPolicy', allDetailsLoaded),
    byTokenPolicy: countPolicies(inventory, 'tokenPolicy', allDetailsLoaded),
    bySeverity: findings?.countsBySeverity ?? emptySeverityCounts(),
  };
}

export interface ChartItem {
  label: string;
  value: number;
}

/** The `limit - 1` most used policies, the rest folded into one "Other policies" entry. */
export function topPolicies(
  policies: readonly PolicyCount[],
  limit: number,
): {
  shown: PolicyCount[];
  others: { policies: number; clients: number } | null;
} {
  if (policies.length <= limit) return { shown: [...policies], others: null };
  const shown = policies.slice(0, limit - 1);
  const rest = policies.slice(limit - 1);
  return {
    shown,
    others: { policies: rest.length, clients: rest.reduce((sum, policy) => sum + policy.clients, 0) },
  };
}
