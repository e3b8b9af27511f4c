// What an inventory failed to read, for a migration: files made from a partial inventory would silently leave
// clients or policies behind. Two 404s are facts, not gaps: a client deleted after the list was read is gone,
// and a policy that does not exist is a dangling reference (a finding on the client that names it).
import type { Inventory } from '../inventory.ts';
import { failureKey } from '../inventory.ts';
import { clientDisplayName } from '../client-model.ts';

export interface MissingItem {
  resource: string;
  id: string | null;
  /** A plain sentence: what is missing and why. */
  reason: string;
}

const resourceNames: Record<string, string> = {
  client: 'Client',
  clientList: 'The client list',
  loginPolicy: 'Login policy',
  loginPolicyList: 'The login policy list',
  tokenPolicy: 'Token policy',
  tokenPolicyList: 'The token policy list',
};

export function missingItems(inventory: Inventory): {
  missing: MissingItem[];
  gone: { id: string; name: string }[];
} {
  const missing: MissingItem[] = [];
  const gone: { id: string; name: string }[] = [];
  const names = new Map(inventory.summaries.map((summary) => [summary.id, clientDisplayName(summary)]));
  if (inventory.total === null && !inventory.failures.has(failureKey('clientList', null))) {
    missing.push({ resource: 'clientList', id: null, reason: 'The client list has not been read.' });
  }
  for (const failure of inventory.failures.values()) {
    if (failure.resource === 'client' && failure.status === 404 && failure.id !== null) {
      gone.push({ id: failure.id, name: names.get(failure.id) ?? failure.id });
      continue;
    }
    if ((failure.resource === 'loginPolicy' || failure.resource === 'tokenPolicy') && failure.status === 404)
      continue;
    const what = resourceNames[failure.resource] ?? failure.resource;
    const subject = failure.id === null ? what : `${what} ${names.get(failure.id) ?? failure.id}`;
    missing.push({
      resource: failure.resource,
      id: failure.id,
      reason: `${subject} could not be read (HTTP ${failure.status}: ${failure.detail}).`,
    });
  }
  for (const summary of inventory.summaries) {
    if (inventory.clientsById.has(summary.id) || inventory.failures.has(failureKey('client', summary.id)))
      continue;
    missing.push({
      resource: 'client',
      id: summary.id,
      reason: `Client ${clientDisplayName(summary)} has no details yet.`,
    });
  }
  if (inventory.done === null && inventory.total !== null) {
    missing.push({ resource: 'inventory', id: null, reason: 'The inventory has not finished reading.' });
  }
  return { missing, gone };
}
