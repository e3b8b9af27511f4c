// The history over real HTTP: the proxy against the sandbox, recording into a real store (SQLite, and PostgreSQL
// when TEST_DATABASE_URL names a server), read back through /api/history/*.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../identity-cloud/snapshot.ts';
import { freshStoreConfig, storeOff, testEngines, type TestStoreConfig } from '../../store/test-stores.ts';
import {
  closedAfterEachTest,
  connect,
  type InventoryLineObject,
  type ProxyUnderTest,
} from '../../test-support/node/proxy-under-test.ts';
import { connectionOf } from '../../test-support/node/sandbox-connection.ts';

const { track, proxyAndSandbox } = closedAfterEachTest();

type Snapshots = {
  snapshots: {
    id: string;
    takenAt: string;
    source: string;
    partial: boolean;
    unchanged: boolean;
    clients: number;
    changes: { added: number; removed: number; changed: number };
  }[];
};

async function readInventory(
  proxy: ProxyUnderTest,
  cookie: string,
  query = '',
  onLine: (line: InventoryLineObject) => void = () => undefined,
): Promise<InventoryLineObject[]> {
  const response = await fetch(`${proxy.origin}/api/inventory${query}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const lines: InventoryLineObject[] = [];
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = JSON.parse(pending.slice(0, newline)) as InventoryLineObject;
      pending = pending.slice(newline + 1);
      lines.push(line);
      onLine(line);
      newline = pending.indexOf('\n');
    }
  }
  return lines;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the test names what it expects
async function getJson<T>(proxy: ProxyUnderTest, cookie: string | null, path: string) {
  const response = await fetch(`${proxy.origin}${path}`, { headers: cookie === null ? {} : { cookie } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as T,
  };
}

/** Recording happens after the done line: wait until the list has `count` snapshots. */
async function snapshotsWhenRecorded(proxy: ProxyUnderTest, cookie: string, count: number) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { body } = await getJson<Snapshots>(proxy, cookie, '/api/history/snapshots');
    if (body.snapshots.length >= count) return body.snapshots;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never got ${count} snapshots`);
}

