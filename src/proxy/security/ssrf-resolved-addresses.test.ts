// Identity domains typed into the form are checked where the proxy actually connects: names that resolve to
// loopback (a name in /etc/hosts) or special-purpose literals the old validator missed are refused with 400
// before any connection; loopback is allowed only when the server says so; the agent's lookup refuses again at
// connect time; and every failure to reach a domain that never answered as a tenant reads the same.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProxyApp, type ProxyApp, type ProxyOptions } from '../create-proxy-app.ts';
import { fetchUpstream } from '../upstream-fetch.ts';
import {
  anyCustomerId,
  closedAfterEachTest,
  sessionPostRequest,
} from '../../test-support/node/proxy-under-test.ts';
import { unusedLoopbackPort } from '../../test-support/node/loopback-port.ts';
import { countSocketConnects } from '../../test-support/node/security-probes.ts';

const { track, tinyServer } = closedAfterEachTest();

/** A name other than `localhost` that /etc/hosts maps to 127.0.0.0/8 (no DNS needed), if there is one. */
function loopbackNameFromHosts(): string | null {
  let text: string;
  try {
    text = readFileSync('/etc/hosts', 'utf8');
  } catch {
    return null;
  }
  for (const line of text.split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (address === undefined || !/^127\./.test(address)) continue;
    const name = names.find((candidate) => candidate !== '' && !candidate.startsWith('localhost'));
    if (name !== undefined) return name;
  }
  return null;
}

let connects: ReturnType<typeof countSocketConnects>;
const proxies: ProxyApp[] = [];
beforeEach(() => {
  connects = countSocketConnects();
});
afterEach(() => {
  connects.restore();
  for (const proxy of proxies.splice(0)) proxy.close();
});

function proxyWith(options: ProxyOptions = {}): ProxyApp {
  const proxy = createProxyApp(options);
  proxies.push(proxy);
  return proxy;
}

async function connectForm(proxy: ProxyApp, identityDomain: string) {
  const response = await proxy.fetch(
    sessionPostRequest({ identityDomain, customerId: anyCustomerId, clientId: 'id', clientSecret: 'secret' }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('refused before any connection', () => {
  const hostsName = loopbackNameFromHosts();
  const domains = [
    'https://198.18.0.1', // benchmarking, 198.18.0.0/15
    'https://192.0.2.1', // TEST-NET-1
    'https://203.0.113.9', // TEST-NET-3
    'https://[2001:db8::1]', // documentation
    'http://127.0.0.1:9', // loopback, not allowed by default
    'http://localhost:9',
    'https://[::1]:9',
    ...(hostsName === null ? [] : [`https://${hostsName}:9`]), // a name that resolves to loopback
  ];
  it.each(domains)('%s → 400 on identityDomain, no socket', async (identityDomain) => {
    const proxy = proxyWith();
    const { status, body } = await connectForm(proxy, identityDomain);
    expect(status).toBe(400);
    expect((body.errors as { field: string }[]).map((error) => error.field)).toEqual(['identityDomain']);
    expect(connects.count()).toBe(0);
    expect(proxy.sessionCount()).toBe(0);
  });
});

describe('loopback allowed only when the server says so', () => {
  it('connects to a loopback port with allowLoopbackIdentityDomain', async () => {
    const port = await unusedLoopbackPort();
    const { status } = await connectForm(
      proxyWith({ allowLoopbackIdentityDomain: true }),
      `http://127.0.0.1:${port}`,
    );
    expect(status).toBe(502);
    expect(connects.count()).toBeGreaterThan(0);
  });
});

describe('checked again at connect time', () => {
  it('the agent’s lookup refuses a name resolving to loopback: the server never sees a connection', async () => {
    const hostsName = loopbackNameFromHosts();
    if (hostsName === null) {
      console.log('no loopback name in /etc/hosts besides localhost: connect-time check not exercised');
      return;
    }
    let connections = 0;
    const server = createServer((_request, response) => response.end('{}'));
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    track(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const { port } = server.address() as AddressInfo;
    const request = {
      url: `http://${hostsName}:${port}/`,
      method: 'GET' as const,
      headers: {},
      timeoutMs: 2_000,
      maxBytes: 1024,
    };
    await expect(
      fetchUpstream({ ...request, addresses: { kind: 'checked', allowLoopback: false } }),
    ).rejects.toMatchObject({ reason: 'refused-address' });
    expect(connections).toBe(0);
    // The same request, trusted (the operator's own domain), does connect: the refusal above is the check's.
    await expect(fetchUpstream({ ...request, addresses: { kind: 'trusted' } })).resolves.toMatchObject({
      status: 200,
    });
    expect(connections).toBe(1);
  });
});

describe('no port-scan oracle', () => {
  it('answers a closed port, a 404, an HTML page and a redirect with the same sentence', async () => {
    const notFound = await tinyServer((_request, response) => response.writeHead(404).end('nope'));
    const html = await tinyServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
    );
    const redirect = await tinyServer((_request, response) =>
      response.writeHead(302, { location: 'http://127.0.0.1:1/' }).end(),
    );
    const closed = `http://127.0.0.1:${await unusedLoopbackPort()}`;
    const proxy = proxyWith({ allowLoopbackIdentityDomain: true });
    const answers = [];
    for (const origin of [closed, notFound.origin, html.origin, redirect.origin]) {
      const { status, body } = await connectForm(proxy, origin);
      answers.push({ status, detail: String(body.detail).replace(origin, '<domain>') });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size, JSON.stringify(answers)).toBe(1);
    expect(answers[0]?.status).toBe(502);
  });
});
