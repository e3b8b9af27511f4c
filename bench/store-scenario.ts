// The history store: recording a 10,000-client inventory, an unchanged re-read, 30 snapshots at 1% churn, and one
// client's history at 365 snapshots, on SQLite and PostgreSQL (the server BENCH_DATABASE_URL or TEST_DATABASE_URL
// names, else a throwaway cluster when PostgreSQL's binaries are on the machine). Sizes are the store's own tables: SQLite pages after a checkpoint, PostgreSQL relation sizes after
// VACUUM (what autovacuum does between two recordings).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { createSnapshot, toJsonExport } from '../src/identity-cloud/snapshot.ts';
import type { Inventory } from '../src/identity-cloud/inventory.ts';
import { seedTenant } from '../src/sandbox/seed-tenant.ts';
import { createStoreHistory } from '../src/server/history/store-history.ts';
import { tenantKey } from '../src/store/tenant-key.ts';
import { yieldToEventLoop } from '../src/store/history-transaction.ts';
import { clientHistory } from '../src/store/history-read.ts';
import type { StoreConfig } from '../src/store/store-config.ts';
import { StoreService } from '../src/store/store-service.ts';
import type { Store } from '../src/store/store.ts';
import type { HistoryPageResult } from './history-page-scenario.ts';
import { postgresUnavailableReason, startPostgresCluster, type PostgresCluster } from './postgres-cluster.ts';
import { inventoryOf, linesOf } from './seeded-inventory.ts';
import { median } from './stats.ts';

/** One recording: wall time, this process's CPU time meanwhile, and the longest the event loop was held. */
export interface RecordingFigures {
  ms: number;
  cpuMs: number;
  longestBlockMs: number;
}

export interface StoreEngineResult {
  engine: 'sqlite' | 'postgres';
  clients: number;
  /**
   * From the done line to the snapshot committed, the lines having been handed to the recording as they streamed
   * (what the proxy does): findings, assembly, comparison, one transaction. For the first snapshot.
   */
  recordFirst: RecordingFigures;
  recordUnchanged: RecordingFigures;
  /** Medians over 29 snapshots at 1% churn (the longest block: the worst of them). */
  recordChurn: RecordingFigures;
  /** The CPU the recording took while the lines streamed (first / unchanged / churn median), in ms. */
  streamCpuMs: { first: number; unchanged: number; churn: number };
  /**
   * The same content recorded the way it was before, all of it after the done line (`recordNow` on the folded
   * inventory), into a second store of the same engine, in the same run: the before/after baseline.
   */
  afterDoneOnly: { first: RecordingFigures; unchanged: RecordingFigures; churn: RecordingFigures };
  /**
   * The baseline, measured in the same run on the same content: building and serialising the snapshot file
   * (what `npm run export` does), so that the recording's figures can be read as a ratio on a busy machine.
   */
  exportFileMs: number;
  firstBytes: number;
  unchangedGrowthBytes: number;
  after30Bytes: number;
  historyClients: number;
  historySnapshots: number;
  historyMedianMs: number;
}

export interface StoreResult {
  engines: StoreEngineResult[];
  skipped: string[];
  /** Which PostgreSQL server the figures come from, when it ran. */
  postgresServer?: string | undefined;
  /** The History page with a year of snapshots (measured with the app scenarios, against the built app). */
  historyPage?: HistoryPageResult | undefined;
}

/** Lines handed over per turn of the event loop while streaming: a tenant's concurrency (16) of answers. */
const linesPerBurst = 16;

const tenant = {
  identityDomain: 'https://bench.example',
  customerId: '01000000-0000-3000-9000-0000000000be',
};

async function storeBytes(store: Store): Promise<number> {
  if (store.engine === 'sqlite') {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(store.db);
    const size = await sql<{ page_size: number }>`pragma page_size`.execute(store.db);
    return (pages.rows[0]?.page_count ?? 0) * (size.rows[0]?.page_size ?? 0);
  }
  await sql`vacuum`.execute(store.db);
  const result = await sql<{ bytes: string }>`select sum(pg_total_relation_size(c.oid))::text as bytes
    from pg_class c where c.relname in ('history_snapshots', 'history_versions', 'history_spans')`.execute(
    store.db,
  );
  return Number(result.rows[0]?.bytes ?? 0);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function measureRecording(work: () => Promise<unknown>): Promise<RecordingFigures> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu = process.cpuUsage();
  const { ms } = await timed(work);
  const used = process.cpuUsage(cpu);
  loop.disable();
  // The delay beyond the sampling interval: how long a timer or a socket waited at worst.
  const longestBlockMs = Math.max(0, loop.max / 1e6 - 5);
  return { ms, cpuMs: (used.user + used.system) / 1000, longestBlockMs };
}

