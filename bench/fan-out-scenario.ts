// Scenario 1: the inventory through the real proxy over HTTP, against two baselines measured in the same run on the
// same sandbox (sequential GETs, and a fixed concurrency of 6), for several tenant sizes.
import { startServer } from '../src/server/start-server.ts';
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

export type FanOutMethod = 'proxy' | 'proxy-warm' | 'simulated' | 'fixed-6' | 'sequential';

export interface FanOutRow {
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
  /** As measured (for a sampled baseline: the sample's), median over the runs. */
  requests: number;
  rateLimited: number;
  failed: number;
  missingPolicies: number;
  tokenExchanges: number;
  /** The time to the list line (names), proxy only. */
  listMs: number | null;
}

interface RunFigures {
  ms: number;
  requests: number;
  rateLimited: number;
  failed: number;
  /** Policies referenced by a client but absent from the tenant (404): proxy only, which reads references. */
  missingPolicies: number;
  tokenExchanges: number;
  listMs: number | null;
  /** Measured time per request (baselines: before extrapolation). */
  perRequestMs: number;
}

async function readThrough(sandbox: RemoteSandbox, origin: string, clients: number): Promise<RunFigures> {
  await sandbox.resetStats();
  const reading = await readInventoryStream(origin);
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
  };
}

async function proxyRun(
  sandbox: RemoteSandbox,
  clients: number,
  warmAlso: boolean,
): Promise<{ cold: RunFigures; warm: RunFigures | null }> {
  // A fresh proxy each run: a cold token cache and a limiter that knows nothing of the tenant yet. Then, when
  // asked, the same inventory again through the same proxy, as a second visit would.
  const server = await startServer({
    staticDir: null,
    proxy: {
      log: () => undefined,
      defaultConnection: {
        identityDomain: sandbox.identityDomain,
        customerId: sandbox.customerId,
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        scope: sandbox.scope,
      },
    },
  });
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
  const result = await directInventory(sandbox, {
    concurrency,
    ...(sample === undefined ? {} : { sampleClients: sample }),
  });
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
): Omit<FanOutRow, 'speedUpOverFixed6' | 'speedUpOverSequential'> {
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
  };
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
      const proxyRuns: RunFigures[] = [];
      const warmRuns: RunFigures[] = [];
      const fixedRuns: RunFigures[] = [];
      const sequentialRuns: RunFigures[] = [];
      // Interleaved, so that a noisy moment of the machine hits every method alike.
      for (let run = 1; run <= plan.runs; run += 1) {
        const proxy = await proxyRun(sandbox, sandbox.clientCount, warmAlso);
        proxyRuns.push(proxy.cold);
        if (proxy.warm !== null) warmRuns.push(proxy.warm);
        const fixed = await baselineRun(sandbox, 6, fixedSample);
        fixedRuns.push(fixed);
        const sequential = await baselineRun(sandbox, 1, sequentialSample);
        sequentialRuns.push(sequential);
        plan.log(
          `  N=${clients} run ${run}/${plan.runs}: proxy ${Math.round(proxy.cold.ms)} ms${proxy.warm === null ? '' : ` (again: ${Math.round(proxy.warm.ms)} ms)`}, fixed-6 ${Math.round(fixed.ms)} ms${fixedSample === undefined ? '' : ' (extrapolated)'}, sequential ${Math.round(sequential.ms)} ms${sequentialSample === undefined ? '' : ' (extrapolated)'}`,
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
      rows.push({ ...proxyRow, ...speedUps(proxyRow) });
      if (warmRuns.length > 0) {
        const warmRow = row('proxy-warm', warmRuns, null);
        rows.push({ ...warmRow, ...speedUps(warmRow) });
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
        })),
        boundMs,
        fanOutBoundMs(sandbox.clientCount, plan.tenantCap, plan.latencyMs),
        null,
      );
      rows.push(
        { ...simulatedRow, speedUpOverFixed6: null, speedUpOverSequential: null },
        { ...fixedRow, speedUpOverFixed6: null, speedUpOverSequential: null },
        { ...sequentialRow, speedUpOverFixed6: null, speedUpOverSequential: null },
      );
    } finally {
      await sandbox.close();
    }
  }
  return rows;
}
