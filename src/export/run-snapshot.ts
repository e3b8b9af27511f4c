// `npm run snapshot`: the headless export's reader (same proxy app, default connection, fan-out, redaction), then
// the inventory recorded in the server's store as a `scheduled` snapshot, and retention applied. For cron or a
// systemd timer (docs/history.md). Exit 0 complete, 1 partial, 2 could not read or store.
import { hostname, userInfo } from 'node:os';
import type { Connection } from '../identity-cloud/connection-rules.ts';
import { createProxyApp } from '../proxy/create-proxy-app.ts';
import { type RunningSandbox, type SandboxOptions } from '../sandbox/start-sandbox.ts';
import { readServerConfig } from '../server/env-config.ts';
import { pruneOnce } from '../server/history/retention.ts';
import { createStoreHistory } from '../server/history/store-history.ts';
import { recordActivity } from '../store/activity-repository.ts';
import { StoreService } from '../store/store-service.ts';
import { connectionFromEnvironment } from './export-options.ts';
import { createExportProgress, type ProgressStream } from './export-progress.ts';
import { checkSession, ExportFailure, fetchExportInventory, incompleteItems } from './run-export.ts';
import { openHeadlessConnection } from './headless-connection.ts';

export const snapshotExitCodes = { complete: 0, partial: 1, failed: 2 } as const;
export type SnapshotExitCode = (typeof snapshotExitCodes)[keyof typeof snapshotExitCodes];

export const snapshotUsage = `Usage: npm run snapshot

Reads the whole client inventory with the server's configuration and records it in the history store.
Connection: IDC_IDENTITY_DOMAIN, IDC_CUSTOMER_ID, IDC_CLIENT_ID, IDC_CLIENT_SECRET (all four), IDC_SCOPE
(optional); with none of them set, an in-process sandbox is read. Store: IDC_STORE_PATH (default
./data/inventory.db) or DATABASE_URL; HISTORY_KEEP_DAYS (default 400) prunes older snapshots.

Exit codes: 0 complete; 1 recorded, but partial (some items failed); 2 could not read or store.`;

export interface SnapshotIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  now?: () => Date;
  sandboxOptions?: SandboxOptions;
}

export async function runSnapshot(argv: readonly string[], io: SnapshotIo): Promise<SnapshotExitCode> {
  const progress = createExportProgress(io.stderr);
  const fail = (message: string): SnapshotExitCode => {
    progress.line(`snapshot: ${message}`);
    return snapshotExitCodes.failed;
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${snapshotUsage}\n`);
    return snapshotExitCodes.complete;
  }
  if (argv.length > 0) return fail(`unknown argument "${argv[0] ?? ''}" (see --help).`);

  const config = readServerConfig(io.env);
  const storeError = config.errors.find((error) => /IDC_STORE|DATABASE_URL|HISTORY_KEEP_DAYS/.test(error));
  if (storeError !== undefined) return fail(storeError);
  const source = connectionFromEnvironment(io.env);
  if (source.kind === 'error') return fail(source.message);

  const store = new StoreService(config.store, { log: (line) => progress.line(line) });
  let sandbox: RunningSandbox | null = null;
  try {
    const status = await store.start();
    if (!status.enabled)
      return fail(`history is off: ${status.reason ?? 'unknown reason'}; nothing was read.`);
    const opened = await openHeadlessConnection(source, io.sandboxOptions);
    sandbox = opened.sandbox;
    const { connection } = opened;
    if (sandbox !== null) progress.line('No IDC_* connection variables set: recording the built-in sandbox.');
    return await recordOnce(connection, store, config.historyKeepDays, io, progress);
  } catch (error) {
    if (error instanceof ExportFailure) return fail(error.message);
    throw error;
  } finally {
    await store.close();
    await sandbox?.close();
  }
}

/** The account that ran the command, as the access log names people; null when the system cannot say. */
function commandUser(env: SnapshotIo['env']): string | null {
  try {
    return userInfo().username;
  } catch {
    // No entry for this uid (some containers): the environment may still say.
    return env.USER ?? env.LOGNAME ?? null;
  }
}

/** The access log's line for this snapshot: the account and machine that ran it (there is no sign-in here). */
async function recordSnapshotActivity(
  store: StoreService,
  connection: Connection,
  recorded: { id: string; clients: number },
  env: SnapshotIo['env'],
): Promise<void> {
  try {
    await store.use((opened) =>
      recordActivity(opened, {
        kind: 'snapshot',
        user: commandUser(env),
        address: hostname(),
        tenant: `${connection.identityDomain}/${connection.customerId}`,
        detail: `history snapshot ${recorded.id} (npm run snapshot), ${recorded.clients} clients`,
      }),
    );
  } catch {
    // The snapshot is kept; a lost line of the access log is not a reason to fail the run (the store logged it).
  }
}

async function recordOnce(
  connection: Connection,
  store: StoreService,
  keepDays: number,
  io: SnapshotIo,
  progress: ReturnType<typeof createExportProgress>,
): Promise<SnapshotExitCode> {
  progress.line(
    `Reading the inventory of customer ${connection.customerId} at ${connection.identityDomain}…`,
  );
  const proxy = createProxyApp({ defaultConnection: connection });
  try {
    await checkSession(proxy);
    const takenAt = io.now?.() ?? new Date();
    // A malformed line is skipped and reported by the reader; what it held is then missing from the snapshot.
    const { inventory, skippedLines } = await fetchExportInventory(proxy, progress);
    if (inventory.done === null) {
      progress.line('snapshot: the inventory stream ended early; nothing was recorded.');
      return snapshotExitCodes.failed;
    }
    const history = createStoreHistory(store, (line) => progress.line(line));
    const recorded = await history.recordNow({
      tenant: { identityDomain: connection.identityDomain, customerId: connection.customerId },
      source: 'scheduled',
      takenAt,
      inventory,
    });
    if (recorded === null) {
      progress.line(
        `snapshot: the inventory was read but not stored (${store.status().reason ?? 'store off'}).`,
      );
      return snapshotExitCodes.failed;
    }
    await recordSnapshotActivity(store, connection, recorded, io.env);
    await pruneOnce(store, keepDays, takenAt);
    const { added, removed, changed } = recorded.changes;
    const what = recorded.unchanged ? 'unchanged' : `+${added} −${removed} ~${changed}`;
    const failed = incompleteItems(inventory);
    progress.line(
      `Recorded snapshot ${recorded.id}: ${recorded.clients} clients (${what}) in ${store.location}${
        recorded.partial ? `; partial: ${failed} item${failed === 1 ? '' : 's'} failed` : ''
      }.`,
    );
    return recorded.partial || skippedLines > 0 ? snapshotExitCodes.partial : snapshotExitCodes.complete;
  } finally {
    proxy.close();
  }
}
