// Exports and snapshots in the access log, through the server over real HTTP with a real SQLite store: an
// inventory kept in the history and a file saved in the browser are recorded with the signed-in person, the
// address, the session's tenant and the time; another site's page cannot write a line, nor can a request
// without a connection.
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuthConfig } from '../auth/auth-config.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import { startServer } from './start-server.ts';
import { closedAfterEachTest, postSession } from '../test-support/node/proxy-under-test.ts';
import { connectionOf } from '../test-support/node/sandbox-connection.ts';

const { track } = closedAfterEachTest();
const alice = { 'x-forwarded-email': 'alice@example.com' };

interface ListedEvent {
  at: string;
  kind: string;
  user: string | null;
  address: string | null;
  tenant: string | null;
  detail: string | null;
}

async function serverWithStore() {
  const { auth } = readAuthConfig({
    AUTH_MODE: 'proxy',
    AUTH_PROXY_USER_HEADER: 'X-Forwarded-Email',
    AUTH_TRUSTED_PROXIES: '127.0.0.1',
  });
  const dir = mkdtempSync(join(tmpdir(), 'idc-activity-exports-'));
  track(() => rm(dir, { recursive: true, force: true }));
  const sandbox = await startSandbox({ quiet: true, clients: 3 });
  track(() => sandbox.close());
  const server = await startServer({
    staticDir: null,
    auth,
    store: { kind: 'sqlite', path: join(dir, 'inventory.db') },
    proxy: { log: () => undefined, allowLoopbackIdentityDomain: true },
  });
  track(() => server.close());
  const origin = server.url.replace(/\/$/, '');
  const { response, cookie } = await postSession(origin, connectionOf(sandbox), alice);
  expect(response.status).toBe(201);
  return { origin, sandbox, cookie: cookie ?? '', tenant: `${sandbox.identityDomain}/${sandbox.customerId}` };
}

async function listed(origin: string, kind: string): Promise<ListedEvent[]> {
  const response = await fetch(`${origin}/api/activity?kind=${kind}`, { headers: alice });
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: ListedEvent[] }).events;
}

function postExport(origin: string, cookie: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}/api/activity/exports`, {
    method: 'POST',
    headers: { ...alice, cookie, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('exports and snapshots in the access log', () => {
  it('records the history snapshot an inventory read through the proxy leaves, with who, where and when', async () => {
    const { origin, cookie, tenant, sandbox } = await serverWithStore();
    const before = Date.now();
    const inventory = await fetch(`${origin}/api/inventory`, { headers: { ...alice, cookie } });
    expect(inventory.status).toBe(200);
    const lines = (await inventory.text()).trim().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ kind: 'done' });

    // The snapshot is written after the stream's last line, and its access-log line after that.
    await expect.poll(async () => (await listed(origin, 'snapshot')).length).toBe(1);
    const [event] = await listed(origin, 'snapshot');
    expect(event).toMatchObject({ user: 'alice@example.com', address: '127.0.0.1', tenant });
    expect(event?.detail).toMatch(/^history snapshot [\w-]+ \(browser\), 3 clients$/);
    expect(Date.parse(event?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    const snapshots = (await (
      await fetch(`${origin}/api/history/snapshots`, { headers: { ...alice, cookie } })
    ).json()) as { snapshots: { id: string }[] };
    expect(event?.detail).toContain(snapshots.snapshots[0]?.id ?? 'no snapshot');
    expect(JSON.stringify(event)).not.toContain(sandbox.clientSecret);

    // A re-read identical to the last snapshot is kept as "unchanged", but takes nothing new: no second line,
    // or the log would gain a row for every page view.
    const again = await fetch(`${origin}/api/inventory`, { headers: { ...alice, cookie } });
    await again.text();
    await expect
      .poll(async () => {
        const listedAgain = (await (
          await fetch(`${origin}/api/history/snapshots`, { headers: { ...alice, cookie } })
        ).json()) as { snapshots: unknown[] };
        return listedAgain.snapshots.length;
      })
      .toBe(2);
    expect(await listed(origin, 'snapshot')).toHaveLength(1);
  });

  it('records a file saved in the browser, from the dashboard’s own pages only', async () => {
    const { origin, cookie, tenant } = await serverWithStore();
    const saved = await postExport(
      origin,
      cookie,
      { kind: 'clients-view', format: 'csv', count: 3 },
      { origin, 'sec-fetch-site': 'same-origin' },
    );
    expect(saved.status).toBe(204);

    const crossSite = await postExport(
      origin,
      cookie,
      { kind: 'inventory-snapshot', format: 'json', count: 3 },
      { origin: 'https://attacker.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);

    const unknownKind = await postExport(origin, cookie, { kind: 'everything', format: 'csv', count: 3 });
    expect(unknownKind.status).toBe(400);
    expect(((await unknownKind.json()) as { detail: string }).detail).toMatch(/^Check kind:/);
    const badCount = await postExport(origin, cookie, { kind: 'drift', format: 'csv', count: -1 });
    expect(((await badCount.json()) as { detail: string }).detail).toMatch(/^Check count:/);

    // No connection (no cookie, no default connection): no tenant to record it against.
    const notConnected = await postExport(origin, '', { kind: 'drift', format: 'csv', count: 1 });
    expect(notConnected.status).toBe(401);

    await expect.poll(async () => (await listed(origin, 'export')).length).toBe(1);
    expect(await listed(origin, 'export')).toEqual([
      expect.objectContaining({
        kind: 'export',
        user: 'alice@example.com',
        address: '127.0.0.1',
        tenant,
        detail: 'CSV of the clients view, 3 clients',
      }),
    ]);
  });
});
