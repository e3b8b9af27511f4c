// Scenario 1: the inventory through the real proxy over HTTP, against two baselines measured in the same run on the
// same sandbox (sequential GETs, and a fixed concurrency of 6), for several tenant sizes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchServer } from './bench-server.ts';
import type { StoreConfig } from '../src/store/store-config.ts';
import { readTenantLimit } from '../src/store/tenant-limits-repository.ts';
import { directInventory, type DirectInventoryResult } from './direct-client.ts';
import { simulateFanOut } from './limiter-simulation.ts';
import { readInventoryStream } from './inventory-reader.ts';
import { startSandboxProcess, type RemoteSandbox } from './sandbox-process.ts';
import { fanOutBoundMs, median, round } from './stats.ts';

export interface FanOutPlan {
  sizes: number[];
  runs: number;
  latencyMs: number;
  tenantCap: number;
  /** Per size: read only this many clients in a baseline, and extrapolate (absent: the whole list). */
  sequentialSample: (clients: number) => number | undefined;
  fixedSample: (clients: number) => number | undefined;
  /** Whether to read the inventory a second time through the same proxy (token cached, tenant's cap learnt). */
  warmProxy: (clients: number) => boolean;
  log: (line: string) => void;
}

export type FanOutMethod = 'proxy' | 'proxy-restart' | 'proxy-warm' | 'simulated' | 'fixed-6' | 'sequential';

export interface FanOutRow extends ReadCounts {
  clients: number;
  method: FanOutMethod;
  /** Median over the runs; extrapolated to the whole list when `sampledClients` is set. */
  ms: number;
  runsMs: number[];
  /** Set when the baseline read only this many clients and its time was extrapolated. */
  sampledClients: number | null;
  boundMs: number;
  ratioToBound: number;
  /**
   * The ratio against the bound computed with the round trip this machine really delivered in the same run (the
   * sequential baseline's time per request), rather than the nominal latency.
   */
  ratioToMeasuredBound: number;
  /** The proxy's median time divided into this row's (1 for the proxy itself). */
  speedUpOverFixed6: number | null;
  speedUpOverSequential: number | null;
  /** Proxy restarted on a store: the cap the earlier server left there (null: it learnt none). */
  rememberedCap: number | null;
}

/** What one read counts; in a row, as measured (for a sampled baseline: the sample's), median over the runs. */
interface ReadCounts {
  requests: number;
  rateLimited: number;
  failed: number;
  /** Policies referenced by a client but absent from the tenant (404): proxy only, which reads references. */
  missingPolicies: number;
  tokenExchanges: number;
  /** The time to the list line (names), proxy only. */
  listMs: number | null;
  /**
   * CPU time of the benchmark's own process during the run: the proxy and the reader for the proxy's rows, the
   * direct client for the baselines (the sandbox runs in another process). What a busy machine has to find for
   * it, whatever the wall-clock time.
   */
  cpuMs: number;
}

