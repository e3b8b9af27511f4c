// Helpers for the proxy's and the server's integration tests: real servers on ephemeral ports, real HTTP.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/start-sandbox.ts';
import type { ProxyOptions } from '../../proxy/create-proxy-app.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import type { StoreConfig } from '../../store/store-config.ts';
import { connectionOf } from './sandbox-connection.ts';

export type { RunningSandbox, RunningServer, SandboxOptions };
// The whole server, for proxy tests that need its composition (exposure checks, logging of every path).
export { startServer };

/** A sandbox that prints no banner. */
export function startQuietSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ quiet: true, ...options });
}

/** The server with the proxy only (no app, no sandbox), for upstreams a test builds; silent unless given a log. */
export function startApiServer(proxy: Partial<ProxyOptions> = {}): Promise<RunningServer> {
  return startServer({ staticDir: null, proxy: { log: () => undefined, ...proxy } });
}

export interface ProxyUnderTest {
  server: RunningServer;
  sandbox: RunningSandbox;
  /** Origin of the proxy, without a trailing slash. */
  origin: string;
  logLines: string[];
  close(): Promise<void>;
}

/**
 * For a test file: whatever a test starts is closed after it, last first. `track` registers a closer;
 * `proxyAndSandbox` starts both (as `startProxyAndSandbox`) and tracks them.
 */
export function closedAfterEachTest() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const track = (cleanup: () => Promise<void>): void => {
    cleanups.push(cleanup);
  };
  const proxyAndSandbox = async (
    options: Parameters<typeof startProxyAndSandbox>[0] = {},
  ): Promise<ProxyUnderTest> => {
    const proxy = await startProxyAndSandbox(options);
    track(() => proxy.close());
    return proxy;
  };
  /** A tiny upstream (as `startTinyServer`). */
  const tinyServer = async (
    handler: Parameters<typeof startTinyServer>[0],
  ): ReturnType<typeof startTinyServer> => {
    const upstream = await startTinyServer(handler);
    track(() => upstream.close());
    return upstream;
  };
  /** The proxy alone (as `startApiServer`), allowed to reach the upstreams a test builds on loopback. */
  const apiProxy = async (
    proxy: Partial<ProxyOptions> = {},
  ): Promise<{ server: RunningServer; origin: string }> => {
    const server = await startApiServer({ allowLoopbackIdentityDomain: true, ...proxy });
    track(() => server.close());
    return { server, origin: server.url.replace(/\/$/, '') };
  };
  return { track, proxyAndSandbox, tinyServer, apiProxy };
}

/** A sandbox, and the proxy (API only) in front of it, with no default connection unless asked. */
export async function startProxyAndSandbox(
  options: {
    sandbox?: SandboxOptions;
    proxy?: Partial<ProxyOptions>;
    useSandboxAsDefault?: boolean;
    store?: StoreConfig;
  } = {},
): Promise<ProxyUnderTest> {
  const sandbox = await startSandbox({ quiet: true, ...options.sandbox });
  const logLines: string[] = [];
  const server = await startServer({
    staticDir: null,
    ...(options.store === undefined ? {} : { store: options.store }),
    proxy: {
      log: (line) => logLines.push(line),
      // The sandbox listens on loopback, and the tests connect to it through the form.
      allowLoopbackIdentityDomain: true,
      ...options.proxy,
      ...(options.useSandboxAsDefault ? { defaultConnection: connectionOf(sandbox) } : {}),
    },
  });
  return {
    server,
    sandbox,
    origin: server.url.replace(/\/$/, ''),
    logLines,
    close: async () => {
      await server.close();
      await sandbox.close();
    },
  };
}

/** POST /api/session; resolves with the response and the session cookie (`name=value`) when one was set. */
export async function postSession(
  origin: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ response: Response; cookie: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const setCookie = response.headers.get('set-cookie');
  const cookie = setCookie === null ? null : (setCookie.split(';')[0] ?? null);
  return { response, cookie, body: (await response.json()) as Record<string, unknown> };
}

/** A customer id for the upstreams a test builds, which answer for any. */
export const anyCustomerId = '01000000-0000-3000-9000-000000000000';

/** POST /api/session towards an upstream a test built: placeholder credentials unless given. */
export function postSessionTo(
  origin: string,
  identityDomain: string,
  credentials: { clientId?: string; clientSecret?: string; scope?: string } = {},
): ReturnType<typeof postSession> {
  return postSession(origin, {
    identityDomain,
    customerId: anyCustomerId,
    clientId: 'id',
    clientSecret: 'secret',
    ...credentials,
  });
}

/** As `postSessionTo`, for the cookie; throws when no session was made. */
export async function connectTo(
  origin: string,
  identityDomain: string,
  credentials: Parameters<typeof postSessionTo>[2] = {},
): Promise<string> {
  const { response, cookie } = await postSessionTo(origin, identityDomain, credentials);
  if (cookie === null) throw new Error(`no session (${response.status})`);
  return cookie;
}

/** POST /api/session of `body` as the browser sends it, for a proxy app called in-process (`proxy.fetch`). */
export function sessionPostRequest(body: Record<string, unknown>): Request {
  return new Request('http://127.0.0.1:5173/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Connects with the sandbox's credentials and returns the cookie. */
export async function connect(
  proxy: ProxyUnderTest,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { response, cookie } = await postSession(proxy.origin, {
    ...connectionOf(proxy.sandbox),
    ...overrides,
  });
  if (response.status !== 201 || cookie === null) throw new Error(`connect failed with ${response.status}`);
  return cookie;
}

/** A configuration client that may read the clients and nothing else. */
export const clientsOnlyReader = {
  clientId: 'narrow-reader',
  clientSecret: 'narrow-secret-value',
  scope: 'GET:config/clients/**',
};

/** Adds a configuration client to the sandbox, then connects with its credentials; returns the cookie. */
export function connectAsAddedClient(
  proxy: ProxyUnderTest,
  credential: Parameters<RunningSandbox['addConfigurationClient']>[0],
): Promise<string> {
  proxy.sandbox.addConfigurationClient(credential);
  return connect(proxy, { ...credential });
}

export type InventoryLineObject = Record<string, unknown> & { kind: string };

/** Fetches `/api/inventory` and returns its NDJSON lines as JSON; fails the test on a line that is not JSON. */
export async function fetchInventoryLines(
  origin: string,
  cookie: string | null,
  signal?: AbortSignal,
): Promise<{ status: number; lines: InventoryLineObject[]; contentType: string | null }> {
  const response = await fetch(`${origin}/api/inventory`, {
    headers: cookie === null ? {} : { cookie },
    signal: signal ?? null,
  });
  const text = await response.text();
  const lines = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as InventoryLineObject);
  return { status: response.status, lines, contentType: response.headers.get('content-type') };
}

/** A throwaway HTTP server on loopback, for upstream behaviours the sandbox does not have. */
export async function startTinyServer(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ origin: string; close(): Promise<void>; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

export function totalConfigRequests(sandbox: RunningSandbox): number {
  const stats = sandbox.stats();
  return Object.entries(stats.requests)
    .filter(([route]) => route.includes('/config'))
    .reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}
