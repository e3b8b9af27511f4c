// GET /api/inventory over real HTTP against the sandbox: completeness, policies once, faults, 429 storms, scopes,
// and the upstream work stopping when the browser goes away.
import { describe, expect, it } from 'vitest';
import { inventoryLineSchema } from '../identity-cloud/inventory-stream.ts';
import {
  clientsOnlyReader,
  closedAfterEachTest,
  connect,
  connectAsAddedClient,
  type InventoryLineObject,
  type ProxyUnderTest,
  fetchInventoryLines,
  totalConfigRequests,
} from '../test-support/node/proxy-under-test.ts';
import { doneLineOf } from '../test-support/node/security-probes.ts';

const { proxyAndSandbox } = closedAfterEachTest();

/**
 * The sandbox's request count once it stops moving: it records a request when it answers, so requests in flight
 * when the proxy stopped still land for a while (longer on a busy machine).
 */
async function settledRequestCount(proxy: ProxyUnderTest): Promise<number> {
  let previous = -1;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { totalRequests, inFlight } = proxy.sandbox.stats();
    if (totalRequests === previous && inFlight === 0) return totalRequests;
    previous = totalRequests;
  }
  throw new Error('The sandbox kept receiving requests after the inventory stopped.');
}

function linesOf(lines: InventoryLineObject[], kind: string) {
  return lines.filter((line) => line.kind === kind);
}

function idsOf(lines: InventoryLineObject[], kind: 'client' | 'loginPolicy' | 'tokenPolicy'): string[] {
  return linesOf(lines, kind).map((line) => {
    const item = (kind === 'client' ? line.client : line.policy) as { id: string };
    return item.id;
  });
}

/** Policy ids that clients reference but the tenant does not have (the seed plants some, for the findings). */
function danglingReferences(proxy: ProxyUnderTest): string[] {
  const { data } = proxy.sandbox;
  const known = new Set([...data.loginPolicies, ...data.tokenPolicies].map((policy) => policy.id));
  const referenced = new Set(
    data.clients.flatMap((client) =>
      [client.loginPolicy, client.tokenPolicy].filter((id): id is string => typeof id === 'string'),
    ),
  );
  return [...referenced].filter((id) => !known.has(id)).sort();
}

/**
 * Every client exactly once, every policy exactly once, a done line that agrees; the only failures are the 404s of
 * dangling policy references, each reported once.
 */
function expectCompleteInventory(proxy: ProxyUnderTest, lines: InventoryLineObject[]): void {
  const { data } = proxy.sandbox;
  for (const line of lines) expect(inventoryLineSchema.safeParse(line).success).toBe(true);
  const dangling = danglingReferences(proxy);
  expect(lines[0]).toMatchObject({ kind: 'list', total: data.clients.length });
  expect(lines.at(-1)).toMatchObject({ kind: 'done', clients: data.clients.length, failed: dangling.length });
  const errors = linesOf(lines, 'error');
  expect(errors.every((line) => line.status === 404)).toBe(true);
  expect(errors.map((line) => String(line.id)).sort()).toEqual(dangling);
  const clientIds = idsOf(lines, 'client');
  expect(clientIds).toHaveLength(data.clients.length);
  expect(new Set(clientIds)).toEqual(new Set(data.clients.map((client) => client.id)));
  const loginPolicyIds = idsOf(lines, 'loginPolicy');
  expect(loginPolicyIds.sort()).toEqual(data.loginPolicies.map((policy) => policy.id).sort());
  const tokenPolicyIds = idsOf(lines, 'tokenPolicy');
  expect(tokenPolicyIds.sort()).toEqual(data.tokenPolicies.map((policy) => policy.id).sort());
}