const medianFigures = (runs: readonly RecordingFigures[]): RecordingFigures => ({
  ms: median(runs.map((figures) => figures.ms)),
  cpuMs: median(runs.map((figures) => figures.cpuMs)),
  longestBlockMs: Math.max(...runs.map((figures) => figures.longestBlockMs)),
});

function exportFileMs(inventory: Inventory): number {
  const runs: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    toJsonExport(createSnapshot(inventory, { ...tenant, exportedAt: new Date() }));
    runs.push(performance.now() - started);
  }
  return median(runs);
}

async function runEngine(
  engine: 'sqlite' | 'postgres',
  config: Exclude<StoreConfig, { kind: 'off' }>,
  beforeConfig: Exclude<StoreConfig, { kind: 'off' }>,
  clients: number,
  log: (line: string) => void,
): Promise<StoreEngineResult> {
  const service = new StoreService(config, { log });
  await service.start();
  const history = createStoreHistory(service, log);
  const use = <T>(work: (store: Store) => Promise<T>) => service.use(work);
  const beforeService = new StoreService(beforeConfig, { log });
  await beforeService.start();
  const before = createStoreHistory(beforeService, log);
  try {
    const data = seedTenant({
      seed: 1,
      clients,
      customerId: tenant.customerId,
      configurationClient: { clientId: 'bench', clientSecret: 'bench-secret', scope: '*:config/**' },
    });
    const baselineMs = exportFileMs(inventoryOf(data));
    /** As the proxy does: each line handed over as it streams, then the recording finished after the done line. */
    const streamed = async (): Promise<{ stream: number; after: RecordingFigures }> => {
      const lines = linesOf(data);
      const recording = history.begin({ tenant, source: 'scheduled', takenAt: new Date() });
      const cpu = process.cpuUsage();
      // In bursts, the event loop turning between them, as between two reads from the network.
      for (let start = 0; start < lines.length; start += linesPerBurst) {
        for (const line of lines.slice(start, start + linesPerBurst)) recording.take(line);
        await yieldToEventLoop();
      }
      const used = process.cpuUsage(cpu);
      const after = await measureRecording(async () => {
        if ((await recording.finish()) === null) throw new Error('the streamed recording kept nothing');
      });
      return { stream: (used.user + used.system) / 1000, after };
    };
    const afterDone = () => {
      const inventory = inventoryOf(data);
      return measureRecording(() =>
        before.recordNow({ tenant, source: 'scheduled', takenAt: new Date(), inventory }),
      );
    };
    const first = await streamed();
    const firstBefore = await afterDone();
    const firstBytes = await use(storeBytes);
    const unchanged = await streamed();
    const unchangedBefore = await afterDone();
    const unchangedGrowthBytes = (await use(storeBytes)) - firstBytes;
    const churn: { stream: number; after: RecordingFigures }[] = [];
    const churnBefore: RecordingFigures[] = [];
    for (let day = 1; day < 30; day += 1) {
      for (let index = 0; index < clients / 100; index += 1) {
        const client = data.clients[(day * 97 + index * 101) % clients];
        if (client) client.name = `${client.name.replace(/ \(day \d+\)$/, '')} (day ${day})`;
      }
      churn.push(await streamed());
      churnBefore.push(await afterDone());
      if (engine === 'postgres') await use(storeBytes);
    }
    const recordings = {
      engine,
      clients,
      recordFirst: first.after,
      recordUnchanged: unchanged.after,
      recordChurn: medianFigures(churn.map((figures) => figures.after)),
      streamCpuMs: {
        first: first.stream,
        unchanged: unchanged.stream,
        churn: median(churn.map((figures) => figures.stream)),
      },
      afterDoneOnly: { first: firstBefore, unchanged: unchangedBefore, churn: medianFigures(churnBefore) },
    };
    // Printed now: the year of snapshots below takes minutes on a busy machine.
    logRecordings(recordings, log);
    const after30Bytes = await use(storeBytes);
    log(`  ${engine}: recorded 31 snapshots of ${clients} clients`);

    // 365 snapshots of a smaller tenant, one client changing every tenth of them.
    const historyClients = 1000;
    const small = seedTenant({
      seed: 2,
      clients: historyClients,
      customerId: tenant.customerId,
      configurationClient: { clientId: 'bench', clientSecret: 'bench-secret', scope: '*:config/**' },
    });
    const smallTenant = { ...tenant, identityDomain: 'https://bench-history.example' };
    const watched = small.clients[10];
    const historySnapshots = 365;
    for (let day = 0; day < historySnapshots; day += 1) {
      if (watched && day % 10 === 0) watched.redirectURIs = [`https://app.example/day-${day}`];
      await history.recordNow({
        tenant: smallTenant,
        source: 'scheduled',
        takenAt: new Date(),
        inventory: inventoryOf(small),
      });
    }
    const reads: number[] = [];
    for (let run = 0; run < 15; run += 1) {
      reads.push(
        (await timed(() => use((store) => clientHistory(store, tenantKey(smallTenant), watched?.id ?? ''))))
          .ms,
      );
    }
    return {
      ...recordings,
      exportFileMs: baselineMs,
      firstBytes,
      unchangedGrowthBytes,
      after30Bytes,
      historyClients,
      historySnapshots,
      historyMedianMs: median(reads),
    };
  } finally {
    await service.close();
    await beforeService.close();
  }
}

