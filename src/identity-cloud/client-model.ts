// A client as every table shows it: its name, its kind, where its details stand and the titles of its policies.
// The clients grid, the CSV export, a policy's clients table, drift, the findings and the migration plan all read
// these rules, so that a client is called the same everywhere and the CSV says what the grid shows.
import type { ClientKind } from './client-kind.ts';
import { classifyClient, clientKindLabels } from './client-kind.ts';
import type { PolicyKind } from './config-resources.ts';
import type { Inventory, InventoryFailure } from './inventory.ts';
import { failureKey, policiesOf } from './inventory.ts';
import type { Client, ClientSummary, PolicySummary } from './schemas.ts';

/** Where a client's details stand: still streaming in, arrived, or failed after the proxy's retries. */
export type ClientStatus = 'pending' | 'loaded' | 'failed';

/**
 * The client's own name, trimmed; null when it has none. Pass the details once they arrived (they are the
 * newer word), the list's summary before.
 */
export function clientName(client: Pick<ClientSummary, 'name'>): string | null {
  const name = client.name?.trim();
  return name === undefined || name === '' ? null : name;
}

/** The name a person reads: the client's own, or "Unnamed client (<id>)". */
export function clientDisplayName(client: Pick<ClientSummary, 'id' | 'name'>): string {
  return clientName(client) ?? `Unnamed client (${client.id})`;
}

/** A policy's title for display; an untitled policy shows its id rather than nothing. */
export function policyTitle(policy: Pick<PolicySummary, 'id' | 'title'>): string {
  const title = policy.title?.trim();
  return title === undefined || title === '' ? `Untitled (${policy.id})` : title;
}

/** A policy reference as a client shows it. `title` is null when the policy itself could not be read. */
export interface PolicyReference {
  id: string;
  title: string | null;
  /** Why there is no title: the tenant has no such policy (404), or it could not be read (yet). */
  problem: 'missing' | 'unreadable' | null;
}

/** What stands in for the title of a policy that could not be read. */
export const unknownPolicyLabels = {
  missing: 'Missing policy',
  unreadable: 'Title unavailable',
} as const satisfies Record<NonNullable<PolicyReference['problem']>, string>;

/** The policy a client refers to, null when it names none. */
export function policyReference(
  inventory: Inventory,
  kind: PolicyKind,
  policyId: string | null | undefined,
): PolicyReference | null {
  if (policyId === null || policyId === undefined || policyId === '') return null;
  const policy = policiesOf(inventory, kind).get(policyId);
  if (policy !== undefined) return { id: policyId, title: policyTitle(policy), problem: null };
  const failure = inventory.failures.get(failureKey(kind, policyId));
  return { id: policyId, title: null, problem: failure?.status === 404 ? 'missing' : 'unreadable' };
}

/** The policy's text as the grid's cell shows it: its title, what stands in for it, or "" for none. */
export function policyReferenceText(reference: PolicyReference | null): string {
  if (reference === null) return '';
  return reference.title ?? unknownPolicyLabels[reference.problem ?? 'unreadable'];
}

export interface ClientModel {
  id: string;
  /** `clientDisplayName` of the details once arrived, else of the list's summary. */
  name: string;
  status: ClientStatus;
  /** Why the details are missing; null unless the status is failed. */
  failure: InventoryFailure | null;
  /** Null while the details are not known. */
  kind: ClientKind | null;
  /** The kind's label, "" while it is not known. */
  kindLabel: string;
  loginPolicy: PolicyReference | null;
  tokenPolicy: PolicyReference | null;
  redirectUris: readonly string[];
  /** The full details, once arrived. */
  client: Client | null;
}

/** A listed client (or one whose details came without a list entry) with whatever the inventory knows of it. */
export function clientModel(inventory: Inventory, listed: Pick<ClientSummary, 'id' | 'name'>): ClientModel {
  const client = inventory.clientsById.get(listed.id);
  const failure =
    client === undefined ? (inventory.failures.get(failureKey('client', listed.id)) ?? null) : null;
  const kind = client === undefined ? null : classifyClient(client);
  return {
    id: listed.id,
    name: clientDisplayName(client ?? listed),
    status: client !== undefined ? 'loaded' : failure !== null ? 'failed' : 'pending',
    failure,
    kind,
    kindLabel: kind === null ? '' : clientKindLabels[kind],
    loginPolicy: policyReference(inventory, 'loginPolicy', client?.loginPolicy),
    tokenPolicy: policyReference(inventory, 'tokenPolicy', client?.tokenPolicy),
    redirectUris: client?.redirectURIs ?? [],
    client: client ?? null,
  };
}
