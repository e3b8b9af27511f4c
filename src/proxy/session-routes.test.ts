// POST/GET/DELETE /api/session over real HTTP against the sandbox (and tiny local servers for odd upstreams).
import { describe, expect, it } from 'vitest';
import {
  anyCustomerId,
  closedAfterEachTest,
  connect,
  postSession,
  postSessionTo,
} from '../test-support/node/proxy-under-test.ts';
import { unusedLoopbackPort } from '../test-support/node/loopback-port.ts';
import { connectionOf } from '../test-support/node/sandbox-connection.ts';

const { proxyAndSandbox, tinyServer, apiProxy } = closedAfterEachTest();

/** What the proxy says when no token endpoint answered as Identity Cloud's would. */
const noTokenEndpointAnswered =
  /^No Identity Cloud token endpoint answered at http:\/\/127\.0\.0\.1:\d+ for customer/;

/** POST /api/session to a proxy of its own, towards a tiny upstream that answers with `handler`. */
async function postSessionThrough(handler: Parameters<typeof tinyServer>[0]) {
  const upstream = await tinyServer(handler);
  const { origin } = await apiProxy();
  return postSessionTo(origin, upstream.origin);
}

describe('session lifecycle', () => {
  it('connects, reports the facts, and forgets the credentials on DELETE', async () => {
    const proxy = await proxyAndSandbox();
    const { response, cookie, body } = await postSession(proxy.origin, connectionOf(proxy.sandbox));
    expect(response.status).toBe(201);
    expect(body).toEqual({
      identityDomain: proxy.sandbox.identityDomain,
      customerId: proxy.sandbox.customerId,
      clientId: proxy.sandbox.clientId,
      scope: '*:config/**',
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      source: 'form',
    });
    expect(Date.parse(String(body.expiresAt)) - Date.now()).toBeGreaterThan(3_500_000);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-idc_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/;/);
    expect(setCookie).toMatch(/Secure/); // browsers accept Secure on loopback over plain http
    expect(JSON.stringify(body)).not.toContain(proxy.sandbox.clientSecret);
    if (cookie === null) throw new Error('no cookie');

    const current = await fetch(`${proxy.origin}/api/session`, { headers: { cookie } });
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({ clientId: proxy.sandbox.clientId, source: 'form' });

    const deleted = await fetch(`${proxy.origin}/api/session`, { method: 'DELETE', headers: { cookie } });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('set-cookie')).toMatch(/__Host-idc_session=;.*Max-Age=0/);

    const after = await fetch(`${proxy.origin}/api/session`, { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(after.headers.get('content-type')).toBe('application/problem+json');
    expect(await after.json()).toMatchObject({
      status: 401,
      title: 'Not connected',
      detail: expect.stringMatching(/^Your session ended/) as unknown,
    });
    const forwarded = await fetch(`${proxy.origin}/api/config/clients`, { headers: { cookie } });
    expect(forwarded.status).toBe(401);
    expect(proxy.sandbox.stats().tokenExchanges).toBe(1);
  });

  it('answers 401 without a session and no default connection', async () => {
    const proxy = await proxyAndSandbox();
    for (const path of ['/api/session', '/api/config/clients', '/api/inventory']) {
      const response = await fetch(`${proxy.origin}${path}`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { detail: string }).detail).toMatch(/connect/i);
    }
    expect(proxy.sandbox.stats().totalRequests).toBe(0);
  });

  it('uses the server’s default connection for requests without a session', async () => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const response = await fetch(`${proxy.origin}/api/session`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ source: 'server', clientId: proxy.sandbox.clientId });
    const clients = await fetch(`${proxy.origin}/api/config/clients`);
    expect(clients.status).toBe(200);
  });

  it('marks the cookie Secure when asked (the default does so for https requests)', async () => {
    const proxy = await proxyAndSandbox({ proxy: { secureCookies: true } });
    const { response } = await postSession(proxy.origin, connectionOf(proxy.sandbox));
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('replaces the previous session of the same browser', async () => {
    const proxy = await proxyAndSandbox();
    const first = await connect(proxy);
    const second = await postSession(proxy.origin, connectionOf(proxy.sandbox), { cookie: first });
    expect(second.response.status).toBe(201);
    expect(proxy.server.proxy.sessionCount()).toBe(1);
    const stale = await fetch(`${proxy.origin}/api/session`, { headers: { cookie: first } });
    expect(stale.status).toBe(401);
  });
});