interface RunFigures extends ReadCounts {
  ms: number;
  /** Measured time per request (baselines: before extrapolation). */
  perRequestMs: number;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function readThrough(sandbox: RemoteSandbox, origin: string, clients: number): Promise<RunFigures> {
  await sandbox.resetStats();
  const cpu = process.cpuUsage();
  const reading = await readInventoryStream(origin);
  const cpuMs = cpuSince(cpu);
  const stats = await sandbox.stats();
  if (reading.clientLines + reading.errorLines < clients) {
    throw new Error(`The proxy streamed ${reading.clientLines} of ${clients} clients.`);
  }
  return {
    ms: reading.ms,
    requests: stats.totalRequests,
    rateLimited: stats.rateLimited,
    failed: reading.errorLines,
    missingPolicies: reading.missingPolicies,
    tokenExchanges: stats.tokenExchanges,
    listMs: reading.listMs,
    perRequestMs: reading.ms / stats.totalRequests,
    cpuMs,
  };
}

async function proxyRun(
  sandbox: RemoteSandbox,
  clients: number,
  warmAlso: boolean,
  store?: StoreConfig,
): Promise<{ cold: RunFigures; warm: RunFigures | null }> {
  // A fresh proxy each run: a cold token cache and a limiter that knows nothing of the tenant yet (or, on a store,
  // only the cap an earlier server left there). Then, when asked, the same inventory again through the same
  // proxy, as a second visit would.
  const server = await startBenchServer(sandbox, { ...(store === undefined ? {} : { store }) });
  try {
    const origin = server.url.replace(/\/$/, '');
    const cold = await readThrough(sandbox, origin, clients);
    const warm = warmAlso ? await readThrough(sandbox, origin, clients) : null;
    return { cold, warm };
  } finally {
    await server.close();
  }
}

async function baselineRun(
  sandbox: RemoteSandbox,
  concurrency: number,
  sample: number | undefined,
): Promise<RunFigures & { result: DirectInventoryResult }> {
  await sandbox.resetStats();
  const cpu = process.cpuUsage();
  const result = await directInventory(sandbox, {
    concurrency,
    ...(sample === undefined ? {} : { sampleClients: sample }),
  });
  const cpuMs = cpuSince(cpu);
  const stats = await sandbox.stats();
  // Sequential requests: the time per request is the same over the sample and the whole list.
  const ms =
    sample === undefined || result.clients >= result.listed
      ? result.ms
      : (result.ms * (stats.totalRequests - result.clients + result.listed)) / stats.totalRequests;
  return {
    ms,
    requests: stats.totalRequests,
    rateLimited: stats.rateLimited,
    failed: result.failed,
    missingPolicies: 0,
    tokenExchanges: stats.tokenExchanges,
    listMs: null,
    perRequestMs: result.ms / stats.totalRequests,
    cpuMs,
    result,
  };
}

function summarise(
  clients: number,
  method: FanOutMethod,
  runs: RunFigures[],
  boundMs: number,
  measuredBoundMs: number,
  sampledClients: number | null,
): Omit<FanOutRow, 'speedUpOverFixed6' | 'speedUpOverSequential' | 'rememberedCap'> {
  const ms = median(runs.map((run) => run.ms));
  const listTimes = runs.map((run) => run.listMs).filter((value) => value !== null);
  return {
    clients,
    method,
    ms: round(ms),
    runsMs: runs.map((run) => round(run.ms)),
    sampledClients,
    boundMs,
    ratioToBound: round(ms / boundMs, 2),
    ratioToMeasuredBound: round(ms / measuredBoundMs, 2),
    requests: round(median(runs.map((run) => run.requests))),
    rateLimited: round(median(runs.map((run) => run.rateLimited))),
    failed: Math.max(...runs.map((run) => run.failed)),
    missingPolicies: Math.max(...runs.map((run) => run.missingPolicies)),
    tokenExchanges: Math.max(...runs.map((run) => run.tokenExchanges)),
    listMs: listTimes.length === 0 ? null : round(median(listTimes)),
    cpuMs: round(median(runs.map((run) => run.cpuMs))),
  };
}

/**
 * A store (SQLite in a temporary directory) on which one untimed inventory taught the tenant's cap, as an earlier
 * life of the server would have: the restarted server's runs start from it.
 */
async function storeWithLearntCap(
  sandbox: RemoteSandbox,
  clients: number,
): Promise<{ config: StoreConfig; cap: number | null; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'idc-bench-limits-'));
  const config: StoreConfig = { kind: 'sqlite', path: join(dir, 'inventory.db') };
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const server = await startBenchServer(sandbox, { store: config });
    try {
      await readThrough(sandbox, server.url.replace(/\/$/, ''), clients);
      // The cap is written just after the done line; a tenant that never refused leaves none.
      const tenant = { identityDomain: sandbox.identityDomain, customerId: sandbox.customerId };
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const limit = await server.store.use((store) => readTenantLimit(store, tenant));
        if (limit !== null) return { config, cap: limit.maxConcurrency, remove };
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return { config, cap: null, remove };
    } finally {
      await server.close();
    }
  } catch (error) {
    remove();
    throw error;
  }
}

