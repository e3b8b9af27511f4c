// The headless migration: the same inventory as the dashboard's (the export's reader, through the same proxy
// app), the same readiness rules and files as the Migration page, written to a folder. `main` of
// dist-server/migrate.js.
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Connection } from '../identity-cloud/connection-rules.ts';
import { evaluateInventory } from '../identity-cloud/findings/evaluate-inventory.ts';
import type { MigrationFile } from '../identity-cloud/migration/migration-files.ts';
import { migrationFiles } from '../identity-cloud/migration/migration-files.ts';
import { migrationTargetLabels } from '../identity-cloud/migration/migration-target.ts';
import type { MigrationPlan } from '../identity-cloud/migration/readiness.ts';
import { migrationPlan, verdictLabels, verdicts } from '../identity-cloud/migration/readiness.ts';
import { createExportProgress } from '../export/export-progress.ts';
import type { ExportIo } from '../export/run-export.ts';
import { ExportFailure, checkSession, fetchExportInventory } from '../export/run-export.ts';
import { createProxyApp } from '../proxy/create-proxy-app.ts';
import type { MigrateArguments } from './migrate-options.ts';
import { migrateUsage, parseMigrateArguments } from './migrate-options.ts';
import { startHeadlessCommand, withHeadlessConnection } from '../export/headless-connection.ts';
import { writeFailureReason, writeFileAtomically } from '../export/atomic-write.ts';

export const migrateExitCodes = { allReady: 0, changesNeeded: 1, incomplete: 2 } as const;
export type MigrateExitCode = (typeof migrateExitCodes)[keyof typeof migrateExitCodes];

export type MigrateIo = ExportIo;

/** 0 when every client is Ready, 1 otherwise (an empty tenant has nothing to change). */
export function exitCodeForPlan(plan: MigrationPlan): MigrateExitCode {
  if (plan.missing.length > 0) return migrateExitCodes.incomplete;
  return plan.countsByVerdict.change + plan.countsByVerdict.reimagine === 0
    ? migrateExitCodes.allReady
    : migrateExitCodes.changesNeeded;
}

/** Owner-only (0600), written beside the target then renamed: a reader never sees half a file. */
async function writePrivately(folder: string, file: MigrationFile): Promise<string> {
  const path = resolve(folder, file.path);
  if (!path.startsWith(`${folder}${sep}`)) throw new Error(`refusing to write outside ${folder}`);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomically(path, file.content, { mode: 0o600 });
  return path;
}

function countsText(plan: MigrationPlan): string {
  return verdicts.map((verdict) => `${plan.countsByVerdict[verdict]} ${verdictLabels[verdict]}`).join(', ');
}

async function migrate(
  migrateArguments: MigrateArguments,
  connection: Connection,
  io: MigrateIo,
  line: (text: string) => void,
): Promise<MigrateExitCode> {
  const progress = createExportProgress(io.stderr);
  const proxy = createProxyApp({ defaultConnection: connection });
  try {
    await checkSession(proxy);
    const { inventory, skippedLines } = await fetchExportInventory(proxy, progress);
    if (skippedLines > 0) {
      progress.line(
        `Incomplete inventory: no file written. ${skippedLines} malformed line${skippedLines === 1 ? '' : 's'} skipped.`,
      );
      return migrateExitCodes.incomplete;
    }
    const plan = migrationPlan(migrateArguments.target, inventory, evaluateInventory(inventory));
    const label = migrationTargetLabels[plan.target];
    const result = migrationFiles(plan, inventory, { customerId: connection.customerId });
    if (result.kind === 'incomplete') {
      progress.line(
        `Incomplete inventory: no file written. ${result.missing.length} item${result.missing.length === 1 ? '' : 's'} missing:`,
      );
      for (const item of result.missing.slice(0, 20)) progress.line(`  ${item.reason}`);
      if (result.missing.length > 20) progress.line(`  … and ${result.missing.length - 20} more.`);
      progress.line("Read it again (the failures may pass on retry), or check the token's scope.");
      return migrateExitCodes.incomplete;
    }
    const folder = resolve(io.cwd, migrateArguments.out);
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      for (const file of result.files) await writePrivately(folder, file);
    } catch (error) {
      throw new ExportFailure(2, `Could not write into ${folder} (${writeFailureReason(error)}).`);
    }
    const gone = plan.gone.length > 0 ? ` ${plan.gone.length} deleted while reading (not migrated).` : '';
    progress.line(
      `${label}: ${plan.clients.length} clients (${countsText(plan)}).${gone} Wrote ${result.files.map((file) => join(migrateArguments.out, file.path)).join(', ')}.`,
    );
    line('See TODO.md for what must be done by hand.');
    return exitCodeForPlan(plan);
  } finally {
    proxy.close();
  }
}

/** Runs the migration; resolves with the exit code. Every failure ends with one line on stderr saying why. */
export async function runMigrate(argv: readonly string[], io: MigrateIo): Promise<MigrateExitCode> {
  const line = (text: string) => {
    io.stderr.write(`${text}\n`);
  };
  const fail = (message: string): MigrateExitCode => {
    line(`migrate: ${message}`);
    return migrateExitCodes.incomplete;
  };
  const start = startHeadlessCommand(parseMigrateArguments(argv), io.env);
  if (start.kind === 'help') {
    io.stdout.write(`${migrateUsage}\n`);
    return migrateExitCodes.allReady;
  }
  if (start.kind === 'error') return fail(start.message);
  const { options, source } = start.arguments;
  try {
    return await withHeadlessConnection(source, io.sandboxOptions, (connection, sandboxed) => {
      if (sandboxed) line('No IDC_* connection variables set: reading the built-in sandbox.');
      line(`Reading the inventory of customer ${connection.customerId} at ${connection.identityDomain}…`);
      return migrate(options, connection, io, line);
    });
  } catch (error) {
    if (error instanceof ExportFailure) return fail(error.message);
    throw error;
  }
}
