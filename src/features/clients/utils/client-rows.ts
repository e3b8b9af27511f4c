import type { ClientKind } from '../../../identity-cloud/client-kind.ts';
import { classifyClient, clientKindLabels } from '../../../identity-cloud/client-kind.ts';
import type { Finding, Severity } from '../../../identity-cloud/findings/finding.ts';
import { severities, worstSeverity } from '../../../identity-cloud/findings/finding.ts';
import type { InventoryFailure } from '../../../identity-cloud/inventory.ts';
import { failureKey } from '../../../identity-cloud/inventory.ts';
import type { Client, ClientSummary } from '../../../identity-cloud/schemas.ts';
import type { EvaluatedFindings } from '../../../lib/inventory/inventory-findings.ts';
import { wasChecked } from '../../../lib/inventory/inventory-findings.ts';
import type { StreamedInventory } from '../../../lib/inventory/inventory-snapshot.ts';
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
  /** Sort keys (see `textSortKey`): the grid compares these with `<`, not with Intl.Collator. */
  nameSortKey: string;
  loginPolicySortKey: string;
  tokenPolicySortKey: string;
  /** The full details, once arrived. */
  client: Client | null;
  /** The client's findings, worst first; null while it has not been checked (details not in yet). */
  findings: readonly Finding[] | null;
  worstSeverity: Severity | null;
  findingsCount: number;
  /**
   * Sort key of the Findings column: worse severity first, then more findings; 0 for none, -1 when not checked.
   * A plain number, so that sorting 10,000 rows compares numbers.
   */
  findingsRank: number;
  /** One bit per severity present (see `severityBit`): the findings filter tests a bit, nothing more. */
  severityMask: number;
}

/** The bit of a severity in `ClientRow.severityMask`. */
export function severityBit(severity: Severity): number {
  return 1 << severities.indexOf(severity);
}

interface RowFindings {
  findings: readonly Finding[] | null;
  worstSeverity: Severity | null;
  findingsCount: number;
  findingsRank: number;
  severityMask: number;
}

const notChecked: RowFindings = {
  findings: null,
  worstSeverity: null,
  findingsCount: 0,
  findingsRank: -1,
  severityMask: 0,
};
const noFindings: RowFindings = {
  findings: [],
  worstSeverity: null,
  findingsCount: 0,
  findingsRank: 0,
  severityMask: 0,
};

function rowFindings(clientId: string, evaluated: EvaluatedFindings | undefined): RowFindings {
  if (evaluated === undefined || !wasChecked(evaluated, clientId)) return notChecked;
  const findings = evaluated.findings.byClientId.get(clientId);
  if (findings === undefined || findings.length === 0) return noFindings;
  const worst = worstSeverity(findings);
  let severityMask = 0;
  for (const finding of findings) severityMask |= severityBit(finding.severity);
  return {
    findings,
    worstSeverity: worst,
    findingsCount: findings.length,
    // critical 5, high 4 … info 1, times a factor larger than any count, plus the count.
    findingsRank: (severities.length - severities.indexOf(worst ?? 'info')) * 1_000_000 + findings.length,
    severityMask,
  };
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

const combiningMarks = /\p{M}/gu;

/**
 * A key that orders text by code point the way people expect for Latin scripts: case and accents ignored
 * ("Zoë" sorts with "zoe"). Sorting 10,000 rows with Intl.Collator costs about 140,000 collator calls (over
 * 100 ms); comparing precomputed keys costs a few milliseconds. Non-Latin scripts sort by code point.
 */
export function textSortKey(text: string): string {
  return text.normalize('NFKD').replace(combiningMarks, '').toLowerCase();
}

/** Comparator for precomputed sort keys (`textSortKey` values, counts, ranks): no collator at sort time. */
export function compareSortKeys<Key extends string | number>(a: Key, b: Key): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

export function toClientRow(
  summary: ClientSummary,
  snapshot: StreamedInventory,
  evaluated?: EvaluatedFindings,
): ClientRow {
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
    nameSortKey: textSortKey(displayName(client ?? summary)),
    loginPolicySortKey: textSortKey(loginPolicy?.title ?? loginPolicy?.id ?? ''),
    tokenPolicySortKey: textSortKey(tokenPolicy?.title ?? tokenPolicy?.id ?? ''),
    client: client ?? null,
    ...(client === undefined ? notChecked : rowFindings(summary.id, evaluated)),
  };
}

// The row of each summary, with what it was derived from: a publish re-derives only the rows whose inputs
// changed (a detail, a policy, a failure or the findings arrived); the others keep their identity, which spares
// the garbage collector and lets the grid skip them. At 10,000 clients this is most rows of most publishes.
const rowCache = new WeakMap<ClientSummary, { inputs: readonly unknown[]; row: ClientRow }>();

function rowInputs(summary: ClientSummary, snapshot: StreamedInventory, evaluated?: EvaluatedFindings) {
  const { clientsById, loginPoliciesById, tokenPoliciesById, failures } = snapshot.inventory;
  const client = clientsById.get(summary.id);
  return [
    client,
    failures.get(failureKey('client', summary.id)),
    client?.loginPolicy == null ? undefined : loginPoliciesById.get(client.loginPolicy),
    client?.loginPolicy == null ? undefined : failures.get(failureKey('loginPolicy', client.loginPolicy)),
    client?.tokenPolicy == null ? undefined : tokenPoliciesById.get(client.tokenPolicy),
    client?.tokenPolicy == null ? undefined : failures.get(failureKey('tokenPolicy', client.tokenPolicy)),
    evaluated?.findings.byClientId.get(summary.id),
    evaluated === undefined ? undefined : wasChecked(evaluated, summary.id),
  ] as const;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Every client of the list, in list order, with whatever details (and findings) arrived so far. */
export function toClientRows(snapshot: StreamedInventory, evaluated?: EvaluatedFindings): ClientRow[] {
  return snapshot.inventory.summaries.map((summary) => {
    const inputs = rowInputs(summary, snapshot, evaluated);
    const cached = rowCache.get(summary);
    if (cached !== undefined && sameInputs(cached.inputs, inputs)) return cached.row;
    const row = toClientRow(summary, snapshot, evaluated);
    rowCache.set(summary, { inputs, row });
    return row;
  });
}
