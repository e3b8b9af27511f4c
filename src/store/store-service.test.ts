// Faults: a store that cannot be opened or written is set aside with one log line, and comes back by itself.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { listSnapshots } from './history-read.ts';
import { recordSnapshot } from './history-record.ts';
import { readStoreConfig } from './store-config.ts';
import { StoreService, StoreUnavailableError } from './store-service.ts';
import { freshStoreConfig, postgresTestUrl, testEngines, type TestStoreConfig } from './test-stores.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idc-store-service-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function snapshotOf(name: string) {
  return {
    tenant: 'https://a.example/abc',
    takenAt: new Date(),
    source: 'browser' as const,
    partial: false,
    items: [{ kind: 'client' as const, id: 'c1', content: { id: 'c1', name } }],
    carriedOver: [],
    carriedOverKinds: [],
    summary: {},
  };
}

describe.each(testEngines())('the store service on %s', (engine) => {
  it('lets a recording in flight commit before it closes (a server stopping right after an inventory)', async () => {
    const test = await freshStoreConfig(engine);
    cleanups.push(() => test.cleanup());
    const service = new StoreService(test.config);
    expect((await service.start()).enabled).toBe(true);
    const many = {
      ...snapshotOf('many'),
      items: Array.from({ length: 3000 }, (_, index) => ({
        kind: 'client' as const,
        id: `c${String(index)}`,
        content: { id: `c${String(index)}`, name: `Client ${String(index)}` },
      })),
    };
    const recording = service.use((store) => recordSnapshot(store, many));
    await new Promise((resolve) => setImmediate(resolve));
    await service.close();
    await expect(recording).resolves.toMatchObject({ clients: 3000 });
    await expect(service.use(() => Promise.resolve(1))).rejects.toThrow(StoreUnavailableError);

    const again = new StoreService(test.config);
    cleanups.push(() => again.close());
    await again.start();
    expect(await again.use((store) => listSnapshots(store, many.tenant))).toHaveLength(1);
  });
});

describe('the store service', () => {
  it('is off with the reason when IDC_STORE=off', async () => {
    const service = new StoreService(readStoreConfig({ IDC_STORE: 'off' }).config);
    expect(await service.start()).toEqual({ enabled: false, reason: 'IDC_STORE=off' });
    await expect(service.use(() => Promise.resolve(1))).rejects.toThrow('history is off: IDC_STORE=off');
  });

  it('creates the SQLite file private to its owner, in WAL mode', async () => {
    const path = join(tempDir(), 'nested', 'inventory.db');
    const service = new StoreService({ kind: 'sqlite', path });
    cleanups.push(() => service.close());
    expect(await service.start()).toEqual({ enabled: true, reason: null });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const mode = await service.use((store) =>
      sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db),
    );
    expect(mode.rows[0]?.journal_mode).toBe('wal');
  });

  it('says why a path that cannot be written is off, and logs it once', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    const lines: string[] = [];
    const service = new StoreService(
      { kind: 'sqlite', path: join(dir, 'a-file', 'inventory.db') },
      { log: (line) => lines.push(line), retryMs: 0 },
    );
    const status = await service.start();
    expect(status.enabled).toBe(false);
    expect(status.reason).toMatch(/a-file\/inventory\.db cannot be written \((ENOTDIR|EEXIST)\)/);
    await service.refresh();
    await expect(service.use(() => Promise.resolve())).rejects.toThrow(StoreUnavailableError);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^history is off: .* cannot be written/);
  });

  it('sets a full disk aside, keeps going, and resumes recording when there is room again', async () => {
    const path = join(tempDir(), 'inventory.db');
    const lines: string[] = [];
    const service = new StoreService(
      { kind: 'sqlite', path },
      { log: (line) => lines.push(line), retryMs: 0 },
    );
    cleanups.push(() => service.close());
    await service.start();
    // The page limit is per connection: the disk is "full" until the store is reopened.
    await service.use((store) => sql`pragma max_page_count = 1`.execute(store.db));
    const big = {
      ...snapshotOf('x'),
      items: [{ kind: 'client' as const, id: 'c1', content: { pad: 'x'.repeat(100_000) } }],
    };
    await expect(service.use((store) => recordSnapshot(store, big))).rejects.toThrow(
      /history is off: the disk holding .*inventory\.db is full/,
    );
    expect(service.status()).toMatchObject({ enabled: false });
    await service.use((store) => recordSnapshot(store, snapshotOf('after')));
    expect(service.status()).toEqual({ enabled: true, reason: null });
    expect(lines).toEqual([
      expect.stringMatching(/is full/),
      expect.stringMatching(/is back; recording resumes/),
    ]);
  });

  it('passes a bug through instead of turning history off', async () => {
    const service = new StoreService({ kind: 'sqlite', path: join(tempDir(), 'inventory.db') });
    cleanups.push(() => service.close());
    await service.start();
    await expect(service.use(() => Promise.reject(new TypeError('a bug')))).rejects.toThrow('a bug');
    expect(service.status().enabled).toBe(true);
  });
});

describe.each(testEngines().filter((engine) => engine === 'postgres'))('the store service on %s', () => {
  // A TCP relay in front of the test server: closing it is "PostgreSQL is down", reopening it "it is back".
  let relay: Server | null = null;
  const sockets = new Set<Socket>();
  let relayPort = 0;
  let test: TestStoreConfig;

  async function startRelay(): Promise<void> {
    const target = new URL(postgresTestUrl);
    relay = createServer((socket) => {
      const upstream = connect(Number(target.port), target.hostname);
      sockets.add(socket).add(upstream);
      socket.pipe(upstream).pipe(socket);
      const end = () => {
        socket.destroy();
        upstream.destroy();
      };
      socket.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise<void>((resolve) => relay?.listen(relayPort, '127.0.0.1', resolve));
    const address = relay.address();
    if (typeof address === 'object' && address !== null) relayPort = address.port;
  }
  async function stopRelay(): Promise<void> {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => relay?.close(() => resolve()));
  }

  it('says PostgreSQL cannot be reached, never with the password, and resumes when it is back', async () => {
    test = await freshStoreConfig('postgres');
    cleanups.push(() => test.cleanup());
    await startRelay();
    const url = new URL(test.config.kind === 'postgres' ? test.config.url : '');
    url.port = String(relayPort);
    url.password = 'hunter2-canary';
    const lines: string[] = [];
    const service = new StoreService(
      { kind: 'postgres', url: url.toString() },
      { log: (line) => lines.push(line), retryMs: 0 },
    );
    cleanups.push(() => service.close());
    expect((await service.start()).enabled).toBe(true);
    await service.use((store) => recordSnapshot(store, snapshotOf('one')));

    await stopRelay();
    await expect(service.use((store) => recordSnapshot(store, snapshotOf('two')))).rejects.toThrow(
      StoreUnavailableError,
    );
    const down = await service.refresh();
    expect(down.reason).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:\d+\/idc_test_\w+ (cannot be reached|stopped answering)/,
    );
    expect(lines.join('\n')).not.toContain('hunter2');

    await startRelay();
    const listed = await service.use((store) => listSnapshots(store, 'https://a.example/abc'));
    expect(listed).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/is back; recording resumes/);
    await stopRelay().catch(() => undefined);
  });
});
