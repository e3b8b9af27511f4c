// The same suite on both engines: migrations, content addressing, partial reads, tenant scope, transactions,
// concurrent finishes and retention.
import { beforeEach, describe, expect, it } from 'vitest';
import { pruneHistory } from './history-prune.ts';
import { clientHistory, listSnapshots, readSnapshot } from './history-read.ts';
import { recordSnapshot } from './history-record.ts';
import type { HistoryItem, SnapshotInput } from './history-types.ts';
import { writeVersionsAhead } from './history-versions-ahead.ts';
import { canonicalJson, contentHash } from './content-hash.ts';
import { NewerStoreError } from './migrate.ts';
import { migrations } from './migrations/migration-list.ts';
import { openSpansMigration } from './migrations/migration-0005-open-spans.ts';
import { openStore, type Store } from './store.ts';
import { freshStorePerTest, testEngines } from './test-stores.ts';

const tenantA = 'https://a.example/abc';
const tenantB = 'https://b.example/abc';

function client(
  id: string,
  name: string,
  redirectUris: string[] = [`https://${id}.example/cb`],
): HistoryItem {
  return { kind: 'client', id, content: { id, name, redirectUris, tokenPolicy: 'tp1' } };
}
const policy: HistoryItem = {
  kind: 'tokenPolicy',
  id: 'tp1',
  content: { id: 'tp1', accessTokenLifetime: 3600 },
};

function input(items: HistoryItem[], overrides: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    tenant: tenantA,
    takenAt: new Date(),
    source: 'browser',
    partial: false,
    items,
    carriedOver: [],
    carriedOverKinds: [],
    summary: { countsByKind: { public: items.length } },
    ...overrides,
  };
}

/** The items as the server writes them ahead: canonical JSON and content hash. */
function versionsOf(items: readonly HistoryItem[]) {
  return items.map((item) => {
    const canonical = canonicalJson(item.content);
    return { kind: item.kind, id: item.id, hash: contentHash(item.kind, canonical), canonical };
  });
}