/** Each recording beside the target and the before/after baseline, as the scenario's own lines. */
function logRecordings(
  row: Pick<
    StoreEngineResult,
    'engine' | 'clients' | 'recordFirst' | 'recordUnchanged' | 'recordChurn' | 'streamCpuMs' | 'afterDoneOnly'
  >,
  log: (line: string) => void,
): void {
  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  log(
    `  ${row.engine}: from the done line to the snapshot committed (target ≤ 200 ms on SQLite), ${row.clients} clients`,
  );
  const rows = [
    ['first', row.recordFirst, row.streamCpuMs.first, row.afterDoneOnly.first],
    ['unchanged', row.recordUnchanged, row.streamCpuMs.unchanged, row.afterDoneOnly.unchanged],
    ['1% churn (median of 29)', row.recordChurn, row.streamCpuMs.churn, row.afterDoneOnly.churn],
  ] as const;
  for (const [name, after, stream, baseline] of rows) {
    log(
      `    ${name}: ${ms(after.ms)} (CPU ${ms(after.cpuMs)}, longest block ${ms(after.longestBlockMs)}; ${ms(stream)} CPU while streaming) — all after done, as before: ${ms(baseline.ms)} (CPU ${ms(baseline.cpuMs)})`,
    );
  }
}

export async function runStoreScenario(options: {
  clients: number;
  log: (line: string) => void;
}): Promise<StoreResult> {
  const engines: StoreEngineResult[] = [];
  const skipped: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'idc-bench-store-'));
  try {
    engines.push(
      await runEngine(
        'sqlite',
        { kind: 'sqlite', path: join(dir, 'bench.db') },
        { kind: 'sqlite', path: join(dir, 'before.db') },
        options.clients,
        options.log,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // A server named by the environment, else a throwaway cluster when PostgreSQL's binaries are on the machine.
  let server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '';
  let cluster: PostgresCluster | null = null;
  let postgresServer = 'the server BENCH_DATABASE_URL or TEST_DATABASE_URL names';
  if (server === '') {
    const unavailable = postgresUnavailableReason();
    if (unavailable !== null) {
      skipped.push(`PostgreSQL: not run (${unavailable})`);
      return { engines, skipped };
    }
    try {
      cluster = await startPostgresCluster();
    } catch (error) {
      skipped.push(`PostgreSQL: not run (a throwaway cluster did not start: ${describeFailure(error)})`);
      return { engines, skipped };
    }
    server = cluster.url;
    postgresServer = `a throwaway PostgreSQL ${cluster.version} cluster the benchmark started and stopped`;
    options.log(`  postgres: a throwaway PostgreSQL ${cluster.version} cluster on ${new URL(server).host}`);
  }
  try {
    engines.push(await runPostgres(server, options));
  } finally {
    cluster?.stop();
  }
  return { engines, skipped, postgresServer };
}

function describeFailure(error: unknown): string {
  const stderr =
    typeof error === 'object' && error !== null && 'stderr' in error ? String(error.stderr).trim() : '';
  const text = stderr === '' ? (error instanceof Error ? error.message : String(error)) : stderr;
  return text.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
}

async function runPostgres(
  server: string,
  options: { clients: number; log: (line: string) => void },
): Promise<StoreEngineResult> {
  const name = `idc_bench_${String(Date.now())}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.query(`create database ${name}_before`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    const beforeUrl = new URL(server);
    beforeUrl.pathname = `/${name}_before`;
    return await runEngine(
      'postgres',
      { kind: 'postgres', url: url.toString() },
      { kind: 'postgres', url: beforeUrl.toString() },
      options.clients,
      options.log,
    );
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`drop database if exists ${name}_before with (force)`);
    await admin.end();
  }
}
