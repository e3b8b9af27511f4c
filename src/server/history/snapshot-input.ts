// A finished inventory as the store records it: the content redacted as the browser got it (and once more as the
// snapshot file is), which items to carry over because they failed, and the summary the History page lists.
import { classifyClient, clientKinds, type ClientKind } from '../../identity-cloud/client-kind.ts';
import { evaluateInventory } from '../../identity-cloud/findings/evaluate-inventory.ts';
import { createSnapshot } from '../../identity-cloud/snapshot.ts';
import type { FinishedInventory, HistoryTenant } from '../../proxy/history-port.ts';
import {
  yieldToEventLoop,
  type HistoryItem,
  type HistoryItemKind,
  type SnapshotInput,
} from '../../store/history-repository.ts';

/** The scope of every history query: identity domain and customer id (ids compare without case). */
export function tenantKey(tenant: HistoryTenant): string {
  return `${tenant.identityDomain}/${tenant.customerId.toLowerCase()}`;
}

const itemKinds = new Set<string>(['client', 'loginPolicy', 'tokenPolicy']);
const listKinds: Record<string, HistoryItemKind> = {
  loginPolicyList: 'loginPolicy',
  tokenPolicyList: 'tokenPolicy',
};

export async function toSnapshotInput(finished: FinishedInventory): Promise<SnapshotInput> {
  const { inventory, tenant } = finished;
  // Only the counts are stored: the findings themselves are evaluated again when a snapshot is read back. Each
  // phase is a few tens of ms at 10,000 clients: timers and sockets run in between.
  const findings = evaluateInventory(inventory).countsBySeverity;
  await yieldToEventLoop();
  const snapshot = createSnapshot(inventory, {
    identityDomain: tenant.identityDomain,
    customerId: tenant.customerId,
    exportedAt: finished.takenAt,
  });
  await yieldToEventLoop();

  const failures = snapshot.failures;
  // Listed, then 404: deleted during the read. Removed, not failed. A policy's 404 is a dangling reference.
  const deleted = new Set(
    failures.filter((failure) => failure.resource === 'client' && failure.status === 404).map((f) => f.id),
  );
  const realFailures = failures.filter(
    (failure) => !(itemKinds.has(failure.resource) && failure.status === 404),
  );
  const carriedOver = realFailures
    .filter((failure) => itemKinds.has(failure.resource) && failure.id !== null)
    .map((failure) => ({ kind: failure.resource as HistoryItemKind, id: failure.id ?? '' }));
  const carriedOverKinds = realFailures
    .map((failure) => listKinds[failure.resource])
    .filter((kind): kind is HistoryItemKind => kind !== undefined);
  const clientsWithoutDetails = snapshot.clientsWithoutDetails.filter((client) => !deleted.has(client.id));

  const countsByKind = Object.fromEntries(clientKinds.map((kind) => [kind, 0])) as Record<ClientKind, number>;
  for (const client of snapshot.clients) countsByKind[classifyClient(client)] += 1;

  const items: HistoryItem[] = [
    ...snapshot.clients.map((client) => ({ kind: 'client' as const, id: client.id, content: client })),
    ...snapshot.loginPolicies.map((policy) => ({
      kind: 'loginPolicy' as const,
      id: policy.id,
      content: policy,
    })),
    ...snapshot.tokenPolicies.map((policy) => ({
      kind: 'tokenPolicy' as const,
      id: policy.id,
      content: policy,
    })),
  ];
  return {
    tenant: tenantKey(tenant),
    takenAt: finished.takenAt,
    source: finished.source,
    partial: realFailures.length > 0 || clientsWithoutDetails.length > 0,
    items,
    carriedOver,
    carriedOverKinds,
    summary: {
      identityDomain: tenant.identityDomain,
      customerId: tenant.customerId,
      countsByKind,
      findings,
      failures: realFailures,
      clientsWithoutDetails,
      done: snapshot.done,
    },
  };
}