describe('POST /api/session validation (no upstream call)', () => {
  it.each([
    ['identityDomain', { identityDomain: 'http://example.com' }],
    ['identityDomain', { identityDomain: 'https://user:pw@example.com' }],
    ['identityDomain', { identityDomain: 'https://example.com/path' }],
    ['identityDomain', { identityDomain: 'http://169.254.169.254' }],
    ['customerId', { customerId: 'not-a-uuid' }],
    ['clientId', { clientId: '' }],
    ['clientSecret', { clientSecret: '' }],
    ['clientSecret', { clientSecret: 'x'.repeat(2000) }],
  ])('refuses an invalid %s with 400 and a field message', async (field, override) => {
    const proxy = await proxyAndSandbox();
    const { response, body, cookie } = await postSession(proxy.origin, {
      ...connectionOf(proxy.sandbox),
      ...override,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(body).toMatchObject({ status: 400, title: 'Invalid connection' });
    expect((body.errors as { field: string }[]).map((error) => error.field)).toEqual([field]);
    expect(cookie).toBeNull();
    expect(proxy.sandbox.stats().totalRequests).toBe(0);
  });

  it('refuses a body that is not a JSON object, and one over 8 kB', async () => {
    const proxy = await proxyAndSandbox();
    const notJson = await postSession(proxy.origin, 'identityDomain=x');
    expect(notJson.response.status).toBe(400);
    const array = await postSession(proxy.origin, '[1,2]');
    expect(array.response.status).toBe(400);
    const huge = await postSession(proxy.origin, {
      ...connectionOf(proxy.sandbox),
      padding: 'x'.repeat(9000),
    });
    expect(huge.response.status).toBe(413);
    expect(proxy.sandbox.stats().totalRequests).toBe(0);
  });
});

describe('POST /api/session upstream failures', () => {
  it('answers 401 with a sentence for a wrong secret', async () => {
    const proxy = await proxyAndSandbox();
    const { response, body, cookie } = await postSession(proxy.origin, {
      ...connectionOf(proxy.sandbox),
      clientSecret: 'wrong-secret-value',
    });
    expect(response.status).toBe(401);
    expect(body.detail).toMatch(/refused the client credentials.*Check the client ID and secret/);
    expect(JSON.stringify(body)).not.toContain('wrong-secret-value');
    expect(cookie).toBeNull();
  });

  it('answers 502 for a closed loopback port', async () => {
    const { origin } = await apiProxy();
    const port = await unusedLoopbackPort();
    const { response, body } = await postSessionTo(origin, `http://127.0.0.1:${port}`);
    expect(response.status).toBe(502);
    expect(body.detail).toMatch(noTokenEndpointAnswered);
  });

  it('answers 502 for an upstream that does not speak JSON', async () => {
    const { response, body } = await postSessionThrough((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html>a login page</html>');
    });
    expect(response.status).toBe(502);
    expect(body.detail).toMatch(noTokenEndpointAnswered);
  });

  it('answers 502 for a JSON answer without an access token', async () => {
    const { response } = await postSessionThrough((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
    });
    expect(response.status).toBe(502);
  });

  it('never follows a redirect (502), so the credentials go nowhere else', async () => {
    let redirectedRequests = 0;
    const elsewhere = await tinyServer((_request, response) => {
      redirectedRequests += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"stolen"}');
    });
    const { response, body } = await postSessionThrough((_request, response) => {
      response.writeHead(307, { location: `${elsewhere.origin}/token` }).end();
    });
    expect(response.status).toBe(502);
    expect(body.detail).toMatch(noTokenEndpointAnswered);
    expect(redirectedRequests).toBe(0);
  });

  it('answers 504 when the token endpoint does not answer in time', async () => {
    const upstream = await tinyServer(() => {
      // Never answers.
    });
    const { origin } = await apiProxy({ upstreamTimeoutMs: 300 });
    const started = performance.now();
    const { response, body } = await postSessionTo(origin, upstream.origin);
    expect(response.status).toBe(502);
    expect(body.detail).toMatch(noTokenEndpointAnswered);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('sends the credentials as RFC 6749 Basic auth with the scope in the form body', async () => {
    let seen: { authorization?: string; body: string; url?: string } = { body: '' };
    const upstream = await tinyServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen = { authorization: request.headers.authorization, body, url: request.url };
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"access_token":"t0k3n","expires_in":60,"token_type":"Bearer","scope":"GET:config/**"}');
      });
    });
    const { origin } = await apiProxy();
    const { response, body } = await postSessionTo(origin, upstream.origin, {
      clientId: 'my id',
      clientSecret: 'p@ss:word',
      scope: 'GET:config/**',
    });
    expect(response.status).toBe(201);
    expect(body.scope).toBe('GET:config/**');
    expect(seen.url).toBe(`/${anyCustomerId}/login/token`);
    expect(seen.authorization).toBe(`Basic ${Buffer.from('my+id:p%40ss%3Aword').toString('base64')}`);
    expect(new URLSearchParams(seen.body).get('grant_type')).toBe('client_credentials');
    expect(new URLSearchParams(seen.body).get('scope')).toBe('GET:config/**');
  });
});

describe('session limits', () => {
  it('caps the number of sessions and expires idle ones', async () => {
    const proxy = await proxyAndSandbox({ proxy: { maxSessions: 5, sessionIdleTtlMs: 400 } });
    const cookies: string[] = [];
    for (let index = 0; index < 12; index += 1) cookies.push(await connect(proxy));
    expect(proxy.server.proxy.sessionCount()).toBe(5);
    const oldest = await fetch(`${proxy.origin}/api/session`, { headers: { cookie: cookies[0] ?? '' } });
    expect(oldest.status).toBe(401);
    const newest = await fetch(`${proxy.origin}/api/session`, { headers: { cookie: cookies[11] ?? '' } });
    expect(newest.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const idle = await fetch(`${proxy.origin}/api/session`, { headers: { cookie: cookies[11] ?? '' } });
    expect(idle.status).toBe(401);
  });
});
