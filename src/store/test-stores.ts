// The engines every store test runs on: SQLite in a temporary directory, and PostgreSQL in a fresh database of
// the server named by TEST_DATABASE_URL (CI starts one; see scripts/postgres-cluster.sh).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import type { StoreConfig } from './store-config.ts';
import { openStore, type OpenStoreOptions, type Store } from './store.ts';

export type TestEngine = 'sqlite' | 'postgres';

export const postgresTestUrl = process.env.TEST_DATABASE_URL?.trim() ?? '';

/** The engines to test here. In CI a missing PostgreSQL is a failure; locally, a loud skip. */
export function testEngines(): TestEngine[] {
  if (postgresTestUrl !== '') return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error(
      'TEST_DATABASE_URL is not set: in CI the store tests must also run on PostgreSQL (.ci/run starts one).',
    );
  }
  console.warn(
    '\n*** Store tests: TEST_DATABASE_URL is not set, so the PostgreSQL half is SKIPPED (SQLite only). ***\n' +
      '*** Start a server with `source scripts/postgres-cluster.sh && start_postgres_cluster` to run it. ***\n',
  );
  return ['sqlite'];
}

/** No store, as `IDC_STORE=off` configures it: for what the server does without history and accepted risks. */
export const storeOff: StoreConfig = { kind: 'off', reason: 'IDC_STORE=off' };

export interface TestStoreConfig {
  config: Exclude<StoreConfig, { kind: 'off' }>;
  /** The SQLite file, or the PostgreSQL database's name. */
  where: string;
  cleanup(): Promise<void>;
}

export async function freshStoreConfig(engine: TestEngine): Promise<TestStoreConfig> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'idc-store-'));
    const path = join(dir, 'inventory.db');
    return {
      config: { kind: 'sqlite', path },
      where: path,
      cleanup: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `idc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresTestUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    where: name,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: postgresTestUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A store of its own for each test of the calling suite, opened on a fresh database and removed after. */
export interface StorePerTest {
  /** The running test's store (the one opened last, after a reopen). */
  readonly store: Store;
  readonly config: TestStoreConfig['config'];
  /** Closes the store, as a stopped server would; the database stays until the test ends. */
  close(): Promise<void>;
  /** Closes the store if it is open and opens the same database again, as a restarted server would. */
  reopen(options?: OpenStoreOptions): Promise<Store>;
}

export function freshStorePerTest(engine: TestEngine): StorePerTest {
  let fresh: TestStoreConfig | undefined;
  let opened: Store | undefined;
  const current = () => {
    if (fresh === undefined) throw new Error('The test store is only there while a test runs.');
    return fresh;
  };
  const close = async () => {
    const closing = opened;
    opened = undefined;
    await closing?.close();
  };
  beforeEach(async () => {
    fresh = await freshStoreConfig(engine);
    opened = await openStore(fresh.config);
  });
  afterEach(async () => {
    try {
      await close();
    } finally {
      await fresh?.cleanup();
      fresh = undefined;
    }
  });
  return {
    get store() {
      if (opened === undefined) throw new Error('The test store is closed: reopen it first.');
      return opened;
    },
    get config() {
      return current().config;
    },
    close,
    reopen: async (options) => {
      await close();
      opened = await openStore(current().config, options);
      return opened;
    },
  };
}
