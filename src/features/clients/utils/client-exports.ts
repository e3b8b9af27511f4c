// The files of the Export menu: the view (CSV or JSON, every detail and finding) and the whole inventory as a
// snapshot for drift. Names carry the customer and the local date.
import type { InventoryFindings } from '../../../identity-cloud/findings/evaluate-inventory.ts';
import type { Inventory } from '../../../identity-cloud/inventory.ts';
import {
  clientExportRows,
  clientRowsToCsv,
  exportFileName,
} from '../../../identity-cloud/inventory-export.ts';
import { createSnapshot, toJsonExport } from '../../../identity-cloud/snapshot.ts';

export type ClientExportKind = 'view-csv' | 'view-json' | 'snapshot';

export interface ClientExportInput {
  inventory: Inventory;
  findings: InventoryFindings;
  tenant: { identityDomain: string; customerId: string };
  /** The view's clients, in its order. */
  viewIds: readonly string[];
  now: Date;
}

export interface ExportFile {
  fileName: string;
  text: string;
  type: 'csv' | 'json';
}

export function buildClientExport(kind: ClientExportKind, input: ClientExportInput): ExportFile {
  const { inventory, findings, tenant, viewIds, now } = input;
  if (kind === 'view-csv') {
    return {
      fileName: exportFileName(tenant.customerId, now, 'csv', 'clients'),
      text: clientRowsToCsv(clientExportRows(inventory, findings, viewIds)),
      type: 'csv',
    };
  }
  const meta = { identityDomain: tenant.identityDomain, customerId: tenant.customerId, exportedAt: now };
  const snapshot =
    kind === 'view-json'
      ? createSnapshot(inventory, meta, { clientIds: viewIds, findings: findings.all })
      : createSnapshot(inventory, meta, { findings: findings.all });
  return {
    fileName: exportFileName(tenant.customerId, now, 'json', kind === 'view-json' ? 'clients' : 'inventory'),
    text: toJsonExport(snapshot),
    type: 'json',
  };
}
