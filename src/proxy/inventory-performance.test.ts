// The fan-out target, measured through the real proxy over HTTP: 1,000 clients, 50 ms latency, a tenant
// that answers 429 above 16 concurrent requests. The physical bound is ⌈(N+1)/16⌉ × 50 ms; the target is 1.2× it.
// The time is printed, not asserted: CI has no timed tests (a loaded 2-core machine saw 1.2× to 3×), and `npm run
// bench` holds the target. What is asserted does not depend on the machine's speed: the fan-out reaches the
// tenant's cap (a regression to a fixed concurrency of 6 fails), never exceeds the proxy's own, and learns the cap
// from a bounded number of refusals.
import { expect, it } from 'vitest';
import {
  closedAfterEachTest,
  type ProxyUnderTest,
  fetchInventoryLines,
  startProxyAndSandbox,
} from '../test-support/node/proxy-under-test.ts';
import { doneLineOf } from '../test-support/node/security-probes.ts';

const { track } = closedAfterEachTest();

it('fans 1,000 clients out near the physical bound (50 ms latency, tenant cap 16)', async () => {
  const clients = 1000;
  const latencyMs = 50;
  const cap = 16;
  // Warm the code paths first (a cold JIT costs a few hundred ms that a running server does not pay), on
  // servers of their own, so that the measured proxy still knows nothing of the tenant.
  const warmUp = await startProxyAndSandbox({ sandbox: { clients: 300 }, useSandboxAsDefault: true });
  await fetchInventoryLines(warmUp.origin, null);
  await warmUp.close();

  const proxy: ProxyUnderTest = await startProxyAndSandbox({
    sandbox: { clients, latencyMs, maxConcurrency: cap },
    useSandboxAsDefault: true,
  });
  track(() => proxy.close());

  const started = performance.now();
  const { lines } = await fetchInventoryLines(proxy.origin, null);
  const elapsedMs = performance.now() - started;
  const done = doneLineOf(lines);
  const bound = Math.ceil((clients + 1) / cap) * latencyMs;
  const stats = proxy.sandbox.stats();
  console.log(
    `inventory of ${clients} clients at ${latencyMs} ms, cap ${cap}: done after ${done.ms} ms (client saw ${Math.round(elapsedMs)} ms); bound ${bound} ms; ratio ${(done.ms / bound).toFixed(2)}; ${done.requests} requests, ${stats.rateLimited} 429s, peak concurrency ${stats.peakConcurrency}, ${stats.tokenExchanges} token exchange(s)`,
  );
  expect(done).toMatchObject({ kind: 'done', clients });
  expect(stats.tokenExchanges).toBe(1);
  // Slow start overshoots once (the sandbox counts the refused requests too); never above the proxy's own cap.
  expect(stats.peakConcurrency).toBeLessThanOrEqual(32);
  expect(stats.peakConcurrency).toBeGreaterThanOrEqual(cap);
  expect(stats.rateLimited).toBeLessThan(100);
}, 30_000);
