// Snapshots of a tenant's inventory in the store. Every function takes the tenant: no query reads across tenants.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, StoreEngine } from './database.ts';
import { canonicalJson, contentHash } from './content-hash.ts';
import { openRevision } from './migrations/migration-0005-open-spans.ts';
import type { Store } from './store.ts';

export const historyItemKinds = ['client', 'loginPolicy', 'tokenPolicy'] as const;
export type HistoryItemKind = (typeof historyItemKinds)[number];
export type SnapshotSource = 'browser' | 'refresh' | 'scheduled';

export interface HistoryItem {
  kind: HistoryItemKind;
  id: string;
  content: unknown;
}

export interface SnapshotInput {
  tenant: string;
  takenAt: Date;
  source: SnapshotSource;
  partial: boolean;
  /** What this read returned. */
  items: readonly HistoryItem[];
  /** Items that failed: their last known version stays (a failed client is never reported removed). */
  carriedOver: readonly { kind: HistoryItemKind; id: string }[];
  /** Kinds whose list failed: every known item of the kind that was not read stays. */
  carriedOverKinds: readonly HistoryItemKind[];
  /** Counts, findings by severity, failures, clients without details, done line: kept as given. */
  summary: Record<string, unknown>;
}

export interface SnapshotChanges {
  added: number;
  removed: number;
  changed: number;
}

export interface SnapshotMeta {
  id: string;
  takenAt: string;
  source: SnapshotSource;
  partial: boolean;
  unchanged: boolean;
  clients: number;
  changes: SnapshotChanges;
  summary: Record<string, unknown>;
}

export interface StoredSnapshot {
  meta: SnapshotMeta;
  items: HistoryItem[];
}

export interface ClientVersion {
  snapshotId: string;
  takenAt: string;
  client: unknown;
}

const batchSize = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += batchSize)
    result.push(items.slice(start, start + batchSize));
  return result;
}

const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`;

type Trx = Transaction<Database>;

/** One writer per tenant at a time, across processes: concurrent finishes give consistent snapshots. */
async function lockTenant(trx: Trx, engine: StoreEngine, tenant: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${`history:${tenant}`}))`.execute(trx);
  } else {
    // SQLite: a write first, so that the transaction holds the write lock before it reads (no lock upgrade
    // failing with SQLITE_BUSY when another process writes at the same time).
    await trx
      .deleteFrom('history_snapshots')
      .where(sql<boolean>`0 = 1`)
      .execute();
  }
}

interface NextItem {
  kind: HistoryItemKind;
  id: string;
  hash: string;
  canonical: string | null;
}

type KnownItem = Omit<NextItem, 'canonical'>;

/** Lets timers and sockets run between slices of a long recording: one recording, not the server, waits. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Items hashed between two yields (about 5 ms of work each slice). */
const hashSlice = 500;

/**
 * What the latest snapshot of a tenant holds, remembered per store after each recording, so that the next one
 * compares against it without reading every span back. Valid only while that snapshot is still the tenant's latest
 * (checked by its id in the transaction: another process may have recorded meanwhile).
 */
interface LatestContent {
  snapshotId: string;
  items: Map<string, KnownItem>;
}
const latestContents = new WeakMap<Store, Map<string, LatestContent>>();
/** Tenants remembered per store; beyond, the least recently recorded is read back from the store next time. */
const rememberedTenants = 16;

function rememberLatest(store: Store, tenant: string, content: LatestContent): void {
  let byTenant = latestContents.get(store);
  if (byTenant === undefined) {
    byTenant = new Map();
    latestContents.set(store, byTenant);
  }
  byTenant.delete(tenant);
  byTenant.set(tenant, content);
  for (const oldest of byTenant.keys()) {
    if (byTenant.size <= rememberedTenants) break;
    byTenant.delete(oldest);
  }
}