describe.each(testEngines())('history through the proxy on %s', (engine) => {
  async function withStore(sandbox: Parameters<typeof proxyAndSandbox>[0] = {}) {
    const store: TestStoreConfig = await freshStoreConfig(engine);
    const proxy = await proxyAndSandbox({
      sandbox: { clients: 30, latencyMs: 0, ...sandbox.sandbox },
      store: store.config,
      ...(sandbox.proxy ? { proxy: sandbox.proxy } : {}),
    });
    track(() => store.cleanup());
    return { proxy, store, cookie: await connect(proxy) };
  }

  it('records each inventory, only the changes, and answers what changed and when', async () => {
    const { proxy, cookie } = await withStore();
    const lines = await readInventory(proxy, cookie);
    expect(lines.at(-1)?.kind).toBe('done');
    const [first] = await snapshotsWhenRecorded(proxy, cookie, 1);
    expect(first).toMatchObject({ source: 'browser', partial: false, clients: 30, changes: { added: 30 } });

    const file = await getJson<unknown>(proxy, cookie, `/api/history/snapshots/${first?.id ?? ''}`);
    const parsed = parseSnapshot(JSON.stringify(file.body));
    if (!parsed.success) throw new Error(parsed.error);
    expect(parsed.snapshot.clients).toHaveLength(30);
    expect(parsed.snapshot.findings?.length).toBeGreaterThan(0);

    await readInventory(proxy, cookie, '?source=refresh');
    const [unchanged] = await snapshotsWhenRecorded(proxy, cookie, 2);
    expect(unchanged).toMatchObject({
      source: 'refresh',
      unchanged: true,
      changes: { added: 0, removed: 0, changed: 0 },
    });

    const [renamed, removed] = proxy.sandbox.data.clients.filter((client) => client.type === 'public');
    const originalName = renamed?.name;
    proxy.sandbox.admin.renameClient(renamed?.id ?? '', 'Renamed between two reads');
    proxy.sandbox.admin.deleteClient(removed?.id ?? '');
    proxy.sandbox.admin.addClient({ name: 'Added between two reads', id: 'added-client' });
    await readInventory(proxy, cookie, '?source=refresh');
    const [changed] = await snapshotsWhenRecorded(proxy, cookie, 3);
    expect(changed).toMatchObject({ unchanged: false, changes: { added: 1, removed: 1, changed: 1 } });

    const history = await getJson<{
      versions: { snapshotId: string; client: { name: string } }[];
      removedAt: string | null;
    }>(proxy, cookie, `/api/history/clients/${renamed?.id ?? ''}`);
    expect(history.body.removedAt).toBeNull();
    expect(history.body.versions.map((version) => [version.snapshotId, version.client.name])).toEqual([
      [first?.id, originalName],
      [changed?.id, 'Renamed between two reads'],
    ]);
    const gone = await getJson<{ removedAt: string | null }>(
      proxy,
      cookie,
      `/api/history/clients/${removed?.id ?? ''}`,
    );
    expect(gone.body.removedAt).toBe(changed?.takenAt);
    const never = await getJson<{ detail: string }>(proxy, cookie, '/api/history/clients/never-seen');
    expect(never.status).toBe(404);
  });

  it('counts a client deleted during the read as removed, and one that failed as neither', async () => {
    const { proxy, cookie } = await withStore({
      sandbox: { clients: 30, latencyMs: 30 },
      proxy: { inventoryLimits: { maxAttempts: 1 } },
    });
    await readInventory(proxy, cookie);
    await snapshotsWhenRecorded(proxy, cookie, 1);

    // The last listed: its details are asked for last, well after the reader has seen the list line.
    const victim = proxy.sandbox.data.clients.at(-1)?.id ?? '';
    await readInventory(proxy, cookie, '', (line) => {
      if (line.kind === 'list') proxy.sandbox.admin.deleteClient(victim);
    });
    const [afterDelete] = await snapshotsWhenRecorded(proxy, cookie, 2);
    expect(afterDelete).toMatchObject({ partial: false, changes: { removed: 1, added: 0, changed: 0 } });

    await readInventory(proxy, cookie, '', (line) => {
      if (line.kind === 'list') proxy.sandbox.update({ faults: { serverError: 1 } });
    });
    proxy.sandbox.update({ faults: { serverError: 0 } });
    const [failed] = await snapshotsWhenRecorded(proxy, cookie, 3);
    expect(failed).toMatchObject({ partial: true, changes: { removed: 0 } });
    const file = await getJson<{ clientsWithoutDetails: unknown[]; failures: unknown[] }>(
      proxy,
      cookie,
      `/api/history/snapshots/${failed?.id ?? ''}`,
    );
    expect(file.body.clientsWithoutDetails.length).toBeGreaterThan(0);
    expect(file.body.failures.length).toBeGreaterThan(0);
  });

  it('never shows another tenant’s history', async () => {
    const a = await withStore();
    await readInventory(a.proxy, a.cookie);
    const [mine] = await snapshotsWhenRecorded(a.proxy, a.cookie, 1);
    // A second tenant (another customer id) behind the same server and store.
    const other = await proxyAndSandbox({
      sandbox: { clients: 5, latencyMs: 0, customerId: '02000000-0000-3000-9000-000000000000' },
    });
    const otherCookie = await connect(a.proxy, connectionOf(other.sandbox));
    expect((await getJson<Snapshots>(a.proxy, otherCookie, '/api/history/snapshots')).body).toEqual({
      snapshots: [],
    });
    expect((await getJson(a.proxy, otherCookie, `/api/history/snapshots/${mine?.id ?? ''}`)).status).toBe(
      404,
    );
    const someClient = a.proxy.sandbox.data.clients[0]?.id ?? '';
    expect((await getJson(a.proxy, otherCookie, `/api/history/clients/${someClient}`)).status).toBe(404);
    expect((await getJson(a.proxy, null, '/api/history/snapshots')).status).toBe(401);
  });

  it('keeps no secret and no token in the database', async () => {
    const { proxy, cookie, store } = await withStore();
    await readInventory(proxy, cookie);
    await readInventory(proxy, cookie, '?source=refresh');
    await snapshotsWhenRecorded(proxy, cookie, 2);
    // An accepted risk too: the acceptances table holds what was typed and the finding, nothing of the session.
    const accepted = await fetch(`${proxy.origin}/api/audit/acceptances`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        rule: 'redirect-uri-plain-http',
        clientId: proxy.sandbox.data.clients[0]?.id,
        clientName: 'Accepted for the leak scan',
        reason: 'Reviewed for the leak scan',
        owner: 'security@example.com',
        expires: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      }),
    });
    expect(accepted.status).toBe(201);
    await proxy.server.store.close();
    const canaries = [
      proxy.sandbox.clientSecret,
      ...proxy.sandbox.data.loginPolicies.map(
        (policy) => policy.identityStoreDetails.connectionDetails.clientSecret,
      ),
      ...proxy.sandbox.issuedAccessTokens(),
    ];
    expect(canaries.length).toBeGreaterThan(2);
    const dump = databaseText(store);
    expect(dump).toContain(proxy.sandbox.data.clients[0]?.name ?? 'a client name');
    expect(dump).toContain('Reviewed for the leak scan');
    for (const canary of canaries) expect(dump).not.toContain(canary);
  });
});

/** Everything the store holds, as text: the SQLite files (WAL included), or a pg_dump of the database. */
function databaseText(store: TestStoreConfig): string {
  if (store.config.kind === 'sqlite') {
    const dir = dirname(store.where);
    return readdirSync(dir)
      .map((name) => readFileSync(`${dir}/${name}`).toString('latin1'))
      .join('\n');
  }
  const pgDump =
    process.env.PG_DUMP ??
    ['/usr/lib/postgresql/15/bin/pg_dump', '/usr/bin/pg_dump'].find((path) => existsSync(path)) ??
    'pg_dump';
  return execFileSync(pgDump, ['--dbname', store.config.url, '--data-only'], { encoding: 'utf8' });
}

describe('history off', () => {
  it('answers 503 with the reason, while the inventory works as before', async () => {
    const proxy = await proxyAndSandbox({ sandbox: { clients: 5, latencyMs: 0 }, store: storeOff });
    const cookie = await connect(proxy);
    const lines = await readInventory(proxy, cookie);
    expect(lines.at(-1)?.kind).toBe('done');
    const status = await getJson(proxy, cookie, '/api/history/status');
    expect(status.body).toEqual({ enabled: false, reason: 'IDC_STORE=off' });
    for (const path of ['/api/history/snapshots', '/api/history/snapshots/x1', '/api/history/clients/c1']) {
      const answer = await getJson<{ detail: string }>(proxy, cookie, path);
      expect(answer.status).toBe(503);
      expect(answer.type).toBe('application/problem+json');
      expect(answer.body.detail).toBe('history is off: IDC_STORE=off');
    }
    const badSource = await fetch(`${proxy.origin}/api/inventory?source=cron`, { headers: { cookie } });
    expect(badSource.status).toBe(400);
    expect(((await badSource.json()) as { detail: string }).detail).toMatch(/^source must be/);
  });
});
