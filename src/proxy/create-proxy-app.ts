// The proxy as one Hono app: mounted by the standalone server (`npm start`) and, as middleware, by the Vite dev
// server. It holds the configuration client's secret and tokens; the browser only ever gets a session cookie.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { mountAcceptanceRoutes } from './acceptance-routes.ts';
import { mountConfigRoutes } from './config-routes.ts';
import type { FirstNames } from '../identity-cloud/first-names.ts';
import { mountExportActivityRoute } from './export-activity-route.ts';
import { readFirstNames, type FirstNamesRequest } from './first-names.ts';
import { mountHistoryRoutes } from './history-routes.ts';
import { mountInventoryRoute } from './inventory-route.ts';
import type { ProxyEnv } from './proxy-env.ts';
import { resolveProxyOptions, type ProxyOptions } from './proxy-options.ts';
import { ProxyRuntime } from './proxy-runtime.ts';
import { problem, problemResponse } from './problem.ts';
import { crossOriginProblem, fetchSiteGuard, hostGuard, originGuard, pathGuard } from './request-guards.ts';
import { requestLog } from './request-log.ts';
import { mountSessionRoutes } from './session-routes.ts';
import { peekRequestSession } from './session-resolution.ts';

export type { ProxyOptions, DefaultConnection } from './proxy-options.ts';
export type { HistoryPort, FinishedInventory, HistoryTenant, HistoryStatus } from './history-port.ts';
export type { AcceptancePort, IdentifyUser, NewAcceptance } from './acceptance-port.ts';

export interface ProxyApp {
  /** A fetch handler (the Hono app's): `(request, env?) => Response`. */
  fetch: Hono<ProxyEnv>['fetch'];
  app: Hono<ProxyEnv>;
  /**
   * The first page of client names of the session a page request acts for (null without one, or when the list
   * is not read within the deadline): for a server that writes them into the page.
   */
  firstNames(c: Context, request: FirstNamesRequest): Promise<FirstNames | null>;
  /**
   * The tenant of the session a page request acts for (null without one), only looked at: for a server that
   * writes the page's first lines into its HTML.
   */
  tenantOf(c: Context): { identityDomain: string; customerId: string } | null;
  /** Sessions held right now (for tests and diagnostics). */
  sessionCount(): number;
  /** Forgets every session and stops their upstream work. */
  close(): void;
}

export function createProxyApp(options: ProxyOptions = {}): ProxyApp {
  const resolved = resolveProxyOptions(options);
  const runtime = new ProxyRuntime(resolved);
  const app = new Hono<ProxyEnv>();

  app.use('*', requestLog(resolved.log));
  app.use('*', hostGuard(resolved.allowedHosts));
  app.use('/api/*', pathGuard());
  app.use('/api/*', originGuard());
  app.use('/api/*', fetchSiteGuard());
  app.use('/api/*', async (c, next) => {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });

  mountSessionRoutes(app, runtime);
  mountConfigRoutes(app, runtime);
  mountInventoryRoute(app, runtime);
  mountHistoryRoutes(app, runtime, resolved.history);
  mountExportActivityRoute(app, runtime);
  mountAcceptanceRoutes(app, runtime);

  app.all('/api/session', () =>
    problemResponse(problem(405, '/api/session answers GET, POST and DELETE only.'), {
      allow: 'GET, POST, DELETE',
    }),
  );
  app.all('/api/inventory', () =>
    problemResponse(problem(405, '/api/inventory answers GET only.'), { allow: 'GET, HEAD' }),
  );
  app.notFound(() => problemResponse(problem(404, 'There is no such API endpoint.')));
  app.onError((error) => {
    if (error instanceof HTTPException) {
      if (error.status === 403) return problemResponse(crossOriginProblem());
      return problemResponse(problem(error.status, 'The request was refused.'));
    }
    // Never echo the error: it could carry request data. Its kind is enough to start looking.
    console.error('proxy: unexpected error:', error.name);
    return problemResponse(problem(500, 'The dashboard’s server failed unexpectedly. Try again.'));
  });

  return {
    fetch: app.fetch,
    app,
    // Any Hono context: only the request, its cookie and its socket are read.
    firstNames: (c, request) => readFirstNames(c as Context<ProxyEnv>, runtime, request),
    tenantOf: (c) => {
      const session = peekRequestSession(c as Context<ProxyEnv>, runtime);
      if (session === null) return null;
      const { identityDomain, customerId } = session.connection;
      return { identityDomain, customerId };
    },
    sessionCount: () => runtime.sessions.size,
    close: () => {
      runtime.close();
    },
  };
}
