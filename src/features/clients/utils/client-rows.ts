import type { ClientKind } from '../../../identity-cloud/client-kind.ts';
import { classifyClient, clientKindLabels } from '../../../identity-cloud/client-kind.ts';
import type { InventoryFailure } from '../../../identity-cloud/inventory.ts';
import { failureKey } from '../../../identity-cloud/inventory.ts';
import type { Client, ClientSummary } from '../../../identity-cloud/schemas.ts';
import type { InventorySnapshot } from '../../../lib/inventory/inventory-snapshot.ts';
import { policyTitle } from '../../../lib/policies/policy-title.ts';

/** Where a row's details stand: still streaming in, arrived, or failed after the proxy's retries. */
export type ClientRowStatus = 'pending' | 'loaded' | 'failed';

/** A policy reference as a row shows it. `title` is null when the policy itself could not be read. */
export interface PolicyReference {
  id: string;
  title: string | null;
  /** Why there is no title: the tenant has no such policy (404), or it could not be read (yet). */
  problem: 'missing' | 'unreadable' | null;
}

/**
 * One grid row, derived once per inventory publish. Plain fields (no valueGetter) keep sorting and filtering
 * at 10,000 rows cheap; a new column (e.g. findings) adds a field here and a column definition.
 */
export interface ClientRow {
  id: string;
  name: string;
  status: ClientRowStatus;
  failure: InventoryFailure | null;
  kind: ClientKind | null;
  kindLabel: string;
  loginPolicy: PolicyReference | null;
  /** Title for sorting and CSV; "" when absent. */
  loginPolicyTitle: string;
  tokenPolicy: PolicyReference | null;
  tokenPolicyTitle: string;
  redirectUris: readonly string[];
  redirectUriCount: number;
  /** Lower-cased name, id and redirect URIs: what "Search clients" matches, computed once. */
  searchText: string;
  /** The full details, once arrived. */
  client: Client | null;
}

export function displayName(client: Pick<ClientSummary, 'id' | 'name'>): string {
  const name = client.name?.trim();
  return name === undefined || name === '' ? `Unnamed client (${client.id})` : name;
}

function policyReference(
  policyId: string | null | undefined,
  policies: ReadonlyMap<string, { id: string; title?: string | null }>,
  failure: InventoryFailure | undefined,
): PolicyReference | null {
  if (policyId === null || policyId === undefined || policyId === '') return null;
  const policy = policies.get(policyId);
  if (policy !== undefined) return { id: policyId, title: policyTitle(policy), problem: null };
  return { id: policyId, title: null, problem: failure?.status === 404 ? 'missing' : 'unreadable' };
}

// Search text depends on the client alone: cached per client object across publishes.
const searchTextCache = new WeakMap<object, string>();

function searchTextOf(summary: ClientSummary, client: Client | undefined): string {
  const source = client ?? summary;
  const cached = searchTextCache.get(source);
  if (cached !== undefined) return cached;
  const text = [summary.name ?? client?.name ?? '', summary.id, ...(client?.redirectURIs ?? [])]
    .join('\n')
    .toLowerCase();
  searchTextCache.set(source, text);
  return text;
}

export function toClientRow(summary: ClientSummary, snapshot: InventorySnapshot): ClientRow {
  const { clientsById, loginPoliciesById, tokenPoliciesById, failures } = snapshot.inventory;
  const client = clientsById.get(summary.id);
  const failure = client === undefined ? (failures.get(failureKey('client', summary.id)) ?? null) : null;
  const kind = client === undefined ? null : classifyClient(client);
  const loginPolicy = policyReference(
    client?.loginPolicy,
    loginPoliciesById,
    failures.get(failureKey('loginPolicy', client?.loginPolicy)),
  );
  const tokenPolicy = policyReference(
    client?.tokenPolicy,
    tokenPoliciesById,
    failures.get(failureKey('tokenPolicy', client?.tokenPolicy)),
  );
  const redirectUris = client?.redirectURIs ?? [];
  return {
    id: summary.id,
    name: displayName(client ?? summary),
    status: client !== undefined ? 'loaded' : failure !== null ? 'failed' : 'pending',
    failure,
    kind,
    kindLabel: kind === null ? '' : clientKindLabels[kind],
    loginPolicy,
    loginPolicyTitle: loginPolicy?.title ?? '',
    tokenPolicy,
    tokenPolicyTitle: tokenPolicy?.title ?? '',
    redirectUris,
    redirectUriCount: redirectUris.length,
    searchText: searchTextOf(summary, client),
    client: client ?? null,
  };
}

/** Every client of the list, in list order, with whatever details arrived so far. */
export function toClientRows(snapshot: InventorySnapshot): ClientRow[] {
  return snapshot.inventory.summaries.map((summary) => toClientRow(summary, snapshot));
}
