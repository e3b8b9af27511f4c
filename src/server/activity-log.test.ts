// The access log through the server, over real HTTP and a real store (SQLite): the sign-in layer's refusals and a
// tenant connection made through the form are recorded with the person and address, never the secret, and
// GET /api/activity filters them by person and kind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuthConfig } from '../auth/auth-config.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import { StoreService } from '../store/store-service.ts';
import { maxRefusalsPerMinute, storeActivityLog } from './activity-log.ts';
import { startServer } from './start-server.ts';
import { closedAfterEachTest } from '../test-support/node/proxy-under-test.ts';
import { connectionOf } from '../test-support/node/sandbox-connection.ts';

const { track } = closedAfterEachTest();

async function serverWithActivity(trusted: string) {
  const { auth } = readAuthConfig({
    AUTH_MODE: 'proxy',
    AUTH_PROXY_USER_HEADER: 'X-Forwarded-Email',
    AUTH_TRUSTED_PROXIES: trusted,
  });
  const dir = mkdtempSync(join(tmpdir(), 'idc-activity-'));
  const store = new StoreService(
    { kind: 'sqlite', path: join(dir, 'inventory.db') },
    { log: () => undefined },
  );
  track(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const sandbox = await startSandbox({ quiet: true, clients: 3 });
  track(() => sandbox.close());
  const activity = storeActivityLog(store);
  const server = await startServer({
    staticDir: null,
    auth,
    activity,
    proxy: {
      log: () => undefined,
      // The sandbox is a loopback server typed into the form.
      allowLoopbackIdentityDomain: true,
    },
  });
  track(() => server.close());
  return { origin: server.url.replace(/\/$/, ''), sandbox, activity };
}

interface Listed {
  events: {
    kind: string;
    user: string | null;
    address: string | null;
    tenant: string | null;
    detail: string | null;
  }[];
}

describe('the access log', () => {
  it('records a form connection with the signed-in person and the tenant, never the secret', async () => {
    const { origin, sandbox, activity } = await serverWithActivity('127.0.0.1');
    const alice = { 'x-forwarded-email': 'alice@example.com' };
    const connected = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { ...alice, 'content-type': 'application/json' },
      body: JSON.stringify(connectionOf(sandbox)),
    });
    expect(connected.status).toBe(201);
    await activity.settled();

    const response = await fetch(`${origin}/api/activity?kind=connection`, { headers: alice });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(sandbox.clientSecret);
    const { events } = JSON.parse(text) as Listed;
    expect(events).toEqual([
      {
        id: expect.any(String) as string,
        at: expect.any(String) as string,
        kind: 'connection',
        user: 'alice@example.com',
        address: '127.0.0.1',
        tenant: `${sandbox.identityDomain}/${sandbox.customerId}`,
        detail: `configuration client ${sandbox.clientId}`,
      },
    ]);
    const bobs = (await (
      await fetch(`${origin}/api/activity?user=bob%40example.com`, { headers: alice })
    ).json()) as Listed;
    expect(bobs.events).toEqual([]);
  });

  it('names a bad filter', async () => {
    const { origin } = await serverWithActivity('127.0.0.1');
    const response = await fetch(`${origin}/api/activity?kind=everything`, {
      headers: { 'x-forwarded-email': 'alice@example.com' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('Check kind: one of sign-in');
  });

  it('records refusals, at most a bounded number a minute', async () => {
    const { origin, activity } = await serverWithActivity('10.0.0.0/8');
    for (let attempt = 0; attempt < maxRefusalsPerMinute + 5; attempt += 1) {
      expect((await fetch(`${origin}/api/session`)).status).toBe(403);
    }
    await activity.settled();
    const events = await activity.list({ kind: 'refusal', limit: 1000 });
    expect(events).toHaveLength(maxRefusalsPerMinute);
    expect(events[0]).toMatchObject({ user: null, address: '127.0.0.1', detail: 'not a trusted proxy' });
  });

  it('the sign-in guard keeps the access log from people who are not signed in', async () => {
    const { origin } = await serverWithActivity('127.0.0.1');
    expect((await fetch(`${origin}/api/activity`)).status).toBe(401);
  });
});
