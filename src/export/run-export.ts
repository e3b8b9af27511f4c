// The headless export: the same inventory as the dashboard's, through the same proxy app (its default
// connection, its token cache, adaptive fan-out and redaction), folded with the same domain code, then written
// as a snapshot (JSON) or as the clients CSV. `main` of dist-server/export.js.
import { resolve } from 'node:path';
import type { Connection } from '../identity-cloud/connection-rules.ts';
import { evaluateInventory } from '../identity-cloud/findings/evaluate-inventory.ts';
import type { InventoryFindings } from '../identity-cloud/findings/evaluate-inventory.ts';
import { severities } from '../identity-cloud/findings/finding.ts';
import type { Inventory } from '../identity-cloud/inventory.ts';
import { applyInventoryLine, emptyInventory } from '../identity-cloud/inventory.ts';
import { clientExportRows, clientRowsToCsv, exportFileName } from '../identity-cloud/inventory-export.ts';
import { malformedLineMessage, readInventoryLines } from '../identity-cloud/inventory-stream.ts';
import { readNdjsonLines } from '../identity-cloud/ndjson-lines.ts';
import { createSnapshot, toJsonExport } from '../identity-cloud/snapshot.ts';
import { createProxyApp } from '../proxy/create-proxy-app.ts';
import type { ProxyApp } from '../proxy/create-proxy-app.ts';
import type { SandboxOptions } from '../sandbox/start-sandbox.ts';
import type { ExportArguments } from './export-options.ts';
import { exportUsage, parseExportArguments } from './export-options.ts';
import type { ExportProgress, ProgressStream } from './export-progress.ts';
import { createExportProgress } from './export-progress.ts';
import { startHeadlessCommand, withHeadlessConnection } from './headless-connection.ts';
import { writeFailureReason, writeFileAtomically } from './atomic-write.ts';

export const exitCodes = { complete: 0, incomplete: 1, configuration: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

export interface ExportIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Where a relative --out (and the default file name) lands. */
  cwd: string;
  now?: () => Date;
  /** The in-process sandbox's options when no IDC_* variable is set (tests use small tenants). */
  sandboxOptions?: SandboxOptions;
}

/** The proxy is only reached in-process; this origin satisfies its Host check and never hits the network. */
export const proxyOrigin = 'http://127.0.0.1';

