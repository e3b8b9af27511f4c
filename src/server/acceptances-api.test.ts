// Accepted risks over real HTTP: the server with a real store (SQLite, and PostgreSQL when TEST_DATABASE_URL names
// a server) in front of the sandbox, through /api/audit/acceptances: guards, validation, tenant scope, sign-in.
import { describe, expect, it } from 'vitest';
import { readAuthConfig } from '../auth/auth-config.ts';
import { latestExpiry, utcDay } from '../identity-cloud/audit/stored-acceptance.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import { listActivity } from '../store/activity-repository.ts';
import { freshStoreConfig, storeOff, testEngines } from '../store/test-stores.ts';
import { startServer } from './start-server.ts';
import { closedAfterEachTest, connect, type ProxyUnderTest } from '../test-support/node/proxy-under-test.ts';
import { connectionOf } from '../test-support/node/sandbox-connection.ts';

const { track, proxyAndSandbox } = closedAfterEachTest();

const today = utcDay(new Date());
const inDays = (days: number) => utcDay(new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000));

const acceptance = {
  rule: 'redirect-uri-plain-http',
  clientId: 'intranet-timesheets',
  clientName: 'Intranet timesheets (plain HTTP)',
  value: 'http://timesheets.intranet.example.com/callback',
  reason: 'Intranet only, behind the VPN',
  owner: 'it-security@example.com',
  expires: inDays(90),
};

interface Answer {
  status: number;
  type: string | null;
  body: Record<string, unknown>;
}

