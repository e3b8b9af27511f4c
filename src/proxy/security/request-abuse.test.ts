// Hostile requests from the browser side, over real HTTP against a proxy and a sandbox on loopback: cross-origin
// session changes, foreign Host headers, path tricks in ids, methods other than GET, forged cookies. Each must be
// refused before any upstream call, and must never change or reveal a session. (The everyday cases live in
// ../config-routes.test.ts and ../session-routes.test.ts; these are the odder ones.)
import { describe, expect, it } from 'vitest';
import {
  closedAfterEachTest,
  connect,
  postSession,
  type ProxyUnderTest,
} from '../../test-support/node/proxy-under-test.ts';
import { connectionOf } from '../../test-support/node/sandbox-connection.ts';
import { rawExchange, rawGet } from '../../test-support/node/security-probes.ts';

const { proxyAndSandbox } = closedAfterEachTest();

/** Every upstream request the sandbox saw, as `METHOD /route` keys. */
function upstreamRoutes(proxy: ProxyUnderTest): string[] {
  return Object.keys(proxy.sandbox.stats().requests).sort();
}

describe('cross-origin session changes', () => {
  it('refuses hostile origins for POST and DELETE, creating, replacing and forgetting nothing', async () => {
    const proxy = await proxyAndSandbox();
    const cookie = await connect(proxy);
    const { port } = new URL(proxy.origin);
    const hostileOrigins = [
      `http://127.0.0.1:${port}.evil.example`,
      `http://127.0.0.1.evil.example:${port}`,
      `http://127.0.0.1:${Number(port) === 65_535 ? 1 : Number(port) + 1}`,
      `https://evil.example`,
      `http://user@evil.example:${port}`,
      'null',
      'not a url',
    ];
    for (const origin of hostileOrigins) {
      // text/plain is what a cross-site page can send without a CORS preflight: the classic CSRF shape.
      const post = await fetch(`${proxy.origin}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin },
        body: JSON.stringify(connectionOf(proxy.sandbox)),
      });
      expect(post.status, origin).toBe(403);
      expect(post.headers.get('set-cookie'), origin).toBeNull();
      const deleted = await fetch(`${proxy.origin}/api/session`, {
        method: 'DELETE',
        headers: { cookie, origin },
      });
      expect(deleted.status, origin).toBe(403);
    }
    for (const site of ['cross-site', 'same-site', 'none']) {
      const post = await fetch(`${proxy.origin}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': site },
        body: JSON.stringify(connectionOf(proxy.sandbox)),
      });
      expect(post.status, site).toBe(403);
    }
    // The victim's session survived every attempt, and no attempt reached the token endpoint.
    const still = await fetch(`${proxy.origin}/api/session`, { headers: { cookie } });
    expect(still.status).toBe(200);
    expect(proxy.server.proxy.sessionCount()).toBe(1);
    expect(proxy.sandbox.stats().tokenExchanges).toBe(1);
  });

  it('ignores a session id chosen by the client (no fixation) and forged cookies', async () => {
    const proxy = await proxyAndSandbox();
    const planted = `__Host-idc_session=${'A'.repeat(43)}`;
    const { response, cookie } = await postSession(proxy.origin, connectionOf(proxy.sandbox), {
      cookie: planted,
    });
    expect(response.status).toBe(201);
    expect(cookie).not.toBe(planted);
    expect(cookie).toMatch(/^__Host-idc_session=[A-Za-z0-9_-]{43}$/);
    for (const forged of [
      planted,
      '__Host-idc_session=../../etc/passwd',
      `__Host-idc_session=${'x'.repeat(8000)}`,
      '__Host-idc_session=%00%0d%0a',
      `__Host-idc_session=${'B'.repeat(43)}; __Host-idc_session=${'C'.repeat(43)}`,
    ]) {
      const answer = await fetch(`${proxy.origin}/api/config/clients`, { headers: { cookie: forged } });
      expect(answer.status, forged.slice(0, 40)).toBe(401);
    }
    expect(upstreamRoutes(proxy)).toEqual(['POST /login/token']);
  });
});

