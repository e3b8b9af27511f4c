// The Migration page's Download: the target's files from the inventory already loaded, zipped (there are always
// several: the target's configuration, the id mapping and the to-do list). Nothing secret exists in the browser.
import { strToU8, zipSync } from 'fflate';
import type { Inventory } from '../../../identity-cloud/inventory.ts';
import { exportFileName } from '../../../identity-cloud/inventory-export.ts';
import type { MigrationFiles } from '../../../identity-cloud/migration/migration-files.ts';
import { migrationFiles } from '../../../identity-cloud/migration/migration-files.ts';
import type { MigrationPlan } from '../../../identity-cloud/migration/readiness.ts';

export type MigrationDownload =
  | { kind: 'zip'; fileName: string; bytes: Uint8Array<ArrayBuffer> }
  | Extract<MigrationFiles, { kind: 'incomplete' }>;

export function buildMigrationDownload(
  plan: MigrationPlan,
  inventory: Inventory,
  customerId: string,
  now: Date,
): MigrationDownload {
  const result = migrationFiles(plan, inventory, { customerId });
  if (result.kind === 'incomplete') return result;
  const entries: Record<string, Uint8Array> = {};
  for (const file of result.files) entries[file.path] = strToU8(file.content);
  const zipped = zipSync(entries, { level: 6, mtime: now });
  const bytes = new Uint8Array(new ArrayBuffer(zipped.byteLength));
  bytes.set(zipped);
  return { kind: 'zip', fileName: exportFileName(customerId, now, 'zip', `migration-${plan.target}`), bytes };
}
