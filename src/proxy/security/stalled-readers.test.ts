// Readers that never read used to make the server fetch the whole tenant for each of them and hold it in memory
// (three such readers of 20,000 clients: RSS 165 → 799 MB). Now the fan-out follows the reader, a stalled reader
// stops its run after a bound, and the number of inventories at once is capped per session and per server.
import { connect as connectSocket, type Socket } from 'node:net';
import { expect, it } from 'vitest';
import {
  closedAfterEachTest,
  connect,
  type ProxyUnderTest,
} from '../../test-support/node/proxy-under-test.ts';
import { delay } from '../../test-support/node/security-probes.ts';

const { proxyAndSandbox, track } = closedAfterEachTest();

function clientDetailRequests(proxy: ProxyUnderTest): number {
  return Object.entries(proxy.sandbox.stats().requests)
    .filter(([route]) => /\/config\/clients\/[^/]+$/.test(route) || route.includes('clients/:id'))
    .reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}

/** Asks for the inventory and never reads the answer; resolves when the server closes the socket. */
function stalledReader(proxy: ProxyUnderTest, cookie: string): { socket: Socket; closed: Promise<void> } {
  const { hostname, port } = new URL(proxy.origin);
  const socket = connectSocket(Number(port), hostname, () => {
    socket.write(
      `GET /api/inventory HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
    );
    socket.pause();
  });
  socket.setNoDelay(true);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  track(async () => {
    socket.destroy();
    await closed;
  });
  return { socket, closed };
}

it('follows the reader: three readers that never read fetch a fraction of the tenant, and are stopped', async () => {
  const clients = 20_000;
  const proxy = await proxyAndSandbox({
    sandbox: { clients },
    proxy: { stalledReaderTimeoutMs: 1_500 },
  });
  const readers = [];
  for (let index = 0; index < 3; index += 1) readers.push(stalledReader(proxy, await connect(proxy)));
  await delay(1_000);
  const afterOneSecond = clientDetailRequests(proxy);
  await delay(4_000); // past the stall bound: the server has given up on each
  const atClose = clientDetailRequests(proxy);
  await delay(500);
  const settled = clientDetailRequests(proxy);
  console.log(
    `3 stalled readers of ${clients} clients: ${afterOneSecond} client requests after 1 s, ${atClose} after 5 s, ${settled} after`,
  );
  expect(settled).toBeLessThan(clients); // all three together fetched less than one tenant
  expect(settled - atClose).toBeLessThanOrEqual(3 * 40); // at most what was in flight
}, 60_000);

it('caps inventories per session with a 429 and a sentence', async () => {
  const proxy = await proxyAndSandbox({
    sandbox: { clients: 2_000, latencyMs: 20 },
    proxy: { inventoryCaps: { perSession: 1, perServer: 10 } },
  });
  const cookie = await connect(proxy);
  const first = new AbortController();
  const running = fetch(`${proxy.origin}/api/inventory`, { headers: { cookie }, signal: first.signal });
  await (await running).body?.getReader().read(); // started
  const second = await fetch(`${proxy.origin}/api/inventory`, { headers: { cookie } });
  expect(second.status).toBe(429);
  expect(await second.json()).toMatchObject({
    detail: expect.stringMatching(/already runs 1 inventories/) as unknown,
  });
  first.abort();
  await delay(200);
  const third = await fetch(`${proxy.origin}/api/inventory`, { headers: { cookie } });
  expect(third.status).toBe(200);
  await third.body?.cancel();
});
