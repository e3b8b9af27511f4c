// The clients of an inventory (or of a filtered view) as export rows, and their CSV; the JSON export is the
// snapshot (snapshot.ts). One row per client with every detail a person reviews offline.
import type { ClientKind } from './client-kind.ts';
import { classifyClient, clientKindLabels } from './client-kind.ts';
import type { CsvOptions } from './csv.ts';
import { toCsv } from './csv.ts';
import type { RuleId, Severity } from './findings/finding.ts';
import type { InventoryFindings } from './findings/evaluate-inventory.ts';
import { summarizeFindings } from './findings/evaluate-inventory.ts';
import type { Inventory } from './inventory.ts';
import { failureKey } from './inventory.ts';

export type ExportRowStatus = 'loaded' | 'failed' | 'pending';

export interface ClientExportRow {
  name: string;
  id: string;
  /** Null when the client's details are not known. */
  kind: ClientKind | null;
  redirectUris: string[];
  loginPolicyId: string;
  /** Empty when the policy's details are not known (e.g. the token may not read policies). */
  loginPolicyTitle: string;
  tokenPolicyId: string;
  tokenPolicyTitle: string;
  findingsCount: number;
  worstSeverity: Severity | null;
  ruleIds: RuleId[];
  status: ExportRowStatus;
  /** Why the details are missing, e.g. "HTTP 500: upstream error". */
  statusDetail: string;
}

/**
 * Rows for the given clients (a view's ids, in its order), or for every listed client in list order. Ids the
 * inventory does not know are skipped.
 */
export function clientExportRows(
  inventory: Inventory,
  findings: InventoryFindings,
  clientIds?: Iterable<string>,
): ClientExportRow[] {
  const names = new Map(inventory.summaries.map((summary) => [summary.id, summary.name]));
  const ids = clientIds ?? [
    ...names.keys(),
    ...[...inventory.clientsById.keys()].filter((id) => !names.has(id)),
  ];
  const rows: ClientExportRow[] = [];
  for (const id of ids) {
    const client = inventory.clientsById.get(id);
    if (!client && !names.has(id)) continue;
    const failure = inventory.failures.get(failureKey('client', id));
    const summary = summarizeFindings(findings.byClientId.get(id));
    const loginPolicyId = client?.loginPolicy ?? '';
    const tokenPolicyId = client?.tokenPolicy ?? '';
    rows.push({
      name: client?.name ?? names.get(id) ?? '',
      id,
      kind: client ? classifyClient(client) : null,
      redirectUris: client?.redirectURIs ?? [],
      loginPolicyId,
      loginPolicyTitle: inventory.loginPoliciesById.get(loginPolicyId)?.title ?? '',
      tokenPolicyId,
      tokenPolicyTitle: inventory.tokenPoliciesById.get(tokenPolicyId)?.title ?? '',
      findingsCount: summary.count,
      worstSeverity: summary.worst,
      ruleIds: summary.ruleIds,
      status: client ? 'loaded' : failure ? 'failed' : 'pending',
      statusDetail: client || !failure ? '' : `HTTP ${failure.status}: ${failure.detail}`,
    });
  }
  return rows;
}

export const clientExportHeader = [
  'Name',
  'Client ID',
  'Kind',
  'Redirect URIs',
  'Login policy',
  'Login policy ID',
  'Token policy',
  'Token policy ID',
  'Findings',
  'Worst severity',
  'Rules',
  'Status',
] as const;

/**
 * CSV of the rows. Redirect URIs are joined with a space: a valid URI never contains one (a malformed one that
 * does is flagged by the findings), and single-line records suit grep and diff better than multi-line cells.
 */
export function clientRowsToCsv(rows: readonly ClientExportRow[], options?: CsvOptions): string {
  return toCsv(
    clientExportHeader,
    rows.map((row) => [
      row.name,
      row.id,
      row.kind ? clientKindLabels[row.kind] : '',
      row.redirectUris.join(' '),
      row.loginPolicyTitle,
      row.loginPolicyId,
      row.tokenPolicyTitle,
      row.tokenPolicyId,
      row.findingsCount,
      row.worstSeverity ?? '',
      row.ruleIds.join(' '),
      row.status === 'loaded'
        ? 'loaded'
        : row.statusDetail
          ? `${row.status} (${row.statusDetail})`
          : row.status,
    ]),
    options,
  );
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * `idc-inventory-<customerId>-2026-11-28.csv`: the local calendar date (what the person exporting calls "today"),
 * and only file-name-safe characters from the customer id.
 */
export function exportFileName(customerId: string, date: Date, ext: string, subject = 'inventory'): string {
  const safeCustomer = customerId.replace(/[^A-Za-z0-9-]/g, '') || 'unknown';
  const day = `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
  return `idc-${subject}-${safeCustomer}-${day}.${ext.replace(/^\./, '')}`;
}
