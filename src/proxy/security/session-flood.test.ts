// 1,000 session creations must not grow the proxy without bound: sessions are capped (least recently used evicted),
// expire when idle even with no traffic at all, and an evicted session's upstream work stops with it.
import { expect, it } from 'vitest';
import { proxyDefaults } from '../proxy-options.ts';
import {
  closedAfterEachTest,
  connect,
  type ProxyUnderTest,
} from '../../test-support/node/proxy-under-test.ts';
import { delay, settledMemoryMiB, streamInventory } from '../../test-support/node/security-probes.ts';

const { proxyAndSandbox } = closedAfterEachTest();

async function sessionStatus(proxy: ProxyUnderTest, cookie: string): Promise<number> {
  return (await fetch(`${proxy.origin}/api/session`, { headers: { cookie } })).status;
}

it('holds at most the default cap through 1,000 session creations, with memory flat once the cap is reached', async () => {
  // One address creating 1,000 sessions is exactly what the creation limit refuses; this test is about the
  // store's own cap, so the limit is lifted here.
  const proxy = await proxyAndSandbox({
    sandbox: { clients: 5 },
    proxy: { sessionCreationLimit: { burst: 2_000, perMinute: 60_000 } },
  });
  const cookies: string[] = [];
  // Twenty at a time, like a script hammering the endpoint.
  const create = async (count: number) => {
    for (let done = 0; done < count; done += 20) {
      cookies.push(
        ...(await Promise.all(Array.from({ length: Math.min(20, count - done) }, () => connect(proxy)))),
      );
    }
  };
  const started = performance.now();
  await create(proxyDefaults.maxSessions);
  const atCap = await settledMemoryMiB();
  await create(1_000 - proxyDefaults.maxSessions);
  const elapsedMs = performance.now() - started;
  const afterFlood = await settledMemoryMiB();

  expect(new Set(cookies).size).toBe(1_000);
  expect(proxy.server.proxy.sessionCount()).toBe(proxyDefaults.maxSessions);
  // The first 800 were evicted (least recently used first), the last 200 live.
  expect(await sessionStatus(proxy, cookies[0] ?? '')).toBe(401);
  expect(await sessionStatus(proxy, cookies[799] ?? '')).toBe(401);
  expect(await sessionStatus(proxy, cookies[800] ?? '')).toBe(200);
  expect(await sessionStatus(proxy, cookies[999] ?? '')).toBe(200);
  // Past the cap, 800 more creations leave the heap roughly where it was: what remains is noise (JIT, the
  // sandbox's 800 extra issued tokens, the test's log lines). Measured: +0.7 to +3.4 MiB; a leak of the
  // sessions' state would add it again with every further 800.
  const growth = afterFlood.heapUsed - atCap.heapUsed;
  expect(growth).toBeLessThan(16);
  console.log(
    `1,000 session creations in ${Math.round(elapsedMs)} ms (20 in parallel): ${proxy.server.proxy.sessionCount()} held (cap ${proxyDefaults.maxSessions}); heap after GC ${atCap.heapUsed} MiB at the cap, ${afterFlood.heapUsed} MiB after 800 more (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MiB; proxy and sandbox in one process), rss ${afterFlood.rss} MiB`,
  );
});

it('forgets idle sessions on its own, with no request to trigger it', async () => {
  const proxy = await proxyAndSandbox({
    proxy: { sessionIdleTtlMs: 1_000, sessionCreationLimit: { burst: 100, perMinute: 60_000 } },
  });
  const cookies = await Promise.all(Array.from({ length: 50 }, () => connect(proxy)));
  // (On a loaded machine the first ones may already have expired; the last ones are alive.)
  expect(proxy.server.proxy.sessionCount()).toBeGreaterThan(0);
  expect(await sessionStatus(proxy, cookies[49] ?? '')).toBe(200);
  // The sweeper runs every min(60 s, TTL): within two periods every idle session is gone.
  await delay(2_100);
  expect(proxy.server.proxy.sessionCount()).toBe(0);
  expect(await sessionStatus(proxy, cookies[49] ?? '')).toBe(401);
});

it('stops an evicted session’s inventory: the flood cannot pile up upstream work', async () => {
  const proxy = await proxyAndSandbox({
    sandbox: { clients: 2_000, latencyMs: 20 },
    proxy: { maxSessions: 5 },
  });
  const victim = await connect(proxy);
  let onListed: () => void = () => undefined;
  const listed = new Promise<void>((resolve) => (onListed = resolve));
  const reading = streamInventory(proxy.origin, victim, (line) => {
    if (line.kind === 'list') onListed();
  });
  await listed;
  await delay(100);
  // Five newer sessions push the victim out of the cap.
  for (let index = 0; index < 5; index += 1) await connect(proxy);
  const { lines } = await reading;
  expect(lines.at(-1)?.kind).not.toBe('done'); // cut, not completed
  await delay(300); // answers already on the wire are recorded when they land
  const settled = proxy.sandbox.stats().totalRequests;
  await delay(400);
  expect(proxy.sandbox.stats().totalRequests).toBe(settled);
  expect(proxy.sandbox.stats().inFlight).toBe(0);
  expect(settled).toBeLessThan(1_000);
  expect(await sessionStatus(proxy, victim)).toBe(401);
});
