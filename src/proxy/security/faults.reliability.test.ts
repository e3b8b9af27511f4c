// Nothing is lost and nothing is hammered: a streamed inventory over real HTTP through every fault the sandbox can
// produce at once (500s, hangs, malformed bodies, bursts of 429), a token revoked twice mid-stream, clients deleted
// between the list and their detail, and the identity domain going away mid-stream and coming back. Each test
// prints its figures. (../inventory.test.ts has the gentler single-fault versions.)
import { describe, expect, it } from 'vitest';
import {
  closedAfterEachTest,
  type InventoryLineObject,
  type ProxyUnderTest,
  startProxyAndSandbox,
  startQuietSandbox,
  type RunningSandbox,
} from '../../test-support/node/proxy-under-test.ts';
import {
  clientErrorsOf,
  clientIdsOf,
  delay,
  doneLineOf,
  streamInventory,
} from '../../test-support/node/security-probes.ts';

const { track } = closedAfterEachTest();

async function proxyAndSandbox(
  options: Parameters<typeof startProxyAndSandbox>[0] = {},
): Promise<ProxyUnderTest> {
  const proxy = await startProxyAndSandbox({ useSandboxAsDefault: true, ...options });
  track(() => proxy.close());
  return proxy;
}

/** Every id appears exactly once among client lines and client error lines together. */
function expectEachClientExactlyOnce(lines: readonly InventoryLineObject[], ids: readonly string[]): void {
  const seen = [...clientIdsOf(lines), ...clientErrorsOf(lines).map((line) => String(line.id))];
  expect(seen).toHaveLength(ids.length);
  expect(new Set(seen)).toEqual(new Set(ids));
}

function faultTotal(sandbox: RunningSandbox): number {
  const { faults } = sandbox.stats();
  return faults.serverError + faults.hang + faults.malformed;
}

describe('an inventory through faults', () => {
  it('lists 2,000 clients exactly once through 5% 500s, 2% hangs, 2% malformed bodies and 429 bursts', async () => {
    const proxy = await proxyAndSandbox({
      sandbox: {
        clients: 2_000,
        latencyMs: 2,
        faults: { serverError: 0.05, hang: 0.02, malformed: 0.02 },
        hangMs: 5_000,
      },
      // A short per-attempt ceiling so that hung requests are cut in well under a second.
      proxy: { upstreamTimeoutMs: 1_000 },
    });
    const ids = proxy.sandbox.data.clients.map((client) => client.id);
    // 429 bursts: the tenant's capacity drops to 4 requests at a time for 300 ms, three times during the run.
    let clientLines = 0;
    const bursts = (async () => {
      for (const at of [200, 700, 1_400]) {
        while (clientLines < at) await delay(5);
        proxy.sandbox.update({ maxConcurrency: 4 });
        await delay(300);
        proxy.sandbox.update({ maxConcurrency: Number.POSITIVE_INFINITY });
      }
    })();
    const started = performance.now();
    const { lines } = await streamInventory(proxy.origin, null, (line) => {
      if (line.kind === 'client') clientLines += 1;
    });
    const elapsedMs = performance.now() - started;
    await bursts;

    expectEachClientExactlyOnce(lines, ids);
    expect(clientErrorsOf(lines)).toEqual([]);
    const done = doneLineOf(lines);
    expect(done.clients).toBe(2_000);
    const stats = proxy.sandbox.stats();
    const faults = faultTotal(proxy.sandbox);
    expect(faults).toBeGreaterThan(100);
    expect(stats.rateLimited).toBeGreaterThan(0);
    // Bounded: about one retry per fault or 429 (plus a few slow answers cut by the adaptive per-attempt timeout on
    // a loaded machine), every request is an item or one of those retries, and one token for the whole run.
    expect(done.retries).toBeLessThanOrEqual(Math.ceil(1.2 * (faults + stats.rateLimited)) + 50);
    expect(done.requests).toBeLessThanOrEqual(done.retries + 2_000 + 50);
    expect(stats.tokenExchanges).toBe(1);
    expect(stats.peakConcurrency).toBeLessThanOrEqual(32);
    console.log(
      `faults: 2,000 clients complete in ${Math.round(elapsedMs)} ms through ${stats.faults.serverError} 500s, ${stats.faults.hang} hangs, ${stats.faults.malformed} malformed bodies and ${stats.rateLimited} 429s; ${done.requests} upstream requests, ${done.retries} retries (${(done.retries / (faults + stats.rateLimited)).toFixed(2)} per failure), 1 token exchange, peak ${stats.peakConcurrency} in flight`,
    );
  }, 60_000);

  it('re-exchanges the token once when it is revoked mid-stream, replaying it only on requests in flight', async () => {
    const proxy = await proxyAndSandbox({ sandbox: { clients: 1_000, latencyMs: 5 } });
    let clientLines = 0;
    const { lines } = await streamInventory(proxy.origin, null, (line) => {
      // Every token issued so far answers 403 {"errors":"Forbidden"}, as an expired one does.
      if (line.kind === 'client' && ++clientLines === 300) proxy.sandbox.revokeTokens();
    });
    expectEachClientExactlyOnce(
      lines,
      proxy.sandbox.data.clients.map((client) => client.id),
    );
    expect(clientErrorsOf(lines)).toEqual([]);
    const stats = proxy.sandbox.stats();
    // The first exchange, then exactly one, however many requests were refused at once.
    expect(stats.tokenExchanges).toBe(2);
    // Only requests already on the wire carry the revoked token; the ~700 queued ones take the fresh token
    // (a token read before queueing would be refused once per queued request, about 700 wasted 403s).
    const refused = stats.requests['GET /config/clients/:id']?.['403'] ?? 0;
    expect(refused).toBeLessThanOrEqual(100);
    console.log(
      `token revoked after 300 of 1,000 clients: ${refused} requests refused with 403 (those in flight), 1 re-exchange, 1,000 clients complete`,
    );
  });

  it('reports clients deleted between the list and their detail as 404 error lines, and completes the rest', async () => {
    const proxy = await proxyAndSandbox({
      sandbox: { clients: 500, latencyMs: 10, faults: { serverError: 0.05 } },
    });
    const ids = proxy.sandbox.data.clients.map((client) => client.id);
    // The last five in list order: the fan-out reaches them last, well after the list arrived.
    const deleted = ids.slice(-5);
    const { lines } = await streamInventory(proxy.origin, null, (line) => {
      if (line.kind === 'list') for (const id of deleted) proxy.sandbox.deleteClient(id);
    });
    expectEachClientExactlyOnce(lines, ids);
    const errors = clientErrorsOf(lines);
    expect(errors.map((line) => line.id).sort()).toEqual([...deleted].sort());
    for (const line of errors) {
      expect(line.status).toBe(404);
      expect(String(line.detail)).toMatch(/has no client/);
    }
    expect(doneLineOf(lines)).toMatchObject({ clients: 495 });
  });
});

