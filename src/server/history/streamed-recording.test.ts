// A recording fed line by line as the inventory streams (what the proxy does) keeps exactly what a recording of
// the finished inventory keeps, on both engines; and it never breaks the stream.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyInventoryLine, emptyInventory } from '../../identity-cloud/inventory.ts';
import type { InventoryLine } from '../../identity-cloud/inventory-stream.ts';
import { pruneHistory } from '../../store/history-prune.ts';
import { readSnapshot } from '../../store/history-read.ts';
import { yieldToEventLoop } from '../../store/history-transaction.ts';
import { StoreService } from '../../store/store-service.ts';
import { tenantKey } from '../../store/tenant-key.ts';
import { freshStoreConfig, testEngines, type TestStoreConfig } from '../../store/test-stores.ts';
import { createStoreHistory, type StoreHistory } from './store-history.ts';
import { aheadBatch } from './versions-ahead.ts';

const tenant = { identityDomain: 'https://streamed.example', customerId: 'ABC-1' };
const canary = 'streamed-canary-secret-7f3a';

function lines(names: string[]): InventoryLine[] {
  return [
    {
      kind: 'list',
      total: names.length + 1,
      clients: [
        ...names.map((name, index) => ({ id: `c${String(index)}`, name })),
        { id: 'gone', name: 'Gone' },
      ],
    },
    ...names.map((name, index): InventoryLine => ({
      kind: 'client',
      client: {
        id: `c${String(index)}`,
        name,
        type: 'confidential',
        redirectURIs: [`https://c${String(index)}.example/cb`],
        // A field the proxy's redaction would have caught: the snapshot's own pass must catch it too.
        clientSecret: canary,
      },
    })),
    {
      kind: 'loginPolicy',
      policy: { id: 'lp1', title: 'Login', connectionDetails: { clientSecret: canary } },
    },
    // Listed, then deleted before its details were read: removed, not failed.
    { kind: 'error', resource: 'client', id: 'gone', status: 404, detail: 'Not found' },
    { kind: 'done', clients: names.length, failed: 1, ms: 5 },
  ];
}

function streamed(history: StoreHistory, input: InventoryLine[]) {
  const recording = history.begin({ tenant, source: 'browser', takenAt: new Date() });
  for (const line of input) recording.take(line);
  return recording.finish();
}

describe.each(testEngines())('a recording fed as the inventory streams, on %s', (engine) => {
  let test: TestStoreConfig;
  let service: StoreService;
  let history: StoreHistory;
  let logged: string[];

  beforeEach(async () => {
    test = await freshStoreConfig(engine);
    service = new StoreService(test.config, { log: () => undefined });
    await service.start();
    logged = [];
    history = createStoreHistory(service, (line) => logged.push(line));
  });
  afterEach(async () => {
    await service.close();
    await test.cleanup();
  });

  it('keeps what a recording of the finished inventory keeps, redacted, a deleted client not among them', async () => {
    const kept = await streamed(history, lines(['One', 'Two']));
    expect(kept).toMatchObject({ clients: 2, unchanged: false });

    // The same content recorded from the folded inventory, all after the done line: nothing differs.
    const inventory = emptyInventory();
    for (const line of structuredClone(lines(['One', 'Two']))) applyInventoryLine(inventory, line);
    const again = await history.recordNow({ tenant, source: 'refresh', takenAt: new Date(), inventory });
    expect(again).toMatchObject({ unchanged: true, partial: false, clients: 2 });

    const stored = await service.use((store) => readSnapshot(store, tenantKey(tenant), kept?.id ?? ''));
    expect(stored?.items.map((item) => `${item.kind}:${item.id}`).sort()).toEqual([
      'client:c0',
      'client:c1',
      'loginPolicy:lp1',
    ]);
    expect(stored?.meta.summary).toMatchObject({ clientsWithoutDetails: [], failures: [] });
    const counts = Object.values(stored?.meta.summary.countsByKind ?? {}) as number[];
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(JSON.stringify(stored)).not.toContain(canary);

    const renamed = await streamed(history, lines(['One', 'Two renamed']));
    expect(renamed).toMatchObject({ unchanged: false });
    const meta = await service.use((store) => readSnapshot(store, tenantKey(tenant), renamed?.id ?? ''));
    expect(meta?.meta.changes).toEqual({ added: 0, removed: 0, changed: 1 });
    expect(logged).toEqual([]);
  });

  it('stores the versions while the lines stream (redacted), and the snapshot only after the done line', async () => {
    const names = Array.from({ length: 300 }, (_, index) => `Client ${String(index)}`);
    const input = lines(names);
    const recording = history.begin({ tenant, source: 'browser', takenAt: new Date() });
    const rows = (table: 'history_versions' | 'history_spans' | 'history_snapshots') =>
      service.use(async (store) => {
        const row = await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      });
    for (const line of input.filter((line) => line.kind !== 'done')) {
      recording.take(line);
      await yieldToEventLoop();
    }
    // Before the done line: versions (a whole batch at least), but no span and no snapshot refer to them yet.
    await vi.waitFor(async () => expect(await rows('history_versions')).toBeGreaterThanOrEqual(aheadBatch));
    expect(await rows('history_spans')).toBe(0);
    expect(await rows('history_snapshots')).toBe(0);
    const contents = await service.use((store) =>
      store.db.selectFrom('history_versions').select('content').execute(),
    );
    expect(JSON.stringify(contents)).not.toContain(canary);

    for (const line of input.filter((line) => line.kind === 'done')) recording.take(line);
    const kept = await recording.finish();
    expect(kept).toMatchObject({ clients: 300, unchanged: false });
    const stored = await service.use((store) => readSnapshot(store, tenantKey(tenant), kept?.id ?? ''));
    expect(stored?.items).toHaveLength(301);
    expect(await rows('history_versions')).toBe(301);
    expect(logged).toEqual([]);
  });

  it('leaves a stream cut before its done line no snapshot, and its versions to pruning', async () => {
    const names = Array.from({ length: 300 }, (_, index) => `Client ${String(index)}`);
    const recording = history.begin({ tenant, source: 'browser', takenAt: new Date() });
    for (const line of lines(names).filter((line) => line.kind !== 'done')) {
      recording.take(line);
      await yieldToEventLoop();
    }
    expect(await recording.finish()).toBeNull();
    expect(await history.listSnapshots(tenant)).toEqual({ snapshots: [] });
    const pruned = await service.use((store) => pruneHistory(store, new Date(0)));
    expect(pruned.snapshots).toBe(0);
    expect(pruned.versions).toBeGreaterThanOrEqual(aheadBatch);
  });

  it('keeps nothing for a stream cut before its done line', async () => {
    const cut = lines(['One']).filter((line) => line.kind !== 'done');
    expect(await streamed(history, cut)).toBeNull();
    expect(await history.listSnapshots(tenant)).toEqual({ snapshots: [] });
  });

  it('takes a line it cannot prepare without throwing, and logs the failed recording by its kind only', async () => {
    let deep: Record<string, unknown> = { leaf: canary };
    for (let level = 0; level < 80; level += 1) deep = { deeper: deep };
    const input = lines(['One']).map((line) =>
      line.kind === 'client' ? { ...line, client: { ...line.client, deep } } : line,
    );
    const recording = history.begin({ tenant, source: 'browser', takenAt: new Date() });
    for (const line of input) expect(() => recording.take(line)).not.toThrow();
    expect(await recording.finish()).toBeNull();
    expect(logged).toEqual(['history: recording a snapshot failed (JsonTooDeepError).']);
    expect(await history.listSnapshots(tenant)).toEqual({ snapshots: [] });
  });
});
