// The standalone server: the proxy under /api, the built app for everything else, optionally an embedded sandbox
// as the default connection. Used by `npm start` (main.ts), the integration tests, the benchmark and e2e.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import type { AuthConfig } from '../auth/auth-config.ts';
import type { AuthEvent } from '../auth/auth-events.ts';
import { createAuthLayer, type AuthLayer } from '../auth/create-auth-layer.ts';
import { printable } from '../auth/request-facts.ts';
import { createProxyApp, type ProxyApp, type ProxyOptions } from '../proxy/create-proxy-app.ts';
import { loopbackHostNames, normaliseHostName, resolveProxyOptions } from '../proxy/proxy-options.ts';
import { hostGuard } from '../proxy/request-guards.ts';
import { formatRequestLine } from '../proxy/request-log.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/start-sandbox.ts';
import { mountActivityRoutes, storeActivityLog, type ActivityLog } from './activity-log.ts';
import { checkExposure } from './exposure-policy.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { StoreService } from '../store/store-service.ts';
import { defaultKeepDays, scheduleRetention } from './history/retention.ts';
import { createStoreHistory, type StoreHistory } from './history/store-history.ts';
import { compression } from './compression.ts';
import { noAuditPolicy } from '../identity-cloud/audit/audit-policy-state.ts';
import type { AuditPolicyWatcher } from './audit-policy-watcher.ts';
import { watchAuditPolicy } from './audit-policy-watcher.ts';
import { securityHeaders } from './security-headers.ts';
import { storeTenantLimits } from './tenant-limits.ts';
import { storeAcceptances } from './store-acceptances.ts';
import { mountStaticApp } from './static-app.ts';
import { carriedHistoryReader } from './carried-history.ts';

export interface StartServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** The built app to serve; default `dist` under the working directory; null serves the API only. */
  staticDir?: string | null;
  proxy?: Partial<ProxyOptions>;
  /** Start the sandbox in-process and use it as the default connection. */
  embeddedSandbox?: boolean | SandboxOptions;
  /** Start on a non-loopback HOST with a default connection and no sign-in anyway (printed as a warning). */
  allowUnauthenticatedRemote?: boolean;
  /** Where the start-up warning goes; default stderr. */
  warn?: (line: string) => void;
  /** Who may use the dashboard; default `none` (local use). */
  auth?: AuthConfig;
  /** Called for every sign-in, sign-out and refusal, after it is logged. */
  onAuthEvent?: (event: AuthEvent) => void;
  /** The access log (sign-ins, refusals, form connections), with GET /api/activity; default: in the store. */
  activity?: ActivityLog;
  /** Where history is kept. Default: off (`npm start` reads IDC_STORE, IDC_STORE_PATH, DATABASE_URL). */
  store?: StoreConfig;
  /** Retention of the history, in days. Default 400. */
  historyKeepDays?: number;
  /**
   * How long the HTML of `/clients` may wait for the client list to carry the first names; 0: never (the plain
   * page). Default 300 ms: about one round trip to a distant tenant; slower, the page goes without them.
   */
  firstNamesTimeoutMs?: number;
  /**
   * How long the HTML of `/history` may wait for the store's snapshot list to carry its first page; 0: never (the
   * plain page). Default 300 ms, as for the first names.
   */
  historyShellTimeoutMs?: number;
  /** The audit policy file to keep in force; `required`: its absence is an error (IDC_AUDIT_POLICY was set). */
  auditPolicy?: { path: string; required: boolean; intervalMs?: number } | null;
}

export interface RunningServer {
  /** `http://<host>:<port>/`, with a trailing slash. */
  url: string;
  /** The embedded sandbox, when one was started. */
  sandbox: RunningSandbox | null;
  proxy: ProxyApp;
  auth: AuthLayer;
  /** The store behind the history (off when none was configured). */
  store: StoreService;
  history: StoreHistory;
  /** The audit policy in force, when a policy file is watched. */
  auditPolicy: AuditPolicyWatcher | null;
  close(): Promise<void>;
}

function authEventLine(event: AuthEvent): string {
  const who = event.user === null ? 'unknown user' : printable(event.user);
  const reason = event.reason === undefined ? '' : ` (${printable(event.reason)})`;
  return `auth: ${event.kind} ${who} from ${event.address ?? 'unknown address'}${reason}`;
}

const defaultFirstNamesTimeoutMs = 300;

const wildcardHosts = new Set(['0.0.0.0', '::', '[::]']);

