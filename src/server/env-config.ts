// The environment variables of `npm start` and `npm run dev` (README, "Configuration"), read into options.
// Pure, so that every rule is unit-tested.
import { readAuthConfig, type AuthConfig } from '../auth/auth-config.ts';
import type { SandboxOptions } from '../sandbox/start-sandbox.ts';
import type { DefaultConnection, ProxyOptions } from '../proxy/create-proxy-app.ts';
import { loopbackHostNames } from '../proxy/proxy-options.ts';
import { readStoreConfig, type StoreConfig } from '../store/store-config.ts';

export interface ServerConfig {
  host: string;
  port: number;
  proxy: Partial<ProxyOptions>;
  /** The sandbox to start in-process as the default connection, or false. */
  embeddedSandbox: false | SandboxOptions;
  /** Who may use the dashboard (AUTH_MODE and its settings). */
  auth: AuthConfig;
  /** ALLOW_UNAUTHENTICATED_REMOTE=1: start on a non-loopback HOST with a default connection and no sign-in. */
  allowUnauthenticatedRemote: boolean;
  /** Where history is kept (IDC_STORE, IDC_STORE_PATH, DATABASE_URL). */
  store: StoreConfig;
  /** HISTORY_KEEP_DAYS: snapshots older than this are pruned. */
  historyKeepDays: number;
  /** The audit policy file: IDC_AUDIT_POLICY (required to exist), else ./idc-audit.yaml when present. */
  auditPolicy: { path: string; required: boolean };
  /** Problems that must stop the start, one sentence each. */
  errors: string[];
}

const connectionVariables = {
  identityDomain: 'IDC_IDENTITY_DOMAIN',
  customerId: 'IDC_CUSTOMER_ID',
  clientId: 'IDC_CLIENT_ID',
  clientSecret: 'IDC_CLIENT_SECRET',
} as const;

type Environment = Readonly<Record<string, string | undefined>>;

const secureCookieSettings: Partial<Record<string, boolean | 'auto'>> = {
  auto: 'auto',
  always: true,
  never: false,
};

function present(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readServerConfig(env: Environment): ServerConfig {
  const errors: string[] = [];
  const integer = (
    name: string,
    fallback: number | undefined,
    min: number,
    max: number,
  ): number | undefined => {
    const raw = present(env, name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      errors.push(`${name} must be an integer from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return value;
  };

  const host = present(env, 'HOST') ?? '127.0.0.1';
  const port = integer('PORT', 5173, 0, 65_535) ?? 5173;

  const proxy: Partial<ProxyOptions> = {};
  const maxConcurrency = integer('PROXY_MAX_CONCURRENCY', undefined, 1, 1024);
  if (maxConcurrency !== undefined) proxy.maxConcurrency = maxConcurrency;
  const upstreamTimeoutMs = integer('UPSTREAM_TIMEOUT_MS', undefined, 1, 600_000);
  if (upstreamTimeoutMs !== undefined) proxy.upstreamTimeoutMs = upstreamTimeoutMs;
  const maxResponseBytes = integer('MAX_RESPONSE_BYTES', undefined, 1024, 1024 * 1024 * 1024);
  if (maxResponseBytes !== undefined) proxy.maxResponseBytes = maxResponseBytes;
  const allowedHosts = present(env, 'ALLOWED_HOSTS');
  if (allowedHosts !== undefined) {
    // In addition to the loopback names, never instead of them.
    proxy.allowedHosts = [
      ...loopbackHostNames,
      ...allowedHosts
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ];
  }

  // Behind a reverse proxy that terminates TLS, the server sees plain http: 'auto' would leave `Secure` off.
  const secureCookies = present(env, 'SECURE_COOKIES');
  if (secureCookies !== undefined) {
    const setting = secureCookieSettings[secureCookies.toLowerCase()];
    if (setting === undefined) {
      errors.push(`SECURE_COOKIES must be auto, always or never (got "${secureCookies}").`);
    } else {
      proxy.secureCookies = setting;
    }
  }

  const flag = (name: string): boolean => {
    const raw = present(env, name);
    if (raw === undefined || raw === '0') return false;
    if (raw === '1') return true;
    errors.push(`${name} must be 1 or 0 (got "${raw}").`);
    return false;
  };
  const allowUnauthenticatedRemote = flag('ALLOW_UNAUTHENTICATED_REMOTE');
  if (flag('ALLOW_LOOPBACK_IDENTITY_DOMAIN')) proxy.allowLoopbackIdentityDomain = true;

  const given = Object.entries(connectionVariables).filter(([, name]) => present(env, name) !== undefined);
  let embeddedSandbox: false | SandboxOptions = false;
  if (given.length === Object.keys(connectionVariables).length) {
    const connection: DefaultConnection = {
      identityDomain: present(env, connectionVariables.identityDomain) ?? '',
      customerId: present(env, connectionVariables.customerId) ?? '',
      clientId: present(env, connectionVariables.clientId) ?? '',
      clientSecret: present(env, connectionVariables.clientSecret) ?? '',
    };
    const scope = present(env, 'IDC_SCOPE');
    if (scope !== undefined) connection.scope = scope;
    proxy.defaultConnection = connection;
  } else if (given.length > 0) {
    const missing = Object.values(connectionVariables).filter((name) => present(env, name) === undefined);
    errors.push(
      `A default connection needs all four of ${Object.values(connectionVariables).join(', ')}; missing: ${missing.join(', ')}.`,
    );
  } else if (present(env, 'IDC_EMBEDDED_SANDBOX') !== '0') {
    const sandbox: SandboxOptions = { quiet: true };
    const clients = integer('SANDBOX_CLIENTS', undefined, 1, 20_000);
    if (clients !== undefined) sandbox.clients = clients;
    const latencyMs = integer('SANDBOX_LATENCY_MS', undefined, 0, 60_000);
    if (latencyMs !== undefined) sandbox.latencyMs = latencyMs;
    const seed = integer('SANDBOX_SEED', undefined, 0, 2 ** 31 - 1);
    if (seed !== undefined) sandbox.seed = seed;
    // A fixed port lets tests and demos reach the sandbox's admin operations (docs/history.md).
    const sandboxPort = integer('SANDBOX_PORT', undefined, 0, 65_535);
    if (sandboxPort !== undefined) sandbox.port = sandboxPort;
    const sandboxConcurrency = integer('SANDBOX_MAX_CONCURRENCY', undefined, 1, 1_000_000);
    if (sandboxConcurrency !== undefined) sandbox.maxConcurrency = sandboxConcurrency;
    embeddedSandbox = sandbox;
  }

  const policyPath = present(env, 'IDC_AUDIT_POLICY');
  const auditPolicy = { path: policyPath ?? 'idc-audit.yaml', required: policyPath !== undefined };

  const { auth, errors: authErrors } = readAuthConfig(env);
  errors.push(...authErrors);
  const store = readStoreConfig(env);
  if (store.error !== null) errors.push(store.error);
  const historyKeepDays = integer('HISTORY_KEEP_DAYS', 400, 1, 36_500) ?? 400;

  return {
    host,
    port,
    proxy,
    embeddedSandbox,
    auth,
    allowUnauthenticatedRemote,
    store: store.config,
    historyKeepDays,
    auditPolicy,
    errors,
  };
}