export async function runFanOutScenario(plan: FanOutPlan): Promise<FanOutRow[]> {
  const rows: FanOutRow[] = [];
  for (const clients of plan.sizes) {
    const sandbox = await startSandboxProcess({
      clients,
      latencyMs: plan.latencyMs,
      maxConcurrency: plan.tenantCap,
      seed: 1,
    });
    try {
      // The seed counts the configuration clients among `clients`: the list holds exactly `clients` items.
      const boundMs = fanOutBoundMs(sandbox.clientCount, plan.tenantCap, plan.latencyMs);
      const sequentialSample = plan.sequentialSample(clients);
      const fixedSample = plan.fixedSample(clients);
      const warmAlso = plan.warmProxy(clients);
      const learnt = await storeWithLearntCap(sandbox, sandbox.clientCount);
      const proxyRuns: RunFigures[] = [];
      const restartRuns: RunFigures[] = [];
      const warmRuns: RunFigures[] = [];
      const fixedRuns: RunFigures[] = [];
      const sequentialRuns: RunFigures[] = [];
      // Interleaved, so that a noisy moment of the machine hits every method alike.
      for (let run = 1; run <= plan.runs; run += 1) {
        const proxy = await proxyRun(sandbox, sandbox.clientCount, warmAlso);
        proxyRuns.push(proxy.cold);
        if (proxy.warm !== null) warmRuns.push(proxy.warm);
        const restarted = await proxyRun(sandbox, sandbox.clientCount, false, learnt.config);
        restartRuns.push(restarted.cold);
        const fixed = await baselineRun(sandbox, 6, fixedSample);
        fixedRuns.push(fixed);
        const sequential = await baselineRun(sandbox, 1, sequentialSample);
        sequentialRuns.push(sequential);
        plan.log(
          `  N=${clients} run ${run}/${plan.runs}: proxy ${Math.round(proxy.cold.ms)} ms${proxy.warm === null ? '' : ` (again: ${Math.round(proxy.warm.ms)} ms)`}, restarted on the store ${Math.round(restarted.cold.ms)} ms, fixed-6 ${Math.round(fixed.ms)} ms${fixedSample === undefined ? '' : ' (extrapolated)'}, sequential ${Math.round(sequential.ms)} ms${sequentialSample === undefined ? '' : ' (extrapolated)'}`,
        );
      }
      // The round trip this machine delivered: the sequential baseline's time per request.
      const roundTripMs = median(sequentialRuns.map((run) => run.perRequestMs));
      const measuredBoundMs = fanOutBoundMs(sandbox.clientCount, plan.tenantCap, roundTripMs);
      const row = (method: FanOutMethod, runs: RunFigures[], sample: number | null) =>
        summarise(clients, method, runs, boundMs, measuredBoundMs, sample);
      const proxyRow = row('proxy', proxyRuns, null);
      const fixedRow = row('fixed-6', fixedRuns, fixedSample ?? null);
      const sequentialRow = row('sequential', sequentialRuns, sequentialSample ?? null);
      const speedUps = (proxy: { ms: number }) => ({
        speedUpOverFixed6: round(fixedRow.ms / proxy.ms, 1),
        speedUpOverSequential: round(sequentialRow.ms / proxy.ms, 1),
      });
      rows.push({ ...proxyRow, ...speedUps(proxyRow), rememberedCap: null });
      const restartRow = row('proxy-restart', restartRuns, null);
      rows.push({ ...restartRow, ...speedUps(restartRow), rememberedCap: learnt.cap });
      if (warmRuns.length > 0) {
        const warmRow = row('proxy-warm', warmRuns, null);
        rows.push({ ...warmRow, ...speedUps(warmRow), rememberedCap: null });
      }
      // The limiter alone in virtual time, against the same tenant: what the algorithm achieves without the machine.
      const simulated = Array.from({ length: plan.runs }, (_, index) =>
        simulateFanOut({
          clients: sandbox.clientCount,
          cap: plan.tenantCap,
          latencyMs: plan.latencyMs,
          retryAfterMs: 1000,
          seed: index + 1,
        }),
      );
      const simulatedRow = summarise(
        clients,
        'simulated',
        simulated.map((run) => ({
          ms: run.ms,
          requests: sandbox.clientCount + run.refused + 2,
          rateLimited: run.refused,
          failed: 0,
          missingPolicies: 0,
          tokenExchanges: 1,
          listMs: null,
          perRequestMs: plan.latencyMs,
          cpuMs: 0,
        })),
        boundMs,
        fanOutBoundMs(sandbox.clientCount, plan.tenantCap, plan.latencyMs),
        null,
      );
      const baseline = { speedUpOverFixed6: null, speedUpOverSequential: null, rememberedCap: null };
      rows.push(
        { ...simulatedRow, ...baseline },
        { ...fixedRow, ...baseline },
        { ...sequentialRow, ...baseline },
      );
      learnt.remove();
    } finally {
      await sandbox.close();
    }
  }
  return rows;
}
