import type { Inventory } from '../../identity-cloud/inventory.ts';
import type { Client } from '../../identity-cloud/schemas.ts';

export interface PolicyUsage {
  /** Clients by login policy id. */
  byLoginPolicy: Map<string, Client[]>;
  /** Clients by token policy id. */
  byTokenPolicy: Map<string, Client[]>;
}

/** The reverse index "policy → clients using it", from the clients whose details arrived. */
export function policyUsage(inventory: Pick<Inventory, 'clientsById'>): PolicyUsage {
  const byLoginPolicy = new Map<string, Client[]>();
  const byTokenPolicy = new Map<string, Client[]>();
  const add = (index: Map<string, Client[]>, policyId: string | null | undefined, client: Client) => {
    if (policyId === null || policyId === undefined || policyId === '') return;
    const clients = index.get(policyId);
    if (clients === undefined) index.set(policyId, [client]);
    else clients.push(client);
  };
  for (const client of inventory.clientsById.values()) {
    add(byLoginPolicy, client.loginPolicy, client);
    add(byTokenPolicy, client.tokenPolicy, client);
  }
  return { byLoginPolicy, byTokenPolicy };
}
