// An identity domain that fights back, during a streamed inventory: a fake Identity Cloud on loopback whose client
// list holds path-climbing ids and whose answers are oversized (chunked, no length), nested 100,000 deep, dripped a
// byte at a time, never sent, redirected or not JSON. The proxy must answer cleanly (an error line per hostile
// item, every honest client, a done line), in bounded time, without crashing, and keep serving.
// (../config-routes.test.ts covers the same bodies on the single-item GETs.)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  anyCustomerId,
  closedAfterEachTest,
  connectTo,
  startTinyServer,
} from '../../test-support/node/proxy-under-test.ts';
import {
  clientErrorsOf,
  clientIdsOf,
  doneLineOf,
  streamInventory,
} from '../../test-support/node/security-probes.ts';

const maxResponseBytes = 256 * 1024;

const { track, tinyServer, apiProxy } = closedAfterEachTest();

const honestIds = Array.from({ length: 20 }, (_, index) => `honest-${index}`);
const hostileBodyIds = ['deep', 'huge', 'drip', 'silent', 'moved', 'html'] as const;
// Ids a hostile list could hold to make the proxy request something else than a client.
const climbingIds = ['../../login/token', 'a/b', 'x?scope=*', '%2e%2e', '..', ''.padEnd(200, 'x')];

function clientBody(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id,
    name: `Client ${id}`,
    type: 'public',
    redirectURIs: ['https://app.example/cb'],
    _links: { self: { href: `/${anyCustomerId}/config/clients/${id}` } },
    ...extra,
  });
}

function listBody(ids: readonly string[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    total: ids.length,
    _embedded: {
      clients: ids.map((id) => ({
        id,
        name: `Client ${id}`,
        _links: { self: { href: `/x/${id}` } },
        ...extra,
      })),
    },
  });
}

const emptyPolicyList = (key: string) => JSON.stringify({ total: 0, _embedded: { [key]: [] } });
const deeplyNested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

/** Adds a field nested 100,000 deep to a JSON object's text (JSON.stringify itself would overflow on it). */
function withDeepField(objectText: string): string {
  return `${objectText.slice(0, -1)},"nested":${deeplyNested}}`;
}

interface HostileTenant {
  origin: string;
  /** Every path requested, in order. */
  paths: string[];
}

async function startHostileTenant(
  list: (response: ServerResponse) => void,
  redirectTarget: string,
): Promise<HostileTenant> {
  const paths: string[] = [];
  const timers = new Set<ReturnType<typeof setInterval>>();
  const tenant = await startTinyServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '';
    paths.push(path);
    const json = (body: string) => response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    if (path === `/${anyCustomerId}/login/token`) {
      json(JSON.stringify({ access_token: 'hostile-tenant-token', expires_in: 3600, token_type: 'Bearer' }));
      return;
    }
    const item = /^\/[^/]+\/config\/clients\/(.+)$/.exec(path)?.[1];
    if (path.endsWith('/config/clients')) list(response);
    else if (path.endsWith('/config/loginPolicies')) json(emptyPolicyList('loginPolicies'));
    else if (path.endsWith('/config/tokenPolicies')) json(emptyPolicyList('tokenPolicies'));
    else if (item === 'deep') json(withDeepField(clientBody('deep')));
    else if (item === 'huge') {
      // Chunked, no Content-Length: the cap must hold while reading, not only from a declared length.
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = `"${'x'.repeat(64 * 1024)}",`;
      response.write('{"id":"huge","padding":[');
      for (let index = 0; index < 64; index += 1) response.write(chunk);
      response.end('""]}');
    } else if (item === 'drip') {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => response.write(' '), 50);
      timers.add(timer);
      response.on('close', () => clearInterval(timer));
    } else if (item === 'silent') {
      // Headers never come.
    } else if (item === 'moved') {
      response.writeHead(302, { location: `${redirectTarget}/steal` }).end();
    } else if (item === 'html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html><script>alert(1)</script></html>');
    } else if (item !== undefined && item.startsWith('honest-')) json(clientBody(item));
    else response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":"Not found"}');
  });
  track(async () => {
    for (const timer of timers) clearInterval(timer);
    await tenant.close();
  });
  return { origin: tenant.origin, paths };
}

async function startProxyFor(tenant: HostileTenant) {
  const logLines: string[] = [];
  const { server, origin } = await apiProxy({
    log: (line) => logLines.push(line),
    maxResponseBytes,
    upstreamTimeoutMs: 800,
    inventoryLimits: { maxAttempts: 3 },
  });
  const cookie = await connectTo(origin, tenant.origin, {
    clientId: 'config-client',
    clientSecret: 'LEAKCANARY-secret-hostile-tenant',
  });
  return { origin, cookie, logLines, server };
}