async function call(
  origin: string,
  method: string,
  path: string,
  options: { cookie?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${origin}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

const list = async (proxy: ProxyUnderTest, cookie: string) =>
  (await call(proxy.origin, 'GET', '/api/audit/acceptances', { cookie })).body.acceptances as {
    id: string;
    reason: string;
  }[];

describe.each(testEngines())('accepted risks over HTTP on %s', (engine) => {
  async function withStore() {
    const store = await freshStoreConfig(engine);
    // Dropped after the server closed (cleanups run last first).
    track(() => store.cleanup());
    const proxy = await proxyAndSandbox({ sandbox: { clients: 5, latencyMs: 0 }, store: store.config });
    return { proxy, cookie: await connect(proxy) };
  }

  it('records an acceptance, lists it, revokes it, and logs both in the access log', async () => {
    const { proxy, cookie } = await withStore();
    expect(await list(proxy, cookie)).toEqual([]);

    const created = await call(proxy.origin, 'POST', '/api/audit/acceptances', {
      cookie,
      body: acceptance,
      headers: { origin: proxy.origin, 'sec-fetch-site': 'same-origin' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      ...acceptance,
      // No sign-in: the owner is what was typed, and nobody is known to have recorded it.
      acceptedBy: null,
    });
    expect(Date.parse(String(created.body.acceptedAt))).toBeGreaterThan(Date.now() - 60_000);
    expect(await list(proxy, cookie)).toEqual([created.body]);

    const id = String(created.body.id);
    const revoked = await call(proxy.origin, 'DELETE', `/api/audit/acceptances/${id}`, { cookie });
    expect(revoked.status).toBe(200);
    expect(await list(proxy, cookie)).toEqual([]);
    const again = await call(proxy.origin, 'DELETE', `/api/audit/acceptances/${id}`, { cookie });
    expect(again).toMatchObject({ status: 404, type: 'application/problem+json' });

    // The access log is written beside the request, not before its answer.
    const events = () => proxy.server.store.use((store) => listActivity(store, { limit: 10 }));
    await expect.poll(async () => (await events()).length).toBe(3);
    expect((await events()).map((event) => [event.kind, event.detail])).toEqual(
      expect.arrayContaining([
        [
          'risk-revoked',
          'Redirect URI uses plain http to a non-loopback host on Intranet timesheets (plain HTTP)',
        ],
        [
          'risk-accepted',
          `Redirect URI uses plain http to a non-loopback host on Intranet timesheets (plain HTTP), until ${acceptance.expires}`,
        ],
      ]),
    );
    expect((await events()).find((event) => event.kind === 'risk-accepted')?.tenant).toBe(
      `${proxy.sandbox.identityDomain}/${proxy.sandbox.customerId}`,
    );
  });

  it('names the field of each invalid value', async () => {
    const { proxy, cookie } = await withStore();
    const refused = async (body: Record<string, unknown>) => {
      const answer = await call(proxy.origin, 'POST', '/api/audit/acceptances', { cookie, body });
      expect(answer.status).toBe(400);
      expect(answer.type).toBe('application/problem+json');
      return answer.body as { detail: string; errors: { field: string; message: string }[] };
    };
    expect((await refused({ ...acceptance, reason: '  ' })).errors).toEqual([
      { field: 'reason', message: 'Say why the risk is accepted.' },
    ]);
    const withoutOwner: Record<string, unknown> = { ...acceptance, owner: undefined };
    expect((await refused(withoutOwner)).errors).toEqual([
      { field: 'owner', message: 'Say who owns the risk.' },
    ]);
    expect((await refused({ ...acceptance, expires: inDays(-1) })).errors).toEqual([
      { field: 'expires', message: 'must not be in the past' },
    ]);
    const tooLate = await refused({ ...acceptance, expires: inDays(367) });
    expect(tooLate.errors).toEqual([
      { field: 'expires', message: `must be at most one year ahead (${latestExpiry(today)} or before)` },
    ]);
    expect(tooLate.detail).toContain('Check expires: must be at most one year ahead');
    expect((await refused({ ...acceptance, expires: '2027-02-30' })).errors).toEqual([
      { field: 'expires', message: 'is not a date of the calendar' },
    ]);
    expect((await refused({ ...acceptance, rule: 'no-such-rule' })).errors[0]?.field).toBe('rule');
    expect(await list(proxy, cookie)).toEqual([]);
    // The last day allowed is accepted.
    const lastDay = await call(proxy.origin, 'POST', '/api/audit/acceptances', {
      cookie,
      body: { ...acceptance, expires: latestExpiry(today) },
    });
    expect(lastDay.status).toBe(201);
  });

  it('refuses other origins, other sites and requests without a session', async () => {
    const { proxy, cookie } = await withStore();
    const created = await call(proxy.origin, 'POST', '/api/audit/acceptances', { cookie, body: acceptance });
    const id = String(created.body.id);
    const foreign = { origin: 'http://evil.example' };
    expect(
      await call(proxy.origin, 'POST', '/api/audit/acceptances', {
        cookie,
        body: acceptance,
        headers: foreign,
      }),
    ).toMatchObject({ status: 403 });
    expect(
      await call(proxy.origin, 'DELETE', `/api/audit/acceptances/${id}`, { cookie, headers: foreign }),
    ).toMatchObject({ status: 403 });
    expect(
      await call(proxy.origin, 'DELETE', `/api/audit/acceptances/${id}`, {
        cookie,
        headers: { 'sec-fetch-site': 'same-site' },
      }),
    ).toMatchObject({ status: 403 });
    for (const [method, path] of [
      ['GET', '/api/audit/acceptances'],
      ['POST', '/api/audit/acceptances'],
      ['DELETE', `/api/audit/acceptances/${id}`],
    ] as const) {
      const answer = await call(proxy.origin, method, path, method === 'POST' ? { body: acceptance } : {});
      expect(answer.status, `${method} ${path}`).toBe(401);
    }
    expect(await list(proxy, cookie)).toHaveLength(1);
  });

  it('never shows or revokes another tenant’s acceptances', async () => {
    const { proxy, cookie } = await withStore();
    const created = await call(proxy.origin, 'POST', '/api/audit/acceptances', { cookie, body: acceptance });
    const other = await proxyAndSandbox({
      sandbox: { clients: 3, latencyMs: 0, customerId: '02000000-0000-3000-9000-000000000000' },
    });
    const otherCookie = await connect(proxy, connectionOf(other.sandbox));
    expect(await list(proxy, otherCookie)).toEqual([]);
    const revoke = await call(proxy.origin, 'DELETE', `/api/audit/acceptances/${String(created.body.id)}`, {
      cookie: otherCookie,
    });
    expect(revoke.status).toBe(404);
    expect(await list(proxy, cookie)).toHaveLength(1);
  });
});

describe('accepted risks without a store', () => {
  it('answer 503 with a sentence, while the rest of the API works', async () => {
    const proxy = await proxyAndSandbox({ sandbox: { clients: 3, latencyMs: 0 }, store: storeOff });
    const cookie = await connect(proxy);
    for (const [method, path] of [
      ['GET', '/api/audit/acceptances'],
      ['POST', '/api/audit/acceptances'],
      ['DELETE', '/api/audit/acceptances/some-id'],
    ] as const) {
      const answer = await call(proxy.origin, method, path, {
        cookie,
        ...(method === 'POST' ? { body: acceptance } : {}),
      });
      expect(answer.status, `${method} ${path}`).toBe(503);
      expect(answer.type).toBe('application/problem+json');
      expect(answer.body.detail).toBe(
        'Accepted risks cannot be kept or read: the dashboard’s store is off (IDC_STORE=off). Findings show as open; risks accepted in idc-audit.yaml still apply.',
      );
    }
    expect((await call(proxy.origin, 'GET', '/api/session', { cookie })).status).toBe(200);
  });
});

describe('accepted risks with sign-in', () => {
  it('take the signed-in person as owner and as the one who accepted or revoked', async () => {
    const { auth, errors } = readAuthConfig({
      AUTH_MODE: 'proxy',
      AUTH_PROXY_USER_HEADER: 'X-Forwarded-Email',
      AUTH_TRUSTED_PROXIES: '127.0.0.1',
    });
    expect(errors).toEqual([]);
    const sandbox = await startSandbox({ quiet: true, clients: 3 });
    track(() => sandbox.close());
    const store = await freshStoreConfig('sqlite');
    track(() => store.cleanup());
    const server = await startServer({
      staticDir: null,
      auth,
      store: store.config,
      proxy: { log: () => undefined, defaultConnection: connectionOf(sandbox) },
    });
    track(() => server.close());
    const origin = server.url.replace(/\/$/, '');
    const headers = { 'x-forwarded-email': 'alice@example.com' };
    const withoutOwner: Record<string, unknown> = { ...acceptance, owner: undefined };
    const created = await call(origin, 'POST', '/api/audit/acceptances', { body: withoutOwner, headers });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ owner: 'alice@example.com', acceptedBy: 'alice@example.com' });
    // An owner typed in is not taken: the signed-in person owns what they accept.
    const typed = await call(origin, 'POST', '/api/audit/acceptances', {
      body: { ...acceptance, owner: 'someone-else@example.com' },
      headers,
    });
    expect(typed.body.owner).toBe('alice@example.com');

    const bob = { 'x-forwarded-email': 'bob@example.com' };
    const revoked = await call(origin, 'DELETE', `/api/audit/acceptances/${String(created.body.id)}`, {
      headers: bob,
    });
    expect(revoked.status).toBe(200);
    const rows = await server.store.use((opened) =>
      opened.db
        .selectFrom('acceptances')
        .select(['revoked_by'])
        .where('id', '=', String(created.body.id))
        .execute(),
    );
    expect(rows).toEqual([{ revoked_by: 'bob@example.com' }]);
    await expect
      .poll(async () =>
        (await server.store.use((opened) => listActivity(opened, { kind: 'risk-revoked', limit: 5 }))).map(
          (event) => event.user,
        ),
      )
      .toEqual(['bob@example.com']);
  });
});
