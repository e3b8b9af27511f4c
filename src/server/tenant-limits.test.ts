// The tenant's cap remembered across a restart, over real HTTP: a server learns the sandbox's cap from its 429s and
// keeps it in the store; a new server on the same store starts from it, and its first inventory is never refused.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/start-sandbox.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { readTenantLimit } from '../store/tenant-limits-repository.ts';
import { freshStoreConfig, testEngines } from '../store/test-stores.ts';
import { fetchInventoryLines } from '../test-support/node/proxy-under-test.ts';
import { connectionOf } from '../test-support/node/sandbox-connection.ts';
import { startServer, type RunningServer } from './start-server.ts';

const tenantCap = 4;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tenantWithCap(): Promise<RunningSandbox> {
  // Above `tenantCap` requests in flight, 429 with Retry-After: 1. The proxy starts at 8, above it.
  const sandbox = await startSandbox({ quiet: true, clients: 60, latencyMs: 20, maxConcurrency: tenantCap });
  cleanups.push(() => sandbox.close());
  return sandbox;
}

async function serverFor(sandbox: RunningSandbox, store: StoreConfig | undefined): Promise<RunningServer> {
  return startServer({
    staticDir: null,
    ...(store === undefined ? {} : { store }),
    proxy: { log: () => undefined, defaultConnection: connectionOf(sandbox) },
  });
}

/** One whole inventory through the server's default connection; the sandbox's counts of it. */
async function inventoryThrough(server: RunningServer, sandbox: RunningSandbox) {
  sandbox.resetStats();
  const { status, lines } = await fetchInventoryLines(server.url.replace(/\/$/, ''), null);
  expect(status).toBe(200);
  const done = lines.at(-1);
  expect(done).toMatchObject({ kind: 'done', failed: 1 }); // the seed's one dangling policy reference (404)
  const stats = sandbox.stats();
  return { rateLimited: stats.rateLimited, peak: stats.peakConcurrency };
}

/** The cap is written after the done line: wait until the store holds it. */
async function rememberedCap(server: RunningServer, sandbox: RunningSandbox): Promise<number> {
  const tenant = { identityDomain: sandbox.identityDomain, customerId: sandbox.customerId };
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const limit = await server.store.use((store) => readTenantLimit(store, tenant));
    if (limit !== null) return limit.maxConcurrency;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('The server never wrote the cap it learnt into the store.');
}

describe.each(testEngines())('the tenant cap across a restart, on %s', (engine) => {
  it('is learnt from 429s, kept in the store, and the next server sends nothing above it', async () => {
    const sandbox = await tenantWithCap();
    const fresh = await freshStoreConfig(engine);
    cleanups.push(() => fresh.cleanup());

    const first = await serverFor(sandbox, fresh.config);
    const learning = await inventoryThrough(first, sandbox);
    expect(learning.rateLimited).toBeGreaterThan(0);
    // A second inventory trims a first ceiling that a busy machine left a step too high (the proxy's in-flight
    // count runs ahead of the tenant's), as any server in use would.
    await inventoryThrough(first, sandbox);
    const cap = await rememberedCap(first, sandbox);
    expect(cap).toBeGreaterThanOrEqual(1);
    expect(cap).toBeLessThanOrEqual(tenantCap);
    await first.close();

    const restarted = await serverFor(sandbox, fresh.config);
    cleanups.push(() => restarted.close());
    const afterRestart = await inventoryThrough(restarted, sandbox);
    expect(afterRestart.rateLimited).toBe(0);
    // Without the remembered cap it would start at 8 in flight, twice the tenant's.
    expect(afterRestart.peak).toBeLessThanOrEqual(cap);
  });
});

describe('the tenant cap without a store', () => {
  it('is learnt again by every new server, at the cost of 429s each time', async () => {
    const sandbox = await tenantWithCap();
    for (let server = 0; server < 2; server += 1) {
      const proxy = await serverFor(sandbox, undefined);
      try {
        expect((await inventoryThrough(proxy, sandbox)).rateLimited).toBeGreaterThan(0);
      } finally {
        await proxy.close();
      }
    }
  });
});
