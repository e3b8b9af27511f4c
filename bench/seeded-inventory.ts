// A seeded tenant as the proxy streams it and as the browser folds it, for the scenarios that record it.
import { emptyInventory, applyInventoryLine, type Inventory } from '../src/identity-cloud/inventory.ts';
import type { InventoryLine } from '../src/identity-cloud/inventory-stream.ts';
import type { seedTenant } from '../src/sandbox/seed-tenant.ts';

/** The proxy's lines for a tenant: each read parses fresh objects, so each call copies every item. */
export function linesOf(data: ReturnType<typeof seedTenant>): InventoryLine[] {
  return [
    {
      kind: 'list',
      total: data.clients.length,
      clients: data.clients.map((client) => ({ id: client.id, name: client.name })),
    },
    ...data.clients.map((client) => ({ kind: 'client' as const, client: structuredClone(client) })),
    ...data.loginPolicies.map((policy) => ({
      kind: 'loginPolicy' as const,
      policy: structuredClone(policy),
    })),
    ...data.tokenPolicies.map((policy) => ({
      kind: 'tokenPolicy' as const,
      policy: structuredClone(policy),
    })),
    { kind: 'done', clients: data.clients.length, failed: 0, ms: 0 },
  ];
}

/** The same tenant folded as a complete read, by the fold the browser and the export use. */
export function inventoryOf(data: ReturnType<typeof seedTenant>): Inventory {
  const inventory = emptyInventory();
  for (const line of linesOf(data)) applyInventoryLine(inventory, line);
  return inventory;
}