async function hashItems(items: readonly HistoryItem[]): Promise<Map<string, NextItem>> {
  const read = new Map<string, NextItem>();
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0 && index % hashSlice === 0) await yieldToEventLoop();
    const item = items[index] as HistoryItem;
    const canonical = canonicalJson(item.content);
    read.set(keyOf(item.kind, item.id), {
      kind: item.kind,
      id: item.id,
      hash: contentHash(item.kind, canonical),
      canonical,
    });
  }
  return read;
}

async function readLatestContent(trx: Trx, tenant: string): Promise<Map<string, KnownItem>> {
  const rows = await trx
    .selectFrom('history_spans')
    .select(['kind', 'item_id', 'hash'])
    .where('tenant', '=', tenant)
    .where('last_revision', '=', openRevision)
    .execute();
  const items = new Map<string, KnownItem>();
  for (const row of rows) {
    items.set(keyOf(row.kind, row.item_id), {
      kind: row.kind as HistoryItemKind,
      id: row.item_id,
      hash: row.hash,
    });
  }
  return items;
}

export async function recordSnapshot(store: Store, input: SnapshotInput): Promise<SnapshotMeta> {
  // Hashing outside the transaction: the write lock is held for the writes only.
  const read = await hashItems(input.items);
  const { tenant } = input;
  const remembered = latestContents.get(store)?.get(tenant);
  const recorded = await store.db.transaction().execute(async (trx) => {
    await lockTenant(trx, store.engine, tenant);
    const latest = await trx
      .selectFrom('history_snapshots')
      .select(['id', 'position', 'revision'])
      .where('tenant', '=', tenant)
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirst();
    const previousRevision = latest === undefined ? 0 : latest.revision;
    const previous =
      latest === undefined
        ? new Map<string, KnownItem>()
        : remembered?.snapshotId === latest.id
          ? remembered.items
          : await readLatestContent(trx, tenant);

    const next = new Map(read);
    const carry = (key: string) => {
      const known = previous.get(key);
      if (known !== undefined && !next.has(key)) next.set(key, { ...known, canonical: null });
    };
    for (const item of input.carriedOver) carry(keyOf(item.kind, item.id));
    const carriedKinds = new Set<string>(input.carriedOverKinds);
    for (const [key, known] of previous) if (carriedKinds.has(known.kind)) carry(key);

    const changes: SnapshotChanges = { added: 0, removed: 0, changed: 0 };
    let different = latest === undefined;
    const ended: KnownItem[] = [];
    const started: NextItem[] = [];
    for (const [key, item] of next) {
      const known = previous.get(key);
      if (known === undefined) {
        different = true;
        started.push(item);
        if (item.kind === 'client') changes.added += 1;
      } else if (known.hash !== item.hash) {
        different = true;
        started.push(item);
        ended.push(known);
        if (item.kind === 'client') changes.changed += 1;
      }
    }
    for (const [key, known] of previous) {
      if (next.has(key)) continue;
      different = true;
      ended.push(known);
      if (known.kind === 'client') changes.removed += 1;
    }

    const revision = different ? previousRevision + 1 : previousRevision;
    if (different) await writeRevision(trx, store.engine, tenant, previousRevision, revision, started, ended);

    const clients = [...next.values()].filter((item) => item.kind === 'client').length;
    const meta: SnapshotMeta = {
      id: randomUUID(),
      takenAt: input.takenAt.toISOString(),
      source: input.source,
      partial: input.partial,
      unchanged: !different,
      clients,
      changes,
      summary: input.summary,
    };
    await trx
      .insertInto('history_snapshots')
      .values({
        id: meta.id,
        tenant,
        position: (latest === undefined ? 0 : latest.position) + 1,
        revision,
        taken_at: meta.takenAt,
        source: meta.source,
        partial: meta.partial ? 1 : 0,
        unchanged: meta.unchanged ? 1 : 0,
        clients,
        added: changes.added,
        removed: changes.removed,
        changed: changes.changed,
        summary: JSON.stringify(input.summary),
      })
      .execute();
    return { meta, content: different ? next : previous };
  });
  // Only once committed: a rolled-back recording must not become what the next one compares against.
  const items = new Map<string, KnownItem>();
  for (const [key, item] of recorded.content)
    items.set(key, { kind: item.kind, id: item.id, hash: item.hash });
  rememberLatest(store, tenant, { snapshotId: recorded.meta.id, items });
  return recorded.meta;
}

