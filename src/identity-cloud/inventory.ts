// A tenant's whole inventory as the dashboard, the findings, the exports and drift see it.
import type { Client, ClientSummary, LoginPolicy, TokenPolicy } from './schemas.ts';
import type { InventoryErrorLine, InventoryLine } from './inventory-stream.ts';

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
  };
}

export function failureKey(resource: string, id: string | null | undefined): string {
  return `${resource}:${id ?? ''}`;
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
    case 'list':
      inventory.summaries = line.clients;
      inventory.total = line.total;
      return;
    case 'client':
      inventory.clientsById.set(line.client.id, line.client);
      inventory.failures.delete(failureKey('client', line.client.id));
      return;
    case 'loginPolicy':
      inventory.loginPoliciesById.set(line.policy.id, line.policy);
      inventory.failures.delete(failureKey('loginPolicy', line.policy.id));
      return;
    case 'tokenPolicy':
      inventory.tokenPoliciesById.set(line.policy.id, line.policy);
      inventory.failures.delete(failureKey('tokenPolicy', line.policy.id));
      return;
    case 'error':
      inventory.failures.set(failureKey(line.resource, line.id), toFailure(line));
      return;
    case 'done':
      inventory.done = { clients: line.clients, failed: line.failed, ms: line.ms };
      return;
  }
}
