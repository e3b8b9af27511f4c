// A tenant's whole inventory as the dashboard, the findings, the exports and drift see it.
import type { Client, ClientSummary, LoginPolicy, TokenPolicy } from './schemas.ts';
import type { InventoryErrorLine, InventoryLine } from './inventory-stream.ts';
import type { PolicyKind } from './config-resources.ts';

export interface InventoryFailure {
  resource: string;
  id: string | null;
  status: number;
  detail: string;
}

export interface Inventory {
  /** Summaries in list order; present as soon as the list arrived. */
  summaries: ClientSummary[];
  total: number | null;
  clientsById: Map<string, Client>;
  loginPoliciesById: Map<string, LoginPolicy>;
  tokenPoliciesById: Map<string, TokenPolicy>;
  /** Failures by `${resource}:${id}`; a later success for the same item removes it. */
  failures: Map<string, InventoryFailure>;
  done: { clients: number; failed: number; ms: number } | null;
  /**
   * Keys (as `failureKey`) of the details carried over from the previous load and not read again yet: a reload
   * keeps showing them until their fresh copy, or a failure, replaces them. Empty on a first load.
   */
  carriedOver: Set<string>;
}

/** The inventory's login or token policies by id. */
export function policiesOf(inventory: Inventory, kind: PolicyKind): Map<string, LoginPolicy | TokenPolicy> {
  return kind === 'loginPolicy' ? inventory.loginPoliciesById : inventory.tokenPoliciesById;
}

export function emptyInventory(): Inventory {
  return {
    summaries: [],
    total: null,
    clientsById: new Map(),
    loginPoliciesById: new Map(),
    tokenPoliciesById: new Map(),
    failures: new Map(),
    done: null,
    carriedOver: new Set(),
  };
}

/**
 * The start of a reload: the previous inventory's list and details stay (marked carried over) while the new
 * stream replaces them, so a refresh never blanks what the person is looking at. Failures are forgotten: those
 * items are asked again.
 */
export function reloadingInventory(previous: Inventory): Inventory {
  const carriedOver = new Set<string>();
  for (const id of previous.clientsById.keys()) carriedOver.add(failureKey('client', id));
  for (const id of previous.loginPoliciesById.keys()) carriedOver.add(failureKey('loginPolicy', id));
  for (const id of previous.tokenPoliciesById.keys()) carriedOver.add(failureKey('tokenPolicy', id));
  return {
    summaries: previous.summaries,
    total: previous.total,
    clientsById: new Map(previous.clientsById),
    loginPoliciesById: new Map(previous.loginPoliciesById),
    tokenPoliciesById: new Map(previous.tokenPoliciesById),
    failures: new Map(),
    done: null,
    carriedOver,
  };
}

/** Clients whose details were read by this load (carried-over ones excluded). */
export function freshClientCount(inventory: Inventory): number {
  if (inventory.carriedOver.size === 0) return inventory.clientsById.size;
  let carried = 0;
  for (const id of inventory.clientsById.keys()) {
    if (inventory.carriedOver.has(failureKey('client', id))) carried += 1;
  }
  return inventory.clientsById.size - carried;
}

function detailsOf(inventory: Inventory, resource: string): Map<string, unknown> | null {
  if (resource === 'client') return inventory.clientsById;
  if (resource === 'loginPolicy') return inventory.loginPoliciesById;
  if (resource === 'tokenPolicy') return inventory.tokenPoliciesById;
  return null;
}

/** Drops carried-over details that this load will not replace. */
function dropCarriedOver(inventory: Inventory, keep: (resource: string, id: string) => boolean): void {
  for (const key of inventory.carriedOver) {
    const separator = key.indexOf(':');
    const resource = key.slice(0, separator);
    const id = key.slice(separator + 1);
    if (keep(resource, id)) continue;
    detailsOf(inventory, resource)?.delete(id);
    inventory.carriedOver.delete(key);
  }
}

export function failureKey(resource: string, id: string | null | undefined): string {
  return `${resource}:${id ?? ''}`;
}

/** A client's or policy's details arrived: kept, and neither failed nor carried over any more. */
function received<T extends { id: string }>(
  inventory: Inventory,
  resource: string,
  byId: Map<string, T>,
  details: T,
): void {
  byId.set(details.id, details);
  inventory.failures.delete(failureKey(resource, details.id));
  inventory.carriedOver.delete(failureKey(resource, details.id));
}

function toFailure(line: InventoryErrorLine): InventoryFailure {
  return { resource: line.resource, id: line.id ?? null, status: line.status, detail: line.detail };
}

/**
 * Folds one stream line into the inventory, mutating it (the caller owns it and copies when it must publish
 * a new reference): at 10,000 clients, copying maps per line would be quadratic.
 */
export function applyInventoryLine(inventory: Inventory, line: InventoryLine): void {
  switch (line.kind) {
    case 'list': {
      inventory.summaries = line.clients;
      inventory.total = line.total;
      if (inventory.carriedOver.size > 0) {
        // Clients deleted since the previous load leave now; their policies wait for the end of the stream.
        const listed = new Set(line.clients.map((summary) => summary.id));
        dropCarriedOver(inventory, (resource, id) => resource !== 'client' || listed.has(id));
      }
      return;
    }
    case 'client':
      received(inventory, 'client', inventory.clientsById, line.client);
      return;
    case 'loginPolicy':
      received(inventory, 'loginPolicy', inventory.loginPoliciesById, line.policy);
      return;
    case 'tokenPolicy':
      received(inventory, 'tokenPolicy', inventory.tokenPoliciesById, line.policy);
      return;
    case 'error': {
      const key = failureKey(line.resource, line.id);
      inventory.failures.set(key, toFailure(line));
      // A fresh failure outranks an old copy: the row says what happened now.
      if (line.id != null && inventory.carriedOver.delete(key))
        detailsOf(inventory, line.resource)?.delete(line.id);
      return;
    }
    case 'done':
      inventory.done = { clients: line.clients, failed: line.failed, ms: line.ms };
      // Whatever was not read again (a policy no client references any more) is gone from the tenant's view.
      dropCarriedOver(inventory, () => false);
      return;
  }
}