describe('the identity domain going down mid-stream', () => {
  it('ends the stream promptly, accounting for every client, and a retry completes once it is back', async () => {
    const proxy = await proxyAndSandbox({ sandbox: { clients: 1_000, latencyMs: 10 } });
    const ids = proxy.sandbox.data.clients.map((client) => client.id);
    const { port } = new URL(proxy.sandbox.identityDomain);
    let clientLines = 0;
    let downAt = 0;
    const started = performance.now();
    const { lines } = await streamInventory(proxy.origin, null, (line) => {
      if (line.kind === 'client' && ++clientLines === 300) {
        downAt = performance.now();
        void proxy.sandbox.close();
      }
    });
    const endedAfterDownMs = performance.now() - downAt;

    // Cut short, not hung: every client is either in or reported failed, and the done line says so.
    expectEachClientExactlyOnce(lines, ids);
    const errors = clientErrorsOf(lines);
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect([502, 504]).toContain(line.status);
    expect(
      errors.some((line) => /Nothing is listening|could not be reached|failed/.test(String(line.detail))),
    ).toBe(true);
    const done = doneLineOf(lines);
    expect(done.clients + done.failed).toBeGreaterThanOrEqual(1_000);
    expect(endedAfterDownMs).toBeLessThan(10_000);

    // The domain comes back on the same address (same seed, so the same tenant); the cached token is unknown to
    // it (401), so the proxy exchanges a fresh one once, and the retry completes.
    const revived = await startQuietSandbox({ port: Number(port), clients: 1_000, latencyMs: 10 });
    track(() => revived.close());
    const retry = await streamInventory(proxy.origin, null);
    expectEachClientExactlyOnce(retry.lines, ids);
    expect(clientErrorsOf(retry.lines)).toEqual([]);
    expect(revived.stats().tokenExchanges).toBe(1);
    console.log(
      `domain down after 300 of 1,000 clients: stream ended ${Math.round(endedAfterDownMs)} ms later with ${done.clients} clients and ${errors.length} client error lines (${Math.round(performance.now() - started)} ms in all with the retry); the retry after it came back completed all 1,000`,
    );
  }, 30_000);
});