describe('GET /api/inventory', () => {
  it('streams the list first, every client and policy once, redacted, and a done line last', async () => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const { status, lines, contentType } = await fetchInventoryLines(proxy.origin, null);
    expect(status).toBe(200);
    expect(contentType).toBe('application/x-ndjson; charset=utf-8');
    expectCompleteInventory(proxy, lines);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(proxy.sandbox.clientSecret);
    for (const policy of proxy.sandbox.data.loginPolicies) {
      expect(text).not.toContain(policy.identityStoreDetails.connectionDetails.clientSecret);
    }
    expect(text).toContain('"clientSecret":"[redacted]"');
    // One list, one GET per client, two policy lists, one GET per policy: nothing twice, except the retries the
    // done line owns up to (a per-attempt timeout can fire on a very busy machine).
    const { data } = proxy.sandbox;
    const done = doneLineOf(lines);
    expect(totalConfigRequests(proxy.sandbox)).toBe(
      1 +
        data.clients.length +
        2 +
        data.loginPolicies.length +
        data.tokenPolicies.length +
        danglingReferences(proxy).length +
        done.retries,
    );
    expect(proxy.logLines.at(-1)).toMatch(/GET \/api\/inventory 200 \d+ms upstream=\d+$/);
  });

  it('flushes lines as they arrive rather than at the end', async () => {
    const proxy = await proxyAndSandbox({
      sandbox: { clients: 40, latencyMs: 40, maxConcurrency: 4 },
      useSandboxAsDefault: true,
    });
    const started = performance.now();
    const response = await fetch(`${proxy.origin}/api/inventory`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    const firstAt = performance.now() - started;
    expect(new TextDecoder().decode(first.value)).toMatch(/^\{"kind":"list"/);
    let done = false;
    while (!done) done = (await reader.read()).done;
    const totalMs = performance.now() - started;
    expect(firstAt).toBeLessThan(totalMs / 2);
  });

  it('completes 2,000 clients, each exactly once, through 5% faults and a 429 storm', async () => {
    const proxy = await proxyAndSandbox({
      sandbox: { clients: 2000, latencyMs: 2, maxConcurrency: 6, faultRate: 0.05, hangMs: 60_000 },
      proxy: { upstreamTimeoutMs: 600 },
      useSandboxAsDefault: true,
    });
    const { lines } = await fetchInventoryLines(proxy.origin, null);
    expectCompleteInventory(proxy, lines);
    const stats = proxy.sandbox.stats();
    const done = doneLineOf(lines);
    // Bounded retries: about one per fault plus one per 429, never a storm.
    expect(stats.faults.serverError + stats.faults.hang + stats.faults.malformed).toBeGreaterThan(0);
    expect(done.retries).toBeLessThan(
      stats.faults.serverError + stats.faults.hang + stats.faults.malformed + stats.rateLimited + 50,
    );
    expect(stats.tokenExchanges).toBe(1);
    console.log(
      `2,000 clients with 5% faults and a cap of 6: ${stats.rateLimited} 429s, ${stats.faults.serverError} 500s, ${stats.faults.hang} hangs, ${stats.faults.malformed} malformed; ${done.retries} retries, ${done.requests} requests`,
    );
  }, 60_000);

  it('re-exchanges the token once when it is revoked mid-inventory, and completes', async () => {
    const proxy = await proxyAndSandbox({
      sandbox: { clients: 400, latencyMs: 20 },
      useSandboxAsDefault: true,
    });
    const response = await fetch(`${proxy.origin}/api/inventory`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    // The list line proves the first token is in use; revoke it while the details are being read.
    let text = decoder.decode((await reader.read()).value, { stream: true });
    proxy.sandbox.revokeTokens();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as InventoryLineObject);
    expectCompleteInventory(proxy, lines);
    expect(proxy.sandbox.stats().tokenExchanges).toBe(2);
  });

  it('marks a client deleted after the list as a 404 error line, and completes the rest', async () => {
    const proxy = await proxyAndSandbox({
      sandbox: { clients: 100, latencyMs: 50, maxConcurrency: 8 },
      useSandboxAsDefault: true,
    });
    const victim = proxy.sandbox.data.clients.at(-1);
    if (victim === undefined) throw new Error('no client');
    const response = await fetch(`${proxy.origin}/api/inventory`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = new TextDecoder().decode((await reader.read()).value);
    proxy.sandbox.deleteClient(victim.id);
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as InventoryLineObject);
    expect(linesOf(lines, 'error')).toEqual([
      {
        kind: 'error',
        resource: 'client',
        id: victim.id,
        status: 404,
        detail: expect.stringMatching(/no client/) as unknown,
      },
    ]);
    expect(lines.at(-1)).toMatchObject({ kind: 'done', clients: 99, failed: 1 });
  });

  it('streams clients with a narrow scope, with error lines for the refused policy lists', async () => {
    const proxy = await proxyAndSandbox({ sandbox: { clients: 30 } });
    const cookie = await connectAsAddedClient(proxy, clientsOnlyReader);
    const { status, lines } = await fetchInventoryLines(proxy.origin, cookie);
    expect(status).toBe(200);
    expect(idsOf(lines, 'client')).toHaveLength(31);
    const errors = linesOf(lines, 'error');
    const listErrors = errors.filter((line) => String(line.resource).endsWith('List'));
    expect(listErrors.map((line) => line.resource).sort()).toEqual(['loginPolicyList', 'tokenPolicyList']);
    for (const line of listErrors) {
      expect(line.status).toBe(403);
      expect(String(line.detail)).toMatch(/not allowed to read the (login|token) policy list/);
    }
    // Referenced policies are refused too, each reported once.
    const policyErrors = errors.filter(
      (line) => line.resource === 'loginPolicy' || line.resource === 'tokenPolicy',
    );
    expect(new Set(policyErrors.map((line) => `${String(line.resource)}:${String(line.id)}`)).size).toBe(
      policyErrors.length,
    );
    expect(lines.at(-1)).toMatchObject({ kind: 'done', clients: 31 });
    // The policy lists' 403s cost one re-exchange in all, not one per refused policy.
    expect(proxy.sandbox.stats().tokenExchanges).toBeLessThanOrEqual(3);
  });

  it('answers the refused client list with its status before streaming', async () => {
    const proxy = await proxyAndSandbox();
    const cookie = await connectAsAddedClient(proxy, {
      clientId: 'policy-reader',
      clientSecret: 'policy-secret-value',
      scope: 'GET:config/loginPolicies/**',
    });
    const response = await fetch(`${proxy.origin}/api/inventory`, { headers: { cookie } });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(
      /not allowed to read the client list/,
    );
  });

  it('stops the upstream work when the browser disconnects', async () => {
    const proxy = await proxyAndSandbox({
      sandbox: { clients: 2000, latencyMs: 20, maxConcurrency: 8 },
      useSandboxAsDefault: true,
    });
    const controller = new AbortController();
    const response = await fetch(`${proxy.origin}/api/inventory`, { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 150));
    controller.abort();
    const afterAbort = await settledRequestCount(proxy);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const later = proxy.sandbox.stats();
    expect(later.totalRequests).toBe(afterAbort);
    expect(later.inFlight).toBe(0);
    expect(afterAbort).toBeLessThan(1000);
  });

  it('stops the session’s inventory when the session is deleted', async () => {
    const proxy = await proxyAndSandbox({ sandbox: { clients: 2000, latencyMs: 20, maxConcurrency: 8 } });
    const cookie = await connect(proxy);
    const response = await fetch(`${proxy.origin}/api/inventory`, { headers: { cookie } });
    const reading = response.text();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const deleted = await fetch(`${proxy.origin}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(deleted.status).toBe(204);
    const lines = (await reading).trim().split('\n');
    // The stream ends without its done line: the reader can tell it was cut.
    expect(lines.at(-1)).not.toMatch(/"kind":"done"/);
    const afterStop = await settledRequestCount(proxy);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(proxy.sandbox.stats().totalRequests).toBe(afterStop);
    expect(afterStop).toBeLessThan(1000);
  });
});