describe('a hostile identity domain during an inventory', () => {
  it('streams every honest client, an error line per hostile item, and never requests a climbing id', async () => {
    const thief = await tinyServer((_request, response) => response.writeHead(200).end('{}'));
    const stolen: string[] = [];
    thief.server.on('request', (request: IncomingMessage) => stolen.push(request.url ?? ''));
    const tenant = await startHostileTenant(
      (response) =>
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(listBody([...honestIds, ...hostileBodyIds, ...climbingIds])),
      thief.origin,
    );
    const proxy = await startProxyFor(tenant);

    const started = performance.now();
    const { status, lines } = await streamInventory(proxy.origin, proxy.cookie);
    const elapsedMs = performance.now() - started;

    expect(status).toBe(200);
    expect(clientIdsOf(lines).sort()).toEqual([...honestIds].sort());
    const errors = new Map(clientErrorsOf(lines).map((line) => [String(line.id), line]));
    expect([...errors.keys()].sort()).toEqual([...hostileBodyIds, ...climbingIds].sort());
    expect(errors.get('deep')).toMatchObject({
      status: 502,
      detail: expect.stringMatching(/too deeply/) as unknown,
    });
    expect(errors.get('huge')).toMatchObject({
      status: 502,
      detail: expect.stringMatching(/larger than/) as unknown,
    });
    expect(errors.get('drip')?.status).toBe(504);
    expect(errors.get('silent')?.status).toBe(504);
    expect(errors.get('moved')).toMatchObject({
      status: 502,
      detail: expect.stringMatching(/redirect/) as unknown,
    });
    expect(errors.get('html')?.status).toBe(502);
    for (const id of climbingIds) {
      expect(errors.get(id)).toMatchObject({
        status: 502,
        detail: expect.stringMatching(/plain identifier/) as unknown,
      });
    }
    expect(doneLineOf(lines)).toMatchObject({
      clients: honestIds.length,
      failed: hostileBodyIds.length + climbingIds.length,
    });
    // Nothing but plain client paths was requested, and the redirect was not followed (no token went there).
    for (const path of tenant.paths) {
      expect(path).toMatch(
        /^\/[0-9a-f-]{36}\/(login\/token|config\/(clients|loginPolicies|tokenPolicies)(\/[\w-]+)?)$/,
      );
    }
    expect(stolen).toEqual([]);
    // Bounded: the dripping and silent answers are cut by the per-attempt timeout, 3 attempts each.
    expect(elapsedMs).toBeLessThan(10_000);
    // Nothing the hostile tenant sent leaked into a line verbatim, and the proxy still serves.
    const text = JSON.stringify(lines);
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('hostile-tenant-token');
    const session = await fetch(`${proxy.origin}/api/session`, { headers: { cookie: proxy.cookie } });
    expect(session.status).toBe(200);
    console.log(
      `hostile tenant: ${honestIds.length} honest clients streamed, ${errors.size} hostile items refused in ${Math.round(elapsedMs)} ms, ${tenant.paths.length} upstream requests`,
    );
  }, 20_000);

  it.each([
    ['oversized (chunked, no length)', 'huge'],
    ['nested 100,000 deep in a summary', 'deep'],
    ['not JSON', 'html'],
  ] as const)('answers a client list that is %s with a clean 502 before streaming', async (_label, kind) => {
    const tenant = await startHostileTenant((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      if (kind === 'huge') {
        response.write(listBody(honestIds).replace(/]}}$/, ','));
        const filler = JSON.stringify({
          id: 'pad',
          name: 'x'.repeat(60 * 1024),
          _links: { self: { href: '/' } },
        });
        for (let index = 0; index < 8; index += 1) response.write(`${filler},`);
        response.end(`${JSON.stringify({ id: 'last', name: 'y', _links: { self: { href: '/' } } })}]}}`);
      } else if (kind === 'deep') {
        response.end(listBody(honestIds).replace('"name":', `"nested":${deeplyNested},"name":`));
      } else {
        response.end('<!doctype html><title>Sign in</title>');
      }
    }, 'http://127.0.0.1:1');
    const proxy = await startProxyFor(tenant);
    const response = await fetch(`${proxy.origin}/api/inventory`, { headers: { cookie: proxy.cookie } });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { detail: string };
    expect(problem.detail).toMatch(/client list/);
    expect(tenant.paths.filter((path) => /\/config\/clients\/./.test(path))).toEqual([]);
    expect((await fetch(`${proxy.origin}/api/session`, { headers: { cookie: proxy.cookie } })).status).toBe(
      200,
    );
  });
});
