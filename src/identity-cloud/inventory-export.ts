// The clients of an inventory (or of a filtered view) as export rows, and their CSV; the JSON export is the
// snapshot (snapshot.ts). One row per client with every detail a person reviews offline.
import type { ClientKind } from './client-kind.ts';
import { clientKindLabels } from './client-kind.ts';
import type { ClientStatus } from './client-model.ts';
import { clientModel, policyReferenceText } from './client-model.ts';
import type { CsvOptions } from './csv.ts';
import { toCsv } from './csv.ts';
import type { RuleId, Severity } from './findings/finding.ts';
import type { InventoryFindings } from './findings/evaluate-inventory.ts';
import { summarizeFindings } from './findings/evaluate-inventory.ts';
import type { Inventory } from './inventory.ts';

/** A client as the grid shows it (`clientModel`), flattened to text for CSV and spreadsheets. */
export interface ClientExportRow {
  /** The grid's name: "Unnamed client (<id>)" for a client without one. */
  name: string;
  id: string;
  /** Null when the client's details are not known. */
  kind: ClientKind | null;
  redirectUris: string[];
  loginPolicyId: string;
  /** The grid's text: the title, "Missing policy" or "Title unavailable" when it could not be read, "" for none. */
  loginPolicyTitle: string;
  tokenPolicyId: string;
  tokenPolicyTitle: string;
  findingsCount: number;
  worstSeverity: Severity | null;
  ruleIds: RuleId[];
  status: ClientStatus;
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
    if (!inventory.clientsById.has(id) && !names.has(id)) continue;
    const model = clientModel(inventory, { id, name: names.get(id) });
    const summary = summarizeFindings(findings.byClientId.get(id));
    rows.push({
      name: model.name,
      id,
      kind: model.kind,
      redirectUris: [...model.redirectUris],
      loginPolicyId: model.loginPolicy?.id ?? '',
      loginPolicyTitle: policyReferenceText(model.loginPolicy),
      tokenPolicyId: model.tokenPolicy?.id ?? '',
      tokenPolicyTitle: policyReferenceText(model.tokenPolicy),
      findingsCount: summary.count,
      worstSeverity: summary.worst,
      ruleIds: summary.ruleIds,
      status: model.status,
      statusDetail: model.failure === null ? '' : `HTTP ${model.failure.status}: ${model.failure.detail}`,
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
