// The forwarded GETs over real HTTP against the sandbox: redaction, token single flight and renewal, scopes,
// and the refusals (Host, Origin, traversal, methods).
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  clientsOnlyReader,
  closedAfterEachTest,
  connect,
  connectAsAddedClient,
  connectTo,
} from '../test-support/node/proxy-under-test.ts';

const { proxyAndSandbox, tinyServer, apiProxy } = closedAfterEachTest();

/** A raw HTTP/1.1 request, so that the test controls the exact target and the Host header. */
function rawRequest(
  origin: string,
  options: { method?: string; path: string; headers?: Record<string, string> },
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('forwarded GETs', () => {
  it('forwards the six reads, redacting every secret-named property', async () => {
    const proxy = await proxyAndSandbox();
    const cookie = await connect(proxy);
    const get = (path: string) => fetch(`${proxy.origin}/api/config/${path}`, { headers: { cookie } });

    const clients = await get('clients');
    expect(clients.status).toBe(200);
    expect(clients.headers.get('cache-control')).toBe('no-store');
    const list = (await clients.json()) as { total: number; _embedded: { clients: { id: string }[] } };
    expect(list.total).toBe(proxy.sandbox.data.clients.length);

    const firstClient = proxy.sandbox.data.clients[0];
    if (firstClient === undefined) throw new Error('no client');
    const client = await get(`clients/${firstClient.id}`);
    expect(client.status).toBe(200);
    expect(((await client.json()) as { id: string }).id).toBe(firstClient.id);

    const loginPolicy = proxy.sandbox.data.loginPolicies[0];
    if (loginPolicy === undefined) throw new Error('no login policy');
    const policyResponse = await get(`loginPolicies/${loginPolicy.id}`);
    const policyText = await policyResponse.text();
    expect(policyResponse.status).toBe(200);
    const policy = JSON.parse(policyText) as {
      identityStoreDetails: { connectionDetails: { clientSecret: string; clientId: string } };
    };
    expect(policy.identityStoreDetails.connectionDetails.clientSecret).toBe('[redacted]');
    expect(policy.identityStoreDetails.connectionDetails.clientId).toBeTruthy();
    const upstreamSecret = loginPolicy.identityStoreDetails.connectionDetails.clientSecret;
    expect(upstreamSecret).toBeTruthy();
    expect(policyText).not.toContain(upstreamSecret);

    const tokenPolicy = proxy.sandbox.data.tokenPolicies[0];
    if (tokenPolicy === undefined) throw new Error('no token policy');
    const tokenPolicyBody = (await (await get(`tokenPolicies/${tokenPolicy.id}`)).json()) as Record<
      string,
      unknown
    >;
    // Named like a token, but a lifetime: whole-name matching keeps it.
    expect(typeof tokenPolicyBody.accessTokenLifetime).toBe('number');

    expect((await get('loginPolicies')).status).toBe(200);
    expect((await get('tokenPolicies')).status).toBe(200);
  });

  it('keeps the upstream 404 for an unknown id, as problem+json', async () => {
    const proxy = await proxyAndSandbox();
    const cookie = await connect(proxy);
    const response = await fetch(`${proxy.origin}/api/config/clients/does-not-exist`, {
      headers: { cookie },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 404,
      detail: expect.stringMatching(/no client does-not-exist/) as unknown,
    });
  });

  it('makes exactly one token exchange for 200 concurrent requests', async () => {
    const proxy = await proxyAndSandbox({ sandbox: { latencyMs: 5 }, useSandboxAsDefault: true });
    const ids = proxy.sandbox.data.clients.map((client) => client.id);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        fetch(`${proxy.origin}/api/config/clients/${ids[index % ids.length] ?? ''}`),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 200 }, () => 200));
    expect(proxy.sandbox.stats().tokenExchanges).toBe(1);
  });

  it('renews a 1 s token transparently', async () => {
    const proxy = await proxyAndSandbox({ sandbox: { tokenLifetimeSeconds: 1 } });
    const cookie = await connect(proxy);
    const statuses: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      const response = await fetch(`${proxy.origin}/api/config/clients`, { headers: { cookie } });
      statuses.push(response.status);
      await new Promise((resolve) => setTimeout(resolve, 350));
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    // About one exchange per second of test (more when the machine is slow), never one per request.
    const exchanges = proxy.sandbox.stats().tokenExchanges;
    expect(exchanges).toBeGreaterThanOrEqual(2);
    expect(exchanges).toBeLessThan(statuses.length);
  });

  it('re-exchanges once when the token is revoked (403), then succeeds', async () => {
    const proxy = await proxyAndSandbox();
    const cookie = await connect(proxy);
    proxy.sandbox.revokeTokens();
    const response = await fetch(`${proxy.origin}/api/config/clients`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(proxy.sandbox.stats().tokenExchanges).toBe(2);
  });

  it('explains a 403 from a narrow scope while the clients still work', async () => {
    const proxy = await proxyAndSandbox();
    const cookie = await connectAsAddedClient(proxy, clientsOnlyReader);
    const clients = await fetch(`${proxy.origin}/api/config/clients`, { headers: { cookie } });
    expect(clients.status).toBe(200);
    const policies = await fetch(`${proxy.origin}/api/config/loginPolicies`, { headers: { cookie } });
    expect(policies.status).toBe(403);
    const problem = (await policies.json()) as { detail: string };
    expect(problem.detail).toMatch(
      /configuration client’s token is not allowed to read the login policy list/,
    );
  });
});

