// Load on one proxy, over real HTTP against the sandbox: 200 concurrent browser-side requests on one session, and 20
// simultaneous inventories on 20 sessions. Everything succeeds, each connection exchanges its credentials once,
// the tenant never sees more than the proxy's concurrency ceiling, and latency and memory are printed.
import { expect, it } from 'vitest';
import { proxyDefaults } from '../proxy-options.ts';
import { closedAfterEachTest, connect } from '../../test-support/node/proxy-under-test.ts';
import {
  clientErrorsOf,
  clientIdsOf,
  doneLineOf,
  percentile,
  sampleMemory,
  settledMemoryMiB,
  streamInventory,
} from '../../test-support/node/security-probes.ts';

const { proxyAndSandbox } = closedAfterEachTest();

const ms = (value: number) => `${Math.round(value)} ms`;

/** Runs `work` on every item at once: the results, the wall time, and the memory settled before and at its peaks. */
async function allAtOnce<Item, Result>(items: Item[], work: (item: Item) => Promise<Result>) {
  const before = await settledMemoryMiB();
  const stopSampling = sampleMemory();
  const started = performance.now();
  const results = await Promise.all(items.map(work));
  const wallMs = performance.now() - started;
  return { results, wallMs, before, peaks: stopSampling() };
}

it('answers 200 concurrent browser-side requests on one session, with one token exchange', async () => {
  const proxy = await proxyAndSandbox({ sandbox: { clients: 200, latencyMs: 10 } });
  const cookie = await connect(proxy);
  const { data } = proxy.sandbox;
  const existingLoginPolicy = data.loginPolicies[0]?.id ?? '';
  const existingTokenPolicy = data.tokenPolicies[0]?.id ?? '';
  // What a dashboard tab asks for: the session, lists, and details (clients and policies), all at once.
  const paths = Array.from({ length: 200 }, (_, index) => {
    switch (index % 8) {
      case 0:
        return '/api/session';
      case 1:
        return '/api/config/clients';
      case 2:
        return '/api/config/loginPolicies';
      case 3:
        return '/api/config/tokenPolicies';
      case 4:
        return `/api/config/loginPolicies/${existingLoginPolicy}`;
      case 5:
        return `/api/config/tokenPolicies/${existingTokenPolicy}`;
      default:
        return `/api/config/clients/${data.clients[index % data.clients.length]?.id ?? ''}`;
    }
  });
  const { results, wallMs, before, peaks } = await allAtOnce(paths, async (path) => {
    const sent = performance.now();
    const response = await fetch(`${proxy.origin}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    return { path, status: response.status, latencyMs: performance.now() - sent };
  });

  expect(results.filter((result) => result.status !== 200)).toEqual([]);
  expect(proxy.sandbox.stats().tokenExchanges).toBe(1);
  expect(proxy.sandbox.stats().peakConcurrency).toBeLessThanOrEqual(proxyDefaults.maxConcurrency);
  const latencies = results.map((result) => result.latencyMs);
  console.log(
    `200 concurrent requests (sandbox latency 10 ms): all 200 OK in ${ms(wallMs)}; latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}; 1 token exchange; peak ${proxy.sandbox.stats().peakConcurrency} upstream in flight; heap ${before.heapUsed} MiB settled before, peak ${peaks.peakHeapUsed} MiB, rss peak ${peaks.peakRss} MiB (proxy and sandbox in one process)`,
  );
});

it('runs 20 simultaneous inventories on 20 sessions to completion, one token exchange each', async () => {
  const clients = 300;
  // Twenty at once is above the server's default cap of simultaneous inventories: lifted for this load test.
  const proxy = await proxyAndSandbox({
    sandbox: { clients, latencyMs: 5 },
    proxy: { inventoryCaps: { perSession: 4, perServer: 20 } },
  });
  const cookies = await Promise.all(Array.from({ length: 20 }, () => connect(proxy)));
  expect(proxy.sandbox.stats().tokenExchanges).toBe(20);
  const ids = proxy.sandbox.data.clients.map((client) => client.id);
  const {
    results: runs,
    wallMs,
    before,
    peaks,
  } = await allAtOnce(cookies, async (cookie) => {
    const sent = performance.now();
    let firstLineMs = Number.NaN;
    const { status, lines } = await streamInventory(proxy.origin, cookie, (_line, index) => {
      if (index === 0) firstLineMs = performance.now() - sent;
    });
    return { status, lines, firstLineMs, totalMs: performance.now() - sent };
  });
  const after = await settledMemoryMiB();

  for (const run of runs) {
    expect(run.status).toBe(200);
    expect(new Set(clientIdsOf(run.lines))).toEqual(new Set(ids));
    expect(clientIdsOf(run.lines)).toHaveLength(clients);
    expect(clientErrorsOf(run.lines)).toEqual([]);
    expect(doneLineOf(run.lines).clients).toBe(clients);
  }
  const stats = proxy.sandbox.stats();
  // No exchange during the runs: each session kept its token.
  expect(stats.tokenExchanges).toBe(20);
  // The 20 runs share the tenant's gate: the tenant never sees more than the ceiling at once.
  expect(stats.peakConcurrency).toBeLessThanOrEqual(proxyDefaults.maxConcurrency);
  const totals = runs.map((run) => run.totalMs);
  const firstLines = runs.map((run) => run.firstLineMs);
  console.log(
    `20 simultaneous inventories of ${clients} clients (sandbox latency 5 ms): all complete in ${ms(wallMs)} (${stats.totalRequests} upstream requests, ${Math.round(stats.totalRequests / (wallMs / 1000))}/s); per inventory p50 ${ms(percentile(totals, 50))}, max ${ms(Math.max(...totals))}; first line p50 ${ms(percentile(firstLines, 50))}, max ${ms(Math.max(...firstLines))}; 20 token exchanges in all; peak ${stats.peakConcurrency} upstream in flight; heap ${before.heapUsed} MiB settled before, peak ${peaks.peakHeapUsed} MiB, ${after.heapUsed} MiB settled after; rss peak ${peaks.peakRss} MiB`,
  );
}, 60_000);
