// The store: one Kysely database over SQLite (embedded, the default) or PostgreSQL, migrated at open.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database, StoreEngine } from './database.ts';
import { migrate } from './migrate.ts';
import { migrations } from './migrations/migration-list.ts';
import type { Migration } from './migrations/migration.ts';
import { describeStoreLocation, type StoreConfig } from './store-config.ts';

export interface Store {
  readonly engine: StoreEngine;
  /** Where it is, for messages (never a password). */
  readonly location: string;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** The migrations to apply; this build's list by default (tests pass others). */
  migrations?: readonly Migration[];
  /** Called with errors of idle PostgreSQL connections (which must not crash the server). */
  onIdleError?: (error: Error) => void;
}

function privateFile(path: string): void {
  // Created 0600 before SQLite opens it: the inventory of a tenant is nobody else's business on this machine.
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

function privateCompanions(path: string): void {
  for (const companion of [`${path}-wal`, `${path}-shm`]) {
    if (existsSync(companion)) chmodSync(companion, 0o600);
  }
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL among them); Kysely's own rollback then
 * fails with "no transaction is active" and hides the real cause. Here a rollback outside a transaction is a no-op.
 */
function withSafeRollback(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') {
        return (source: string) =>
          /^\s*rollback\s*$/i.test(source) && !target.inTransaction
            ? target.prepare('select 1')
            : target.prepare(source);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function openSqlite(path: string): { db: Kysely<Database>; close: () => Promise<void> } {
  privateFile(path);
  const sqlite = new BetterSqlite3(path, { timeout: 5000 });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withSafeRollback(sqlite) }) });
  return {
    db,
    close: async () => {
      await db.destroy();
    },
  };
}

async function openPostgres(
  url: string,
  onIdleError: (error: Error) => void,
): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that breaks (the server restarted) emits 'error' on the pool: unhandled, it ends the process.
  pool.on('error', onIdleError);
  // So does a connection that breaks while Kysely holds it between two queries.
  pool.on('connect', (client) => client.on('error', onIdleError));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return {
    db,
    close: async () => {
      await db.destroy();
    },
  };
}

/** Opens and migrates the store; throws what went wrong (see describeStoreError). */
export async function openStore(
  config: Exclude<StoreConfig, { kind: 'off' }>,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const engine: StoreEngine = config.kind;
  const opened =
    config.kind === 'sqlite'
      ? openSqlite(config.path)
      : await openPostgres(config.url, options.onIdleError ?? (() => undefined));
  try {
    await migrate(opened.db, engine, options.migrations ?? migrations);
    if (config.kind === 'sqlite') privateCompanions(config.path);
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
  return { engine, location: describeStoreLocation(config), db: opened.db, close: opened.close };
}
