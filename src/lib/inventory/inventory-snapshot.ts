import type { Inventory } from '../../identity-cloud/inventory.ts';
import { failureKey, freshClientCount } from '../../identity-cloud/inventory.ts';
import type { Client } from '../../identity-cloud/schemas.ts';

/** What the inventory query publishes: an immutable copy of the folded stream, taken at publish time. */
export interface StreamedInventory {
  readonly inventory: Inventory;
  /** The stream ended with its `done` line: every client was either fetched or reported as failed. */
  readonly complete: boolean;
}

/** Copies the containers (not the resources, which nobody mutates) so a published snapshot never changes. */
export function snapshotOf(inventory: Inventory, complete: boolean): StreamedInventory {
  return {
    inventory: {
      summaries: inventory.summaries,
      total: inventory.total,
      clientsById: new Map(inventory.clientsById),
      loginPoliciesById: new Map(inventory.loginPoliciesById),
      tokenPoliciesById: new Map(inventory.tokenPoliciesById),
      failures: new Map(inventory.failures),
      done: inventory.done,
      carriedOver: new Set(inventory.carriedOver),
    },
    complete,
  };
}

/** The snapshot with one client's details added (a retried item), its failure cleared. */
export function withInventoryClient(snapshot: StreamedInventory, client: Client): StreamedInventory {
  const clientsById = new Map(snapshot.inventory.clientsById);
  clientsById.set(client.id, client);
  const failures = new Map(snapshot.inventory.failures);
  failures.delete(failureKey('client', client.id));
  const carriedOver = new Set(snapshot.inventory.carriedOver);
  carriedOver.delete(failureKey('client', client.id));
  return { ...snapshot, inventory: { ...snapshot.inventory, clientsById, failures, carriedOver } };
}

export interface InventoryProgress {
  /** Clients in the list; null until the list arrived. */
  total: number | null;
  /** Clients whose details arrived. */
  loaded: number;
  /** Clients whose details failed after the proxy's retries. */
  failed: number;
  complete: boolean;
}

export function inventoryProgress(snapshot: StreamedInventory): InventoryProgress {
  let failed = 0;
  for (const failure of snapshot.inventory.failures.values()) {
    if (failure.resource === 'client') failed += 1;
  }
  return {
    total: snapshot.inventory.total,
    loaded: freshClientCount(snapshot.inventory),
    failed,
    complete: snapshot.complete,
  };
}

/** The failure of a whole resource kind (e.g. `loginPolicyList` refused with 403), if any. */
export function failuresOf(snapshot: StreamedInventory, resources: readonly string[]) {
  return [...snapshot.inventory.failures.values()].filter((failure) => resources.includes(failure.resource));
}