async function count(store: Store, table: 'history_versions' | 'history_spans' | 'history_snapshots') {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testEngines())('the store on %s', (engine) => {
  const test = freshStorePerTest(engine);
  let store: Store;
  beforeEach(() => {
    store = test.store;
  });

  it('applies the migrations once, and a reopen applies none', async () => {
    const applied = await store.db.selectFrom('store_migrations').select(['id', 'name']).execute();
    expect(applied.map((row) => row.id)).toEqual(migrations.map((migration) => migration.id));
    store = await test.reopen();
    const again = await store.db.selectFrom('store_migrations').select('id').execute();
    expect(again).toHaveLength(migrations.length);
  });

  it('refuses a store written by a newer version, and leaves it as it was', async () => {
    await recordSnapshot(store, input([client('c1', 'One')]));
    await store.db
      .insertInto('store_migrations')
      .values({ id: 9999, name: 'from-the-future', applied_at: new Date().toISOString() })
      .execute();
    await test.close();
    const extra = {
      id: 10_000,
      name: 'would-alter',
      up: () => Promise.reject(new Error('a refused store must not be migrated')),
    };
    const opening = openStore(test.config, { migrations: [...migrations, extra] });
    await expect(opening).rejects.toThrow(NewerStoreError);
    await expect(opening).rejects.toThrow(/newer version of the dashboard \(migration 9999 is unknown/);
    store = await test.reopen({ migrations: [...migrations, { ...extra, id: 9999 }] });
    expect(await count(store, 'history_snapshots')).toBe(1);
  });

  it('records a snapshot and gives its content back', async () => {
    const recorded = await recordSnapshot(store, input([client('c1', 'One'), client('c2', 'Two'), policy]));
    expect(recorded).toMatchObject({
      unchanged: false,
      clients: 2,
      changes: { added: 2, removed: 0, changed: 0 },
    });
    const stored = await readSnapshot(store, tenantA, recorded.id);
    expect(stored?.items).toEqual([client('c1', 'One'), client('c2', 'Two'), policy]);
    expect(stored?.meta.summary).toEqual({ countsByKind: { public: 3 } });
    const [listed] = await listSnapshots(store, tenantA);
    expect(listed).toMatchObject({ id: recorded.id, source: 'browser', partial: false, clients: 2 });
  });

  it('records an identical re-read as unchanged, without new versions or spans', async () => {
    await recordSnapshot(store, input([client('c1', 'One'), policy]));
    const versions = await count(store, 'history_versions');
    const spans = await count(store, 'history_spans');
    // The same content with its keys in another order is the same version.
    const reordered: HistoryItem = {
      kind: 'client',
      id: 'c1',
      content: { tokenPolicy: 'tp1', redirectUris: ['https://c1.example/cb'], name: 'One', id: 'c1' },
    };
    const again = await recordSnapshot(store, input([policy, reordered], { source: 'refresh' }));
    expect(again).toMatchObject({ unchanged: true, changes: { added: 0, removed: 0, changed: 0 } });
    expect(await count(store, 'history_versions')).toBe(versions);
    expect(await count(store, 'history_spans')).toBe(spans);
    expect((await readSnapshot(store, tenantA, again.id))?.items).toHaveLength(2);
  });

  it('stores only the changes, and each old snapshot still shows what it saw', async () => {
    const first = await recordSnapshot(store, input([client('c1', 'One'), client('c2', 'Two'), policy]));
    const second = await recordSnapshot(
      store,
      input([client('c1', 'One renamed'), client('c3', 'Three'), policy], { source: 'refresh' }),
    );
    expect(second.changes).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(await count(store, 'history_versions')).toBe(5);
    expect((await readSnapshot(store, tenantA, first.id))?.items.map((item) => item.id)).toEqual([
      'c1',
      'c2',
      'tp1',
    ]);
    const later = await readSnapshot(store, tenantA, second.id);
    expect(later?.items.find((item) => item.id === 'c1')?.content).toMatchObject({ name: 'One renamed' });

    const renamed = await clientHistory(store, tenantA, 'c1');
    expect(renamed?.removedAt).toBeNull();
    expect(
      renamed?.versions.map((version) => [version.snapshotId, (version.client as { name: string }).name]),
    ).toEqual([
      [first.id, 'One'],
      [second.id, 'One renamed'],
    ]);
    const removed = await clientHistory(store, tenantA, 'c2');
    expect(removed?.removedAt).toBe(second.takenAt);
    expect(removed?.versions).toHaveLength(1);
    expect(await clientHistory(store, tenantA, 'nobody')).toBeNull();
  });

  it('never reports a client that failed as removed, and keeps its last known version', async () => {
    await recordSnapshot(store, input([client('c1', 'One'), client('c2', 'Two')]));
    const partial = await recordSnapshot(
      store,
      input([client('c1', 'One')], { partial: true, carriedOver: [{ kind: 'client', id: 'c2' }] }),
    );
    expect(partial).toMatchObject({ partial: true, unchanged: true, changes: { removed: 0 } });
    const back = await recordSnapshot(store, input([client('c1', 'One'), client('c2', 'Two')]));
    expect(back.unchanged).toBe(true);
    expect((await clientHistory(store, tenantA, 'c2'))?.versions).toHaveLength(1);
    // A failed list of policies keeps every policy it knew.
    await recordSnapshot(store, input([client('c1', 'One'), policy]));
    const noPolicies = await recordSnapshot(
      store,
      input([client('c1', 'One')], { partial: true, carriedOverKinds: ['tokenPolicy'] }),
    );
    expect(noPolicies.unchanged).toBe(true);
  });

  it('scopes every read to the tenant', async () => {
    const mine = await recordSnapshot(store, input([client('c1', 'Secret plans')]));
    await recordSnapshot(store, input([client('c9', 'Other')], { tenant: tenantB }));
    expect(await readSnapshot(store, tenantB, mine.id)).toBeNull();
    expect((await listSnapshots(store, tenantB)).map((snapshot) => snapshot.clients)).toEqual([1]);
    expect(await clientHistory(store, tenantB, 'c1')).toBeNull();
    // The same content in two tenants is two versions: pruning one tenant never touches the other's.
    await recordSnapshot(store, input([client('c1', 'Secret plans')], { tenant: tenantB }));
    expect((await clientHistory(store, tenantB, 'c1'))?.versions).toHaveLength(1);
  });

  it('leaves nothing behind when a write fails halfway (one transaction)', async () => {
    await recordSnapshot(store, input([client('c1', 'One')]));
    const before = await Promise.all([
      count(store, 'history_versions'),
      count(store, 'history_spans'),
      count(store, 'history_snapshots'),
    ]);
    // The summary cannot be written (JSON has no BigInt): the versions and spans written before it roll back.
    const broken = input([client('c2', 'Two'), client('c3', 'Three')], { summary: { big: 1n } });
    await expect(recordSnapshot(store, broken)).rejects.toThrow(TypeError);
    const after = await Promise.all([
      count(store, 'history_versions'),
      count(store, 'history_spans'),
      count(store, 'history_snapshots'),
    ]);
    expect(after).toEqual(before);
    const next = await recordSnapshot(store, input([client('c1', 'One')]));
    expect(next.unchanged).toBe(true);
  });

  it('gives two consistent snapshots when two inventories finish at the same moment', async () => {
    const results = await Promise.all([
      recordSnapshot(store, input([client('c1', 'One'), client('c2', 'Two')])),
      recordSnapshot(store, input([client('c1', 'One'), client('c3', 'Three')])),
    ]);
    const listed = await listSnapshots(store, tenantA);
    expect(listed.map((snapshot) => snapshot.id).sort()).toEqual(results.map((result) => result.id).sort());
    for (const result of results) {
      expect((await readSnapshot(store, tenantA, result.id))?.items).toHaveLength(2);
    }
    const positions = await store.db.selectFrom('history_snapshots').select('position').execute();
    expect(positions.map((row) => row.position).sort()).toEqual([1, 2]);
  });

  it('compares against the latest snapshot even when another process recorded it', async () => {
    await recordSnapshot(store, input([client('c1', 'One'), client('c2', 'Two')]));
    // A second replica on the same database records a change in between.
    const replica = await openStore(test.config);
    try {
      const theirs = await recordSnapshot(replica, input([client('c1', 'One renamed'), client('c2', 'Two')]));
      expect(theirs.changes).toEqual({ added: 0, removed: 0, changed: 1 });
    } finally {
      await replica.close();
    }
    const mine = await recordSnapshot(store, input([client('c1', 'One renamed'), client('c2', 'Two')]));
    expect(mine).toMatchObject({ unchanged: true, changes: { added: 0, removed: 0, changed: 0 } });
    const next = await recordSnapshot(store, input([client('c1', 'One renamed')]));
    expect(next.changes).toEqual({ added: 0, removed: 1, changed: 0 });
  });

  it('lets the event loop run while it records a large snapshot', async () => {
    const items = Array.from({ length: 3000 }, (_, index) => client(`c${index}`, `Client ${index}`));
    let turns = 0;
    let recording = true;
    const turn = () => {
      if (!recording) return;
      turns += 1;
      setImmediate(turn);
    };
    setImmediate(turn);
    await recordSnapshot(store, input(items));
    recording = false;
    // Hashing and (on SQLite, whose driver is synchronous) the writes are sliced: other work runs in between.
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('carries a store written before open spans over, with every snapshot as it was', async () => {
    // A store from before the migration: the same tables, the migration not applied.
    await store.db.deleteFrom('store_migrations').where('id', '=', openSpansMigration.id).execute();
    // Three snapshots as the previous layout wrote them: a span present in the latest revision ends at its number.
    const one = client('c1', 'One');
    const oneRenamed = client('c1', 'One renamed');
    const two = client('c2', 'Two');
    const three = client('c3', 'Three');
    const hashOf = (item: HistoryItem) => contentHash(item.kind, canonicalJson(item.content));
    await store.db
      .insertInto('history_versions')
      .values(
        [one, oneRenamed, two, three].map((item) => ({
          tenant: tenantA,
          hash: hashOf(item),
          kind: item.kind,
          content: canonicalJson(item.content),
        })),
      )
      .execute();
    const span = (item: HistoryItem, first: number, last: number) => ({
      tenant: tenantA,
      kind: item.kind,
      item_id: item.id,
      hash: hashOf(item),
      first_revision: first,
      last_revision: last,
    });
    await store.db
      .insertInto('history_spans')
      .values([span(one, 1, 1), span(oneRenamed, 2, 3), span(two, 1, 2), span(three, 2, 3)])
      .execute();
    const takenAt = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();
    await store.db
      .insertInto('history_snapshots')
      .values(
        [1, 2, 3].map((revision) => ({
          id: `s${revision}`,
          tenant: tenantA,
          position: revision,
          revision,
          taken_at: takenAt(revision),
          source: 'scheduled',
          partial: 0,
          unchanged: 0,
          clients: 2,
          added: 0,
          removed: 0,
          changed: 0,
          summary: '{}',
        })),
      )
      .execute();
    store = await test.reopen();

    const again = await recordSnapshot(store, input([oneRenamed, three]));
    expect(again).toMatchObject({ unchanged: true, changes: { added: 0, removed: 0, changed: 0 } });
    expect((await readSnapshot(store, tenantA, 's1'))?.items).toEqual([one, two]);
    expect((await readSnapshot(store, tenantA, 's3'))?.items).toEqual([oneRenamed, three]);
    expect((await clientHistory(store, tenantA, 'c2'))?.removedAt).toBe(takenAt(3));
    const renamed = await clientHistory(store, tenantA, 'c1');
    expect(renamed?.removedAt).toBeNull();
    expect(renamed?.versions.map((version) => version.snapshotId)).toEqual(['s1', 's2']);
    const next = await recordSnapshot(store, input([oneRenamed]));
    expect(next.changes).toEqual({ added: 0, removed: 1, changed: 0 });
  });

  it('keeps a snapshot whole when pruning removed the versions it stored ahead, and prunes orphans', async () => {
    const items = [client('c1', 'One'), client('c2', 'Two')];
    const stored = await writeVersionsAhead(store, tenantA, versionsOf(items));
    expect(stored).toHaveLength(2);
    // Referenced by nothing (no span) until a snapshot commits: pruning, here before it does, removes them, even
    // for a tenant without any snapshot yet (an inventory abandoned before its done line).
    expect(await count(store, 'history_versions')).toBe(2);
    expect(await count(store, 'history_spans')).toBe(0);
    expect(await pruneHistory(store, new Date(0))).toEqual({ snapshots: 0, versions: 2 });

    const first = await recordSnapshot(store, input(items, { versionsStoredAhead: new Set(stored) }));
    expect((await readSnapshot(store, tenantA, first.id))?.items.map((item) => item.content)).toEqual(
      items.map((item) => item.content),
    );

    // Stored ahead and still there: the snapshot refers to it. Another read's version, never recorded, goes.
    const added = [...items, client('c3', 'Three')];
    const third = await writeVersionsAhead(store, tenantA, versionsOf(added));
    // What the latest snapshot holds already (remembered after recording it) is not written again.
    expect(third).toEqual([versionsOf([client('c3', 'Three')])[0]?.hash]);
    await writeVersionsAhead(store, tenantA, versionsOf([client('c1', 'One, abandoned')]));
    const second = await recordSnapshot(store, input(added, { versionsStoredAhead: new Set(third) }));
    expect(second.changes).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(await count(store, 'history_versions')).toBe(4);
    expect(await pruneHistory(store, new Date(0))).toEqual({ snapshots: 0, versions: 1 });
    expect((await readSnapshot(store, tenantA, second.id))?.items.map((item) => item.content)).toEqual(
      added.map((item) => item.content),
    );
  });

  it('writes again only the versions stored ahead that went, when some of a slice are still there', async () => {
    const items = [client('c1', 'One'), client('c2', 'Two'), client('c3', 'Three')];
    const ahead = versionsOf(items);
    const stored = await writeVersionsAhead(store, tenantA, ahead);
    await store.db
      .deleteFrom('history_versions')
      .where('hash', '=', ahead[1]?.hash ?? '')
      .execute();
    const recorded = await recordSnapshot(store, input(items, { versionsStoredAhead: new Set(stored) }));
    expect((await readSnapshot(store, tenantA, recorded.id))?.items.map((item) => item.content)).toEqual(
      items.map((item) => item.content),
    );
    expect(await count(store, 'history_versions')).toBe(3);
  });

  it('keeps ids exactly as they were, whatever characters they hold', async () => {
    const ids = ['quote"d', 'back\\slash', '{brace,comma}', 'NULL', "it's", 'ünïcödé 😀', ' spaced ', ''];
    const items = ids.map((id, index) => client(id, `Client ${String(index)}`, ['https://odd.example/cb']));
    const recorded = await recordSnapshot(store, input(items));
    // Read back in the engine's order of ids (its collation): compared in one order here.
    const byId = (list: readonly HistoryItem[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId((await readSnapshot(store, tenantA, recorded.id))?.items ?? [])).toEqual(byId(items));
    const history = await clientHistory(store, tenantA, 'ünïcödé 😀');
    expect(history?.versions.map((version) => version.client)).toEqual([items[5]?.content]);
    const again = await recordSnapshot(store, input(items));
    expect(again.unchanged).toBe(true);
  });

  it('prunes old snapshots and the versions nothing refers to, never the latest', async () => {
    const day = 86_400_000;
    const now = Date.now();
    const old = await recordSnapshot(
      store,
      input([client('c1', 'v1')], { takenAt: new Date(now - 10 * day) }),
    );
    await recordSnapshot(
      store,
      input([client('c1', 'v2'), client('c2', 'Two')], { takenAt: new Date(now - 5 * day) }),
    );
    const kept = await recordSnapshot(
      store,
      input([client('c1', 'v3'), client('c2', 'Two')], { takenAt: new Date(now - day) }),
    );
    const lone = await recordSnapshot(
      store,
      input([client('x', 'Only')], { tenant: tenantB, takenAt: new Date(now - 30 * day) }),
    );
    expect(await count(store, 'history_versions')).toBe(5);

    const pruned = await pruneHistory(store, new Date(now - 2 * day));
    expect(pruned).toEqual({ snapshots: 2, versions: 2 });
    expect(await readSnapshot(store, tenantA, old.id)).toBeNull();
    expect((await readSnapshot(store, tenantA, kept.id))?.items.map((item) => item.content)).toEqual([
      client('c1', 'v3').content,
      client('c2', 'Two').content,
    ]);
    expect(await readSnapshot(store, tenantB, lone.id)).not.toBeNull();
    const history = await clientHistory(store, tenantA, 'c1');
    expect(history?.versions.map((version) => (version.client as { name: string }).name)).toEqual(['v3']);
  });
});
