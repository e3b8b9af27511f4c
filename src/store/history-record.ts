// Recording one snapshot of a tenant: content-addressed versions, open spans, one transaction.
import { randomUUID } from 'node:crypto';
import type { StoreEngine } from './database.ts';
import { canonicalJson, contentHash } from './content-hash.ts';
import { keyOf, latestContent, rememberLatest, type KnownItem } from './history-latest.ts';
import { chunks, latestSnapshot, lockTenant, yieldToEventLoop, type Trx } from './history-transaction.ts';
import {
  historyItemKinds,
  type HistoryItem,
  type SnapshotChanges,
  type SnapshotInput,
  type SnapshotMeta,
} from './history-types.ts';
import { checkSlice, missingVersions } from './history-versions-ahead.ts';
import { openRevision } from './migrations/migration-0005-open-spans.ts';
import { insertOpenSpans, openSpansSlice } from './history-open-spans.ts';
import type { Store } from './store.ts';

interface NextItem extends KnownItem {
  canonical: string | null;
}

/** Items hashed between two yields (about 5 ms of work each slice). */
const hashSlice = 500;

async function hashItems(items: readonly HistoryItem[]): Promise<Map<string, NextItem>> {
  const read = new Map<string, NextItem>();
  let hashed = 0;
  for (const item of items) {
    let { canonical, hash } = item;
    if (canonical === undefined || hash === undefined) {
      if (hashed > 0 && hashed % hashSlice === 0) await yieldToEventLoop();
      hashed += 1;
      canonical = canonicalJson(item.content);
      hash = contentHash(item.kind, canonical);
    }
    read.set(keyOf(item.kind, item.id), { kind: item.kind, id: item.id, hash, canonical });
  }
  return read;
}

interface Comparison {
  next: Map<string, NextItem>;
  changes: SnapshotChanges;
  different: boolean;
  started: NextItem[];
  ended: KnownItem[];
}

/** This read against the latest snapshot, failed items and kinds carried over from it. */
function compare(
  input: SnapshotInput,
  read: Map<string, NextItem>,
  previous: Map<string, KnownItem>,
  first: boolean,
): Comparison {
  const next = new Map(read);
  const carry = (key: string) => {
    const known = previous.get(key);
    if (known !== undefined && !next.has(key)) next.set(key, { ...known, canonical: null });
  };
  for (const item of input.carriedOver) carry(keyOf(item.kind, item.id));
  const carriedKinds = new Set<string>(input.carriedOverKinds);
  for (const [key, known] of previous) if (carriedKinds.has(known.kind)) carry(key);

  const changes: SnapshotChanges = { added: 0, removed: 0, changed: 0 };
  let different = first;
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
  return { next, changes, different, started, ended };
}

export async function recordSnapshot(store: Store, input: SnapshotInput): Promise<SnapshotMeta> {
  // Hashing outside the transaction: the write lock is held for the writes only.
  const read = await hashItems(input.items);
  const { tenant } = input;
  const recorded = await store.db.transaction().execute(async (trx) => {
    await lockTenant(trx, store.engine, tenant);
    const latest = await latestSnapshot(trx, tenant);
    const previousRevision = latest === undefined ? 0 : latest.revision;
    const previous =
      latest === undefined
        ? new Map<string, KnownItem>()
        : await latestContent(trx, store, tenant, latest.id);
    const { next, changes, different, started, ended } = compare(input, read, previous, latest === undefined);

    const revision = different ? previousRevision + 1 : previousRevision;
    if (different) {
      const ahead = input.versionsStoredAhead ?? new Set<string>();
      await writeRevision(trx, store.engine, { tenant, previousRevision, revision, started, ended, ahead });
    }

    let clients = 0;
    for (const item of next.values()) if (item.kind === 'client') clients += 1;
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

interface Revision {
  tenant: string;
  previousRevision: number;
  revision: number;
  started: readonly NextItem[];
  ended: readonly KnownItem[];
  /** Versions stored while the inventory streamed. */
  ahead: ReadonlySet<string>;
}

async function writeRevision(
  trx: Trx,
  engine: StoreEngine,
  { tenant, previousRevision, revision, started, ended, ahead }: Revision,
): Promise<void> {
  // SQLite's driver is synchronous: without a yield between batches the whole write would be one long block.
  const betweenBatches = engine === 'sqlite' ? yieldToEventLoop : () => Promise.resolve();
  const versions = new Map<string, { tenant: string; hash: string; kind: string; content: string }>();
  for (const item of started) {
    if (item.canonical !== null) {
      versions.set(item.hash, { tenant, hash: item.hash, kind: item.kind, content: item.canonical });
    }
  }
  // Stored ahead: written again only if pruning removed them since (under the tenant's lock, none can go now).
  const storedAhead = [...versions.keys()].filter((hash) => ahead.has(hash));
  for (let start = 0; start < storedAhead.length; start += checkSlice) {
    const batch = storedAhead.slice(start, start + checkSlice);
    const missing = new Set(await missingVersions(trx, engine, tenant, batch));
    for (const hash of batch) if (!missing.has(hash)) versions.delete(hash);
    await betweenBatches();
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
  for (let start = 0; start < started.length; start += openSpansSlice) {
    await insertOpenSpans(trx, engine, tenant, revision, started.slice(start, start + openSpansSlice));
    await betweenBatches();
  }
}