describe('foreign Host headers (DNS rebinding)', () => {
  it('refuses names that are not this server’s, however they are dressed', async () => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const { port } = new URL(proxy.origin);
    const hostile = [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1:${port}@evil.example`,
      `user@127.0.0.1:${port}`,
      `evil.example:${port}/127.0.0.1`,
      `[::ffff:127.0.0.1]:${port}`,
      '',
    ];
    for (const host of hostile) {
      for (const target of ['/api/session', '/api/config/clients', '/api/inventory', '/']) {
        const { status, answer } = await rawGet(proxy.origin, target, { Host: host });
        // 400 where Node or Hono cannot even parse the Host as a URL authority; 403 from the host guard.
        expect([400, 403], `${target} with Host "${host}"`).toContain(status);
        expect(answer).not.toContain('"kind":"list"');
      }
    }
    // Two Host headers: refused (by Node's parser or by the guard, which reads the first).
    const doubled = await rawExchange(
      proxy.origin,
      `GET /api/session HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    );
    expect([400, 403]).toContain(doubled.status);
    // An absolute-form target is the request's authority (RFC 9112 §3.2.2): a foreign one is refused even with our
    // Host header (a guard reading only the Host header would forward it).
    const absolute = await rawExchange(
      proxy.origin,
      `GET http://evil.example/api/config/clients HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(absolute.status).toBe(403);
    expect(proxy.sandbox.stats().totalRequests).toBe(0);
  });

  it('answers the names it was started with, in any case, with or without the port', async () => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const { port } = new URL(proxy.origin);
    for (const host of [`127.0.0.1:${port}`, `LOCALHOST:${port}`, 'localhost', `[::1]:${port}`]) {
      const { status } = await rawGet(proxy.origin, '/api/session', { Host: host });
      expect(status, host).toBe(200);
    }
  });
});

describe('path tricks in ids', () => {
  const targets: [string, number][] = [
    ['/api/config/clients/..%252f..%252flogin%252ftoken', 400],
    ['/api/config/clients/%252e%252e', 400],
    ['/api/config/clients/%2E%2E/loginPolicies', 400],
    ['/api/config/clients/..%2F', 400],
    ['/api/config/clients/%2e%2e%2f%2e%2e%2flogin%2ftoken', 400],
    ['/api/config/clients/.', 400],
    ['/api/config/clients/..', 400],
    ['/api/config/./clients', 400],
    ['/api/config/clients/x/..', 400],
    ['/api/config/clients/..;/loginPolicies', 404],
    ['/api/config/clients/x%0d%0aSet-Cookie:%20__Host-idc_session=evil', 400],
    ['/api/config/clients/%EF%BC%8E%EF%BC%8E', 400],
    ['/api/config/clients/x%3Fscope=*', 400],
    ['/api/config/clients/x%23frag', 400],
    ['/api/config/clients/x%40evil.example', 400],
    ['/api/config/clients/%5c..%5cloginPolicies', 400],
    ['/api/session/../config/clients', 400],
    ['/api/inventory/..', 400],
    ['/api//config/clients', 404],
    ['/api/config/clients//x', 404],
    ['/api/config/clients/x/secret', 404],
    ['/api/config/clients/x/../../../01000000-0000-3000-9000-000000000000/login/token', 400],
  ];

  it.each(targets)('refuses %s with %i before any upstream call', async (target, status) => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const answer = await rawGet(proxy.origin, target);
    expect(answer.status).toBe(status);
    expect(answer.answer).toMatch(/content-type: application\/problem\+json/i);
    expect(answer.answer).not.toMatch(/set-cookie/i);
    expect(proxy.sandbox.stats().totalRequests).toBe(0);
  });

  it('leaves a raw backslash to Node, which refuses the request line itself', async () => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const answer = await rawGet(proxy.origin, '/api/config/clients/\\..\\loginPolicies');
    expect(answer.status).toBe(400);
    expect(proxy.sandbox.stats().totalRequests).toBe(0);
  });

  it('never forwards a query string: traversal in it goes nowhere', async () => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const answer = await rawGet(
      proxy.origin,
      '/api/config/clients?path=../../login/token&customerId=00000000-0000-0000-0000-000000000000',
    );
    expect(answer.status).toBe(200);
    expect(upstreamRoutes(proxy)).toEqual(['GET /config/clients', 'POST /login/token']);
  });
});

describe('methods other than GET', () => {
  const paths = [
    '/api/config/clients',
    '/api/config/clients/b83fff95-a685-49db-a019-84d03275f7a0',
    '/api/config/loginPolicies',
    '/api/config/tokenPolicies/x',
    '/api/config/clients/x/secret',
    '/api/inventory',
  ];
  const methods = ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'];

  it('answers 405 (or 404 for paths that are not forwarded at all), never calling upstream', async () => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const cookie = await connect(proxy);
    const statuses = new Set<number>();
    for (const path of paths) {
      for (const method of methods) {
        const body = method === 'TRACE' || method === 'OPTIONS' ? '' : '{"name":"pwned"}';
        const { status, answer } = await rawExchange(
          proxy.origin,
          [
            `${method} ${path} HTTP/1.1`,
            `Host: ${new URL(proxy.origin).host}`,
            `Cookie: ${cookie}`,
            'Content-Type: application/json',
            `Content-Length: ${body.length}`,
            'Connection: close',
            '',
            body,
          ].join('\r\n'),
        );
        statuses.add(status);
        expect([404, 405], `${method} ${path}`).toContain(status);
        if (status === 405) expect(answer, `${method} ${path}`).toMatch(/\r\nallow: GET, HEAD\r\n/i);
      }
    }
    expect(statuses.has(405)).toBe(true);
    // Only the session's own token exchange ever went upstream.
    expect(upstreamRoutes(proxy)).toEqual(['POST /login/token']);
  });
});
