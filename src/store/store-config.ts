// Where the store lives, from the environment: off, an SQLite file (the default), or PostgreSQL.
import { resolve } from 'node:path';

export type StoreConfig =
  { kind: 'off'; reason: string } | { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

type Environment = Readonly<Record<string, string | undefined>>;

export const defaultStorePath = './data/inventory.db';

function present(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The store's configuration, or one sentence naming the variable that is wrong. */
export function readStoreConfig(
  env: Environment,
  cwd: string = process.cwd(),
): { config: StoreConfig; error: string | null } {
  const mode = present(env, 'IDC_STORE')?.toLowerCase();
  if (mode === 'off') return { config: { kind: 'off', reason: 'IDC_STORE=off' }, error: null };
  if (mode !== undefined && mode !== 'on') {
    return {
      config: { kind: 'off', reason: 'IDC_STORE is invalid' },
      error: `IDC_STORE must be on or off (got "${mode}").`,
    };
  }
  const url = present(env, 'DATABASE_URL');
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      return {
        config: { kind: 'off', reason: 'DATABASE_URL is invalid' },
        error: 'DATABASE_URL must be a postgres:// or postgresql:// URL.',
      };
    }
    return { config: { kind: 'postgres', url }, error: null };
  }
  return {
    config: { kind: 'sqlite', path: resolve(cwd, present(env, 'IDC_STORE_PATH') ?? defaultStorePath) },
    error: null,
  };
}

/** The store's place for messages: never the password of a DATABASE_URL. */
export function describeStoreLocation(config: StoreConfig): string {
  if (config.kind === 'off') return 'no store';
  if (config.kind === 'sqlite') return config.path;
  try {
    const url = new URL(config.url);
    return `PostgreSQL at ${url.hostname}${url.port === '' ? '' : `:${url.port}`}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