export class ExportFailure extends Error {
  readonly exitCode: ExitCode;
  constructor(exitCode: ExitCode, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

async function problemDetail(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { detail?: unknown; title?: unknown };
    if (typeof body.detail === 'string') return body.detail;
    if (typeof body.title === 'string') return body.title;
  } catch {
    // Not a problem body: the status says enough.
  }
  return `HTTP ${response.status}`;
}

/** Refusals (bad input, credentials, permissions, unknown customer) need a person; the rest may pass on retry. */
function exitCodeForStatus(status: number): ExitCode {
  return status >= 400 && status < 500 ? exitCodes.configuration : exitCodes.incomplete;
}

export async function checkSession(proxy: ProxyApp): Promise<void> {
  const response = await proxy.fetch(new Request(`${proxyOrigin}/api/session`));
  if (response.ok) return;
  const detail = await problemDetail(response);
  throw new ExportFailure(
    exitCodeForStatus(response.status),
    `Could not connect (${response.status}): ${detail}`,
  );
}

/** The inventory the proxy streamed, and how many of its lines were off the contract (skipped). */
export interface ExportInventory {
  inventory: Inventory;
  skippedLines: number;
}

/**
 * Folds an inventory stream with the browser's reader and fold: a line off the contract is skipped and reported
 * on stderr (its number and the failing fields, never its content), and makes the export incomplete.
 */
export async function foldExportInventory(
  body: ReadableStream<Uint8Array>,
  progress: ExportProgress,
): Promise<ExportInventory> {
  const inventory = emptyInventory();
  let clientsRead = 0;
  let clientsFailed = 0;
  let skippedLines = 0;
  for await (const read of readInventoryLines(readNdjsonLines(body))) {
    if (!read.ok) {
      skippedLines += 1;
      progress.line(`export: ${malformedLineMessage(read)}`);
      continue;
    }
    const { line } = read;
    applyInventoryLine(inventory, line);
    if (line.kind === 'client') clientsRead += 1;
    if (line.kind === 'error' && line.resource === 'client') clientsFailed += 1;
    if (
      line.kind === 'list' ||
      line.kind === 'client' ||
      (line.kind === 'error' && line.resource === 'client')
    ) {
      progress.update(clientsRead + clientsFailed, inventory.total, clientsFailed);
    }
  }
  return { inventory, skippedLines };
}

/** Reads the inventory through the in-process proxy, folded as the browser folds it. */
export async function fetchExportInventory(
  proxy: ProxyApp,
  progress: ExportProgress,
): Promise<ExportInventory> {
  const response = await proxy.fetch(new Request(`${proxyOrigin}/api/inventory`));
  if (!response.ok || response.body === null) {
    const detail = await problemDetail(response);
    throw new ExportFailure(
      exitCodeForStatus(response.status),
      `The inventory failed (${response.status}): ${detail}`,
    );
  }
  return foldExportInventory(response.body, progress);
}

function render(
  format: ExportArguments['format'],
  inventory: Inventory,
  findings: InventoryFindings,
  connection: Connection,
  exportedAt: Date,
): string {
  if (format === 'csv') return clientRowsToCsv(clientExportRows(inventory, findings));
  const snapshot = createSnapshot(
    inventory,
    { identityDomain: connection.identityDomain, customerId: connection.customerId, exportedAt },
    { findings: findings.all },
  );
  return toJsonExport(snapshot);
}

function findingsText(findings: InventoryFindings): string {
  const parts = severities
    .filter((severity) => findings.countsBySeverity[severity] > 0)
    .map((severity) => `${findings.countsBySeverity[severity]} ${severity}`);
  return parts.length === 0 ? 'no findings' : `findings: ${parts.join(', ')}`;
}

/**
 * Failures that leave the export incomplete. A policy answering 404 is not one: the client that refers to it has
 * a dangling reference (a finding), and the tenant was read in full.
 */
export function incompleteItems(inventory: Inventory): number {
  let count = 0;
  for (const failure of inventory.failures.values()) {
    const missingPolicy =
      (failure.resource === 'loginPolicy' || failure.resource === 'tokenPolicy') && failure.status === 404;
    if (!missingPolicy) count += 1;
  }
  return count;
}

async function exportInventory(
  exportArguments: ExportArguments,
  connection: Connection,
  io: ExportIo,
  progress: ExportProgress,
): Promise<ExitCode> {
  const startedAt = Date.now();
  const proxy = createProxyApp({ defaultConnection: connection });
  try {
    await checkSession(proxy);
    const { inventory, skippedLines } = await fetchExportInventory(proxy, progress);
    const exportedAt = io.now?.() ?? new Date();
    const findings = evaluateInventory(inventory);
    const content = render(exportArguments.format, inventory, findings, connection, exportedAt);
    const out =
      exportArguments.out ?? exportFileName(connection.customerId, exportedAt, exportArguments.format);
    let destination = 'stdout';
    if (out === '-') {
      io.stdout.write(content);
    } else {
      destination = resolve(io.cwd, out);
      try {
        // Owner-only (0600): an export holds the tenant's configuration.
        await writeFileAtomically(destination, content, { mode: 0o600 });
      } catch (error) {
        throw new ExportFailure(
          exitCodes.configuration,
          `Could not write ${destination} (${writeFailureReason(error)}).`,
        );
      }
    }
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    const clients = `${inventory.clientsById.size} of ${inventory.total ?? '?'} clients`;
    const failed = incompleteItems(inventory);
    if (inventory.done !== null && failed === 0 && skippedLines === 0) {
      progress.line(`Exported ${clients} (${findingsText(findings)}) to ${destination} in ${seconds} s.`);
      return exitCodes.complete;
    }
    const reasons = [
      inventory.done === null ? 'the inventory stream ended early' : null,
      failed > 0 ? `${failed} item${failed === 1 ? '' : 's'} failed` : null,
      skippedLines > 0 ? `${skippedLines} malformed line${skippedLines === 1 ? '' : 's'} skipped` : null,
    ];
    const reason = reasons.filter((text) => text !== null).join(', ');
    progress.line(
      `Incomplete: ${reason}. Exported ${clients} (${findingsText(findings)}) to ${destination} in ${seconds} s.`,
    );
    return exitCodes.incomplete;
  } finally {
    proxy.close();
  }
}

/** Runs the export; resolves with the exit code. Every failure ends with one line on stderr saying why. */
export async function runExport(argv: readonly string[], io: ExportIo): Promise<ExitCode> {
  const progress = createExportProgress(io.stderr);
  const fail = (exitCode: ExitCode, message: string): ExitCode => {
    progress.line(`export: ${message}`);
    return exitCode;
  };

  const start = startHeadlessCommand(parseExportArguments(argv), io.env);
  if (start.kind === 'help') {
    io.stdout.write(`${exportUsage}\n`);
    return exitCodes.complete;
  }
  if (start.kind === 'error') return fail(exitCodes.configuration, start.message);
  const { options, source } = start.arguments;
  try {
    return await withHeadlessConnection(source, io.sandboxOptions, (connection, sandboxed) => {
      if (sandboxed) progress.line('No IDC_* connection variables set: exporting the built-in sandbox.');
      progress.line(
        `Reading the inventory of customer ${connection.customerId} at ${connection.identityDomain}…`,
      );
      return exportInventory(options, connection, io, progress);
    });
  } catch (error) {
    if (error instanceof ExportFailure) return fail(error.exitCode, error.message);
    throw error;
  }
}