async function writeRevision(
  trx: Trx,
  engine: StoreEngine,
  tenant: string,
  previousRevision: number,
  revision: number,
  started: readonly NextItem[],
  ended: readonly KnownItem[],
): Promise<void> {
  // SQLite's driver is synchronous: without a yield between batches the whole write would be one long block.
  const betweenBatches = engine === 'sqlite' ? yieldToEventLoop : () => Promise.resolve();
  const versions = new Map<string, { tenant: string; hash: string; kind: string; content: string }>();
  for (const item of started) {
    if (item.canonical !== null) {
      versions.set(item.hash, { tenant, hash: item.hash, kind: item.kind, content: item.canonical });
    }
  }
  for (const batch of chunks([...versions.values()])) {
    await trx
      .insertInto('history_versions')
      .values(batch)
      .onConflict((conflict) => conflict.columns(['tenant', 'hash']).doNothing())
      .execute();
    await betweenBatches();
  }
  // What changed or went away ends at the previous revision; everything else stays open.
  for (const kind of historyItemKinds) {
    const ids = ended.filter((item) => item.kind === kind).map((item) => item.id);
    for (const batch of chunks(ids)) {
      await trx
        .updateTable('history_spans')
        .set({ last_revision: previousRevision })
        .where('tenant', '=', tenant)
        .where('kind', '=', kind)
        .where('last_revision', '=', openRevision)
        .where('item_id', 'in', batch)
        .execute();
      await betweenBatches();
    }
  }
  for (const batch of chunks(started)) {
    await trx
      .insertInto('history_spans')
      .values(
        batch.map((item) => ({
          tenant,
          kind: item.kind,
          item_id: item.id,
          hash: item.hash,
          first_revision: revision,
          last_revision: openRevision,
        })),
      )
      .execute();
    await betweenBatches();
  }
}

type SnapshotRow = Database['history_snapshots'];

function toMeta(row: SnapshotRow): SnapshotMeta {
  return {
    id: row.id,
    takenAt: row.taken_at,
    source: row.source as SnapshotSource,
    partial: row.partial === 1,
    unchanged: row.unchanged === 1,
    clients: row.clients,
    changes: { added: row.added, removed: row.removed, changed: row.changed },
    summary: JSON.parse(row.summary) as Record<string, unknown>,
  };
}

/** The tenant's snapshots, newest first. */
export async function listSnapshots(store: Store, tenant: string, limit = 5000): Promise<SnapshotMeta[]> {
  const rows = await store.db
    .selectFrom('history_snapshots')
    .selectAll()
    .where('tenant', '=', tenant)
    .orderBy('position', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toMeta);
}

function readItems(db: Kysely<Database>, tenant: string, revision: number) {
  return db
    .selectFrom('history_spans')
    .innerJoin('history_versions', (join) =>
      join
        .onRef('history_versions.hash', '=', 'history_spans.hash')
        .on('history_versions.tenant', '=', tenant),
    )
    .select(['history_spans.kind', 'history_spans.item_id', 'history_versions.content'])
    .where('history_spans.tenant', '=', tenant)
    .where('history_spans.first_revision', '<=', revision)
    .where('history_spans.last_revision', '>=', revision)
    .orderBy('history_spans.kind')
    .orderBy('history_spans.item_id')
    .execute();
}

/** One snapshot of the tenant with its content, or null when the tenant has no such snapshot. */
export async function readSnapshot(store: Store, tenant: string, id: string): Promise<StoredSnapshot | null> {
  const row = await store.db
    .selectFrom('history_snapshots')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return null;
  const items = await readItems(store.db, tenant, row.revision);
  return {
    meta: toMeta(row),
    items: items.map((item) => ({
      kind: item.kind as HistoryItemKind,
      id: item.item_id,
      content: JSON.parse(item.content) as unknown,
    })),
  };
}

