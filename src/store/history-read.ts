// Reading a tenant's history back: its snapshots, one snapshot's content, one client's versions.
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import type {
  ClientVersion,
  HistoryItemKind,
  SnapshotMeta,
  SnapshotSource,
  StoredSnapshot,
} from './history-types.ts';
import type { Store } from './store.ts';

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

/** The tenant's spans, each with its version's content (versions are scoped by tenant too). */
function spansWithContent(db: Kysely<Database>, tenant: string) {
  return db
    .selectFrom('history_spans')
    .innerJoin('history_versions', (join) =>
      join
        .onRef('history_versions.hash', '=', 'history_spans.hash')
        .on('history_versions.tenant', '=', tenant),
    )
    .where('history_spans.tenant', '=', tenant);
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
  const items = await spansWithContent(store.db, tenant)
    .select(['history_spans.kind', 'history_spans.item_id', 'history_versions.content'])
    .where('history_spans.first_revision', '<=', row.revision)
    .where('history_spans.last_revision', '>=', row.revision)
    .orderBy('history_spans.kind')
    .orderBy('history_spans.item_id')
    .execute();
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
    spansWithContent(store.db, tenant)
      .select(['history_spans.first_revision', 'history_spans.last_revision', 'history_versions.content'])
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