function urlHost(host: string): string {
  if (wildcardHosts.has(host)) return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** The given names (loopback by default), plus the listening host when it is a specific name or address. */
function allowedHostsFor(host: string, given: readonly string[] | undefined): string[] {
  const names: string[] = [...(given ?? loopbackHostNames)];
  if (!wildcardHosts.has(host)) names.push(normaliseHostName(host));
  return names;
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.proxy?.log ?? ((line: string) => console.log(line));
  const allowedHosts = allowedHostsFor(host, options.proxy?.allowedHosts);
  const wantsSandbox = options.embeddedSandbox !== undefined && options.embeddedSandbox !== false;
  // Every sign-in mode but `none` authenticates the people who reach the default connection.
  const authenticationConfigured = (options.auth?.mode ?? 'none') !== 'none';
  const exposure = checkExposure({
    host,
    hasDefaultConnection: wantsSandbox || (options.proxy?.defaultConnection ?? null) !== null,
    authenticationConfigured,
    allowUnauthenticatedRemote: options.allowUnauthenticatedRemote ?? false,
  });
  if (!exposure.ok) throw new Error(exposure.error);
  if (exposure.warning !== null) (options.warn ?? ((line: string) => console.warn(line)))(exposure.warning);

  let sandbox: RunningSandbox | null = null;
  if (wantsSandbox) {
    const sandboxOptions = options.embeddedSandbox === true ? {} : options.embeddedSandbox;
    sandbox = await startSandbox({ quiet: true, ...sandboxOptions });
  }
  // A store that cannot be opened leaves history off (said once in the log); the dashboard starts all the same.
  const store = new StoreService(
    options.store ?? { kind: 'off', reason: 'this server was started without a store' },
    { log: (line) => console.error(line) },
  );
  await store.start();
  const history = createStoreHistory(store);
  const stopRetention = scheduleRetention(store, options.historyKeepDays ?? defaultKeepDays, log);
  // The socket's address of each request, for the access log of what the proxy reports.
  const addresses = new WeakMap<Request, string>();
  const activity = options.activity ?? storeActivityLog(store);
  const proxyOptions: ProxyOptions = {
    ...options.proxy,
    history,
    tenantLimits: storeTenantLimits(store),
    acceptances: storeAcceptances(store),
    // Called at request time, after the sign-in layer below exists.
    identifyUser: (request) => {
      const user = auth.userOf(request);
      return user === null ? null : { name: user.displayName };
    },
    recordActivity: (event) => {
      activity.record({
        kind: event.kind,
        user: auth.userOf(event.request)?.id ?? null,
        address: addresses.get(event.request) ?? null,
        tenant: event.tenant,
        detail: event.detail,
      });
    },
    log,
    allowedHosts,
    serveDefaultConnectionToRemoteClients: authenticationConfigured,
    // A form-typed loopback domain is fine while this machine's own sandbox is the connection (local use).
    allowLoopbackIdentityDomain: (options.proxy?.allowLoopbackIdentityDomain ?? false) || sandbox !== null,
    ...(sandbox ? { defaultConnection: sandbox.connection } : {}),
  };
  let proxy: ProxyApp;
  try {
    proxy = createProxyApp(proxyOptions);
  } catch (error) {
    stopRetention();
    await store.close();
    await sandbox?.close();
    throw error;
  }

  const auditPolicy = options.auditPolicy
    ? await watchAuditPolicy(options.auditPolicy.path, {
        required: options.auditPolicy.required,
        log,
        ...(options.auditPolicy.intervalMs === undefined
          ? {}
          : { intervalMs: options.auditPolicy.intervalMs }),
      })
    : null;

  const app = new Hono<{ Bindings: HttpBindings }>();
  app.use('*', async (c, next) => {
    const address = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket.remoteAddress;
    if (address !== undefined) addresses.set(c.req.raw, address);
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      await next();
      return;
    }
    // The proxy logs /api itself (with its upstream calls); everything else is logged here.
    const started = performance.now();
    await next();
    log(formatRequestLine(c, started, 0));
  });
  app.use('*', hostGuard(resolveProxyOptions({ allowedHosts }).allowedHosts));
  app.use('*', securityHeaders());
  app.use('*', compression());
  const auth = createAuthLayer(options.auth ?? { mode: 'none' }, {
    secureCookies: options.proxy?.secureCookies ?? 'auto',
    onEvent: (event) => {
      log(authEventLine(event));
      activity.record({
        kind: event.kind,
        user: event.user,
        address: event.address,
        detail: event.reason ?? null,
      });
      options.onAuthEvent?.(event);
    },
  });
  auth.mount(app);
  mountActivityRoutes(app, activity);
  app.get('/api/audit/policy', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(auditPolicy?.current() ?? noAuditPolicy);
  });
  app.all('/api', (c) => proxy.fetch(c.req.raw, c.env));
  app.all('/api/*', (c) => proxy.fetch(c.req.raw, c.env));
  const staticDir = options.staticDir === undefined ? resolve('dist') : options.staticDir;
  const firstNamesTimeoutMs = options.firstNamesTimeoutMs ?? defaultFirstNamesTimeoutMs;
  const historyShellTimeoutMs = options.historyShellTimeoutMs ?? defaultFirstNamesTimeoutMs;
  if (staticDir !== null) {
    mountStaticApp(app, staticDir, {
      firstNames:
        firstNamesTimeoutMs === 0
          ? undefined
          : (c) => proxy.firstNames(c, { timeoutMs: firstNamesTimeoutMs }),
      tenantOf: (c) => proxy.tenantOf(c),
      historySnapshots:
        historyShellTimeoutMs === 0
          ? undefined
          : carriedHistoryReader({
              history,
              tenantOf: (c) => proxy.tenantOf(c),
              timeoutMs: historyShellTimeoutMs,
            }),
    });
  }
  app.notFound((c) => c.text('Not found', 404));

  const listener = getRequestListener(app.fetch);
  const server = createServer((incoming, outgoing) => {
    void listener(incoming, outgoing);
  });
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (error) {
    proxy.close();
    stopRetention();
    await store.close();
    auditPolicy?.close();
    await sandbox?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}/`,
    sandbox,
    proxy,
    auth,
    store,
    history,
    auditPolicy,
    close: () => {
      closing ??= (async () => {
        proxy.close();
        auditPolicy?.close();
        await new Promise<void>((resolveClose) => {
          server.close(() => {
            resolveClose();
          });
          server.closeAllConnections();
        });
        stopRetention();
        await store.close();
        await sandbox?.close();
      })();
      return closing;
    },
  };
}