/** Each distinct version of one client, oldest first, and when it went away (null while it is there). */
export async function clientHistory(
  store: Store,
  tenant: string,
  clientId: string,
): Promise<{ versions: ClientVersion[]; removedAt: string | null } | null> {
  // Both at once: on PostgreSQL each is a round trip, and the second does not depend on the first.
  const [spans, snapshots] = await Promise.all([
    store.db
      .selectFrom('history_spans')
      .innerJoin('history_versions', (join) =>
        join
          .onRef('history_versions.hash', '=', 'history_spans.hash')
          .on('history_versions.tenant', '=', tenant),
      )
      .select(['history_spans.first_revision', 'history_spans.last_revision', 'history_versions.content'])
      .where('history_spans.tenant', '=', tenant)
      .where('history_spans.kind', '=', 'client')
      .where('history_spans.item_id', '=', clientId)
      .orderBy('history_spans.first_revision')
      .execute(),
    store.db
      .selectFrom('history_snapshots')
      .select(['id', 'taken_at', 'revision'])
      .where('tenant', '=', tenant)
      .orderBy('position')
      .execute(),
  ]);
  if (spans.length === 0) return null;
  const firstSnapshotFrom = (revision: number) => snapshots.find((snapshot) => snapshot.revision >= revision);
  const versions: ClientVersion[] = [];
  for (const span of spans) {
    const seen = firstSnapshotFrom(span.first_revision);
    if (seen === undefined || seen.revision > span.last_revision) continue;
    versions.push({
      snapshotId: seen.id,
      takenAt: seen.taken_at,
      client: JSON.parse(span.content) as unknown,
    });
  }
  const lastRevision = Math.max(...spans.map((span) => span.last_revision));
  const latest = snapshots.at(-1);
  let removedAt: string | null = null;
  if (latest !== undefined && latest.revision > lastRevision) {
    removedAt = firstSnapshotFrom(lastRevision + 1)?.taken_at ?? null;
  }
  return { versions, removedAt };
}

/**
 * Retention: removes every tenant's snapshots taken before `before` (never a tenant's latest one), then the spans
 * and versions no remaining snapshot refers to. One transaction per tenant.
 */
export async function pruneHistory(
  store: Store,
  before: Date,
): Promise<{ snapshots: number; versions: number }> {
  const tenants = await store.db.selectFrom('history_snapshots').select('tenant').distinct().execute();
  let snapshots = 0;
  let versions = 0;
  for (const { tenant } of tenants) {
    await store.db.transaction().execute(async (trx) => {
      await lockTenant(trx, store.engine, tenant);
      const latest = await trx
        .selectFrom('history_snapshots')
        .select('position')
        .where('tenant', '=', tenant)
        .orderBy('position', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest === undefined) return;
      const deleted = await trx
        .deleteFrom('history_snapshots')
        .where('tenant', '=', tenant)
        .where('taken_at', '<', before.toISOString())
        .where('position', '<', latest.position)
        .executeTakeFirst();
      snapshots += Number(deleted.numDeletedRows);
      const oldest = await trx
        .selectFrom('history_snapshots')
        .select((eb) => eb.fn.min('revision').as('revision'))
        .where('tenant', '=', tenant)
        .executeTakeFirst();
      const minRevision = oldest?.revision ?? 0;
      await trx
        .deleteFrom('history_spans')
        .where('tenant', '=', tenant)
        .where('last_revision', '<', minRevision)
        .execute();
      const gone = await trx
        .deleteFrom('history_versions')
        .where('tenant', '=', tenant)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('history_spans')
                .select(sql`1`.as('one'))
                .where('history_spans.tenant', '=', tenant)
                .whereRef('history_spans.hash', '=', 'history_versions.hash'),
            ),
          ),
        )
        .executeTakeFirst();
      versions += Number(gone.numDeletedRows);
    });
  }
  return { snapshots, versions };
}
