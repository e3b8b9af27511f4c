// The standalone server: the proxy under /api, the built app for everything else, optionally an embedded sandbox
// as the default connection. Used by `npm start` (main.ts), the integration tests, the benchmark and e2e.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { createProxyApp, type ProxyApp, type ProxyOptions } from '../proxy/create-proxy-app.ts';
import { loopbackHostNames, normaliseHostName, resolveProxyOptions } from '../proxy/proxy-options.ts';
import { hostGuard } from '../proxy/request-guards.ts';
import { formatRequestLine } from '../proxy/request-log.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/start-sandbox.ts';
import { noAuditPolicy } from '../identity-cloud/audit/audit-policy-state.ts';
import type { AuditPolicyWatcher } from './audit-policy-watcher.ts';
import { watchAuditPolicy } from './audit-policy-watcher.ts';
import { securityHeaders } from './security-headers.ts';
import { mountStaticApp } from './static-app.ts';

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
  /** The audit policy file to keep in force; `required`: its absence is an error (IDC_AUDIT_POLICY was set). */
  auditPolicy?: { path: string; required: boolean; intervalMs?: number } | null;
}

export interface RunningServer {
  /** `http://<host>:<port>/`, with a trailing slash. */
  url: string;
  /** The embedded sandbox, when one was started. */
  sandbox: RunningSandbox | null;
  proxy: ProxyApp;
  /** The audit policy in force, when a policy file is watched. */
  auditPolicy: AuditPolicyWatcher | null;
  close(): Promise<void>;
}

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

  let sandbox: RunningSandbox | null = null;
  if (options.embeddedSandbox !== undefined && options.embeddedSandbox !== false) {
    const sandboxOptions = options.embeddedSandbox === true ? {} : options.embeddedSandbox;
    sandbox = await startSandbox({ quiet: true, ...sandboxOptions });
  }
  const proxyOptions: ProxyOptions = {
    ...options.proxy,
    log,
    allowedHosts,
    ...(sandbox
      ? {
          defaultConnection: {
            identityDomain: sandbox.identityDomain,
            customerId: sandbox.customerId,
            clientId: sandbox.clientId,
            clientSecret: sandbox.clientSecret,
            scope: sandbox.scope,
          },
        }
      : {}),
  };
  let proxy: ProxyApp;
  try {
    proxy = createProxyApp(proxyOptions);
  } catch (error) {
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
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      await next();
      return;
    }
    // The proxy logs /api itself (with its upstream calls); everything else is logged here.
    const started = performance.now();
    await next();
    log(
      formatRequestLine({
        method: c.req.method,
        path: c.req.path.slice(0, 200),
        status: c.res.status,
        durationMs: performance.now() - started,
        upstreamCalls: 0,
      }),
    );
  });
  app.use('*', hostGuard(resolveProxyOptions({ allowedHosts }).allowedHosts));
  app.use('*', securityHeaders());
  app.get('/api/audit/policy', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(auditPolicy?.current() ?? noAuditPolicy);
  });
  app.all('/api', (c) => proxy.fetch(c.req.raw, c.env));
  app.all('/api/*', (c) => proxy.fetch(c.req.raw, c.env));
  const staticDir = options.staticDir === undefined ? resolve('dist') : options.staticDir;
  if (staticDir !== null) mountStaticApp(app, staticDir);
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
        await sandbox?.close();
      })();
      return closing;
    },
  };
}