describe('refusals', () => {
  it.each([
    ['/api/config/clients/..%2F..%2Flogin%2Ftoken', 400],
    ['/api/config/clients/a%2Fb', 400],
    ['/api/config/clients/%2e%2e', 400],
    ['/api/config/clients/../loginPolicies', 400],
    ['/api/config/clients/a%5Cb', 400],
    ['/api/config/clients/a%00', 400],
    ['/api/config/clients/has%20space', 400],
    [`/api/config/clients/${'x'.repeat(129)}`, 400],
    ['/api/config/clients/abc/secret', 404],
    ['/api/config/other', 404],
    ['/api/unknown', 404],
  ])('refuses %s with %i and no upstream call', async (path, status) => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const response = await rawRequest(proxy.origin, { path, headers: { host: new URL(proxy.origin).host } });
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(proxy.sandbox.stats().totalRequests).toBe(0);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses %s on /api/config/* with 405', async (method) => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const cookie = await connect(proxy);
    const response = await fetch(`${proxy.origin}/api/config/clients`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: method === 'DELETE' ? null : '{}',
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(proxy.sandbox.stats().requests['POST /login/token']).toEqual({ '200': 1 });
    expect(Object.keys(proxy.sandbox.stats().requests)).toEqual(['POST /login/token']);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    const proxy = await proxyAndSandbox({ useSandboxAsDefault: true });
    const { port } = new URL(proxy.origin);
    for (const host of [
      `evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
    ]) {
      const response = await rawRequest(proxy.origin, { path: '/api/session', headers: { host } });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ status: 403, title: 'Forbidden' });
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const response = await rawRequest(proxy.origin, { path: '/api/session', headers: { host } });
      expect(response.status).toBe(200);
    }
    expect(proxy.sandbox.stats().tokenExchanges).toBe(1);
  });

  it('refuses cross-origin POST and DELETE of the session with 403', async () => {
    const proxy = await proxyAndSandbox();
    const cookie = await connect(proxy);
    const foreign: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: proxy.origin.replace('127.0.0.1', 'localhost') },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      const post = await fetch(`${proxy.origin}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ identityDomain: proxy.sandbox.identityDomain }),
      });
      expect(post.status).toBe(403);
      const formPost = await fetch(`${proxy.origin}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: 'identityDomain=x',
      });
      expect(formPost.status).toBe(403);
      const deleted = await fetch(`${proxy.origin}/api/session`, {
        method: 'DELETE',
        headers: { cookie, ...headers },
      });
      expect(deleted.status).toBe(403);
    }
    // A same-origin browser request passes.
    const own = await fetch(`${proxy.origin}/api/session`, {
      method: 'DELETE',
      headers: { cookie, origin: proxy.origin, 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(204);
    expect(proxy.sandbox.stats().tokenExchanges).toBe(1);
  });

  it('logs one line per request without secrets, tokens or cookies', async () => {
    const proxy = await proxyAndSandbox();
    const cookie = await connect(proxy);
    await fetch(`${proxy.origin}/api/config/clients`, { headers: { cookie } });
    await fetch(`${proxy.origin}/api/config/clients?token=abc`, { headers: { cookie } });
    const log = proxy.logLines.join('\n');
    expect(proxy.logLines).toHaveLength(3);
    expect(proxy.logLines[0]).toMatch(/ POST \/api\/session 201 \d+ms upstream=1$/);
    expect(proxy.logLines[1]).toMatch(/ GET \/api\/config\/clients 200 \d+ms upstream=1$/);
    expect(log).not.toContain(proxy.sandbox.clientSecret);
    expect(log).not.toContain(cookie.split('=')[1]);
    expect(log).not.toContain('token=abc');
  });
});

describe('hostile upstream bodies', () => {
  it('refuses oversized, deeply nested, non-JSON and redirecting answers with 502', async () => {
    const upstream = await tinyServer((request, response) => {
      const path = request.url ?? '';
      if (path.endsWith('/login/token')) {
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"access_token":"hostile-token","expires_in":3600}');
      } else if (path.endsWith('/clients/huge')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: 'huge', name: 'x'.repeat(2 * 1024 * 1024) }));
      } else if (path.endsWith('/clients/deep')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(`{"id":"deep","nested":${'['.repeat(5000)}${']'.repeat(5000)}}`);
      } else if (path.endsWith('/clients/html')) {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      } else if (path.endsWith('/clients/moved')) {
        response.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
      } else {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":"Not found"}');
      }
    });
    const { origin } = await apiProxy({ maxResponseBytes: 1024 * 1024, upstreamTimeoutMs: 2000 });
    const cookie = await connectTo(origin, upstream.origin);
    const get = async (id: string) => {
      const response = await fetch(`${origin}/api/config/clients/${id}`, { headers: { cookie } });
      return { status: response.status, body: (await response.json()) as { detail: string } };
    };
    const huge = await get('huge');
    expect(huge.status).toBe(502);
    expect(huge.body.detail).toMatch(/larger than the proxy accepts/);
    const deep = await get('deep');
    expect(deep.status).toBe(502);
    expect(deep.body.detail).toMatch(/nested too deeply/);
    expect((await get('html')).status).toBe(502);
    const moved = await get('moved');
    expect(moved.status).toBe(502);
    expect(moved.body.detail).toMatch(/redirect/);
    expect((await get('missing')).status).toBe(404);
  });
});
