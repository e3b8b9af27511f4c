// Snapshots of a tenant's inventory, stored content-addressed: each distinct version of a client or policy once
// (`history_versions`, keyed by the hash of its canonical JSON), and its presence as a span of content revisions
// (`history_spans`). A snapshot points at one revision; an unchanged re-read shares its predecessor's.
import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

export interface HistorySnapshotsTable {
  id: string;
  /** `identityDomain/customerid` (customer id lower-cased), the scope of every query. */
  tenant: string;
  /** 1, 2, 3… per tenant: the order of snapshots (times can tie). */
  position: number;
  /** The content revision this snapshot shows; equal to its predecessor's when unchanged. */
  revision: number;
  taken_at: string;
  source: string;
  partial: number;
  unchanged: number;
  clients: number;
  added: number;
  removed: number;
  changed: number;
  /** JSON: counts by kind, findings by severity, failures, clients without details, done line. */
  summary: string;
}

export interface HistoryVersionsTable {
  tenant: string;
  hash: string;
  kind: string;
  content: string;
}

export interface HistorySpansTable {
  tenant: string;
  kind: string;
  item_id: string;
  hash: string;
  first_revision: number;
  last_revision: number;
}

export interface HistoryTables {
  history_snapshots: HistorySnapshotsTable;
  history_versions: HistoryVersionsTable;
  history_spans: HistorySpansTable;
}

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('history_snapshots')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('tenant', 'text', (column) => column.notNull())
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('taken_at', 'text', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('partial', 'integer', (column) => column.notNull())
    .addColumn('unchanged', 'integer', (column) => column.notNull())
    .addColumn('clients', 'integer', (column) => column.notNull())
    .addColumn('added', 'integer', (column) => column.notNull())
    .addColumn('removed', 'integer', (column) => column.notNull())
    .addColumn('changed', 'integer', (column) => column.notNull())
    .addColumn('summary', 'text', (column) => column.notNull())
    .addUniqueConstraint('history_snapshots_tenant_position', ['tenant', 'position'])
    .execute();
  await db.schema
    .createIndex('history_snapshots_tenant_taken_at')
    .on('history_snapshots')
    .columns(['tenant', 'taken_at'])
    .execute();

  await db.schema
    .createTable('history_versions')
    .addColumn('tenant', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('content', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('history_versions_pk', ['tenant', 'hash'])
    .execute();

  await db.schema
    .createTable('history_spans')
    .addColumn('tenant', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('item_id', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .addColumn('first_revision', 'integer', (column) => column.notNull())
    .addColumn('last_revision', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('history_spans_pk', ['tenant', 'kind', 'item_id', 'first_revision'])
    .execute();
  await db.schema
    .createIndex('history_spans_tenant_last_revision')
    .on('history_spans')
    .columns(['tenant', 'last_revision'])
    .execute();
  await db.schema
    .createIndex('history_spans_tenant_hash')
    .on('history_spans')
    .columns(['tenant', 'hash'])
    .execute();
}

export const historyMigration: Migration = { id: 1, name: 'history', up };
