// A finished inventory as the store records it: the content redacted as the browser got it (and once more as the
// snapshot file is), which items to carry over because they failed, and the summary the History page lists.
import { clientKinds, type ClientKind } from '../../identity-cloud/client-kind.ts';
import { evaluateInventory } from '../../identity-cloud/findings/evaluate-inventory.ts';
import { createSnapshot } from '../../identity-cloud/snapshot.ts';
import type { FinishedInventory } from '../../proxy/history-port.ts';
import { yieldToEventLoop } from '../../store/history-transaction.ts';
import type { HistoryItem, HistoryItemKind, SnapshotInput } from '../../store/history-types.ts';
import { tenantKey } from '../../store/tenant-key.ts';
import { PreparedItems } from './prepared-items.ts';

const itemKinds = new Set<string>(['client', 'loginPolicy', 'tokenPolicy']);
const listKinds: Record<string, HistoryItemKind> = {
  loginPolicyList: 'loginPolicy',
  tokenPolicyList: 'tokenPolicy',
};

/** Items prepared between two yields when they were not prepared as they streamed (about 10 ms each slice). */
const prepareSlice = 250;

async function prepareInSlices(finished: FinishedInventory, prepared: PreparedItems): Promise<void> {
  const { inventory } = finished;
  const byKind: [HistoryItemKind, Map<string, object>][] = [
    ['client', inventory.clientsById],
    ['loginPolicy', inventory.loginPoliciesById],
    ['tokenPolicy', inventory.tokenPoliciesById],
  ];
  let made = 0;
  for (const [kind, items] of byKind) {
    for (const item of items.values()) {
      if (prepared.has(item)) continue;
      prepared.prepare(kind, item);
      made += 1;
      if (made % prepareSlice === 0) await yieldToEventLoop();
    }
  }
}

/**
 * `prepared` holds the items already redacted and hashed (as their lines streamed); whatever it lacks is
 * prepared here, so the result is the same either way.
 */
export async function toSnapshotInput(
  finished: FinishedInventory,
  prepared = new PreparedItems(),
): Promise<SnapshotInput> {
  const { inventory, tenant } = finished;
  await prepareInSlices(finished, prepared);
  // Only the counts are stored: the findings themselves are evaluated again when a snapshot is read back. The
  // findings need the whole inventory (some rules compare clients); timers and sockets run after them.
  const findings = evaluateInventory(inventory, undefined, prepared.redirectUriFindings).countsBySeverity;
  await yieldToEventLoop();
  const snapshot = createSnapshot(
    inventory,
    { identityDomain: tenant.identityDomain, customerId: tenant.customerId, exportedAt: finished.takenAt },
    { redactItem: (item) => prepared.redacted(item) },
  );
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
  const items: HistoryItem[] = [];
  const add = (kind: HistoryItemKind, content: { id: string }) => {
    const { canonical, hash, clientKind } = prepared.of(kind, content);
    if (clientKind !== null) countsByKind[clientKind] += 1;
    items.push({ kind, id: content.id, content, canonical, hash });
  };
  for (const client of snapshot.clients) add('client', client);
  for (const policy of snapshot.loginPolicies) add('loginPolicy', policy);
  for (const policy of snapshot.tokenPolicies) add('tokenPolicy', policy);
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
