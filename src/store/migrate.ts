// Applies the missing migrations at start, in one transaction, and refuses a store written by a newer build.
import { sql, type Kysely } from 'kysely';
import type { Database, StoreEngine } from './database.ts';
import type { Migration } from './migrations/migration.ts';

/** A store this build must not touch: it holds migrations it does not know. */
export class NewerStoreError extends Error {
  constructor(unknown: readonly number[]) {
    const ids = unknown.map((id) => String(id).padStart(4, '0')).join(', ');
    super(
      `the store was written by a newer version of the dashboard (migration ${ids} is unknown to this one); it was left unchanged: update the dashboard or point it at another store`,
    );
    this.name = 'NewerStoreError';
  }
}

// Any number, fixed: replicas starting together on one PostgreSQL database migrate one after the other.
const migrationLockKey = 7_426_013;

export function checkMigrationList(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    const previous = list[index - 1];
    if (previous !== undefined && migration.id <= previous.id) {
      throw new RangeError(
        `Migration ${migration.id} is listed after ${previous.id}: keep the list in order.`,
      );
    }
  });
}

/** Resolves with the ids it applied. */
export async function migrate(
  db: Kysely<Database>,
  engine: StoreEngine,
  list: readonly Migration[],
  now: () => Date = () => new Date(),
): Promise<number[]> {
  checkMigrationList(list);
  return db.transaction().execute(async (trx) => {
    if (engine === 'postgres') await sql`select pg_advisory_xact_lock(${migrationLockKey})`.execute(trx);
    await trx.schema
      .createTable('store_migrations')
      .ifNotExists()
      .addColumn('id', 'integer', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('applied_at', 'text', (column) => column.notNull())
      .execute();
    const applied = new Set(
      (await trx.selectFrom('store_migrations').select('id').execute()).map((row) => row.id),
    );
    const known = new Set(list.map((migration) => migration.id));
    const unknown = [...applied].filter((id) => !known.has(id)).sort((a, b) => a - b);
    if (unknown.length > 0) throw new NewerStoreError(unknown);

    const done: number[] = [];
    for (const migration of list) {
      if (applied.has(migration.id)) continue;
      await migration.up(trx as unknown as Kysely<unknown>, engine);
      await trx
        .insertInto('store_migrations')
        .values({ id: migration.id, name: migration.name, applied_at: now().toISOString() })
        .execute();
      done.push(migration.id);
    }
    return done;
  });
}
