// The built app: hashed assets cached for a year, index.html revalidated every time, and the SPA's routes
// answered with index.html when a browser asks for a page. Each file is sent as its brotli or gzip copy made at
// build time (precompress-plugin.ts) when the browser accepts it, with `Vary: Accept-Encoding` either way.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpBindings } from '@hono/node-server';
import type { Context, Hono } from 'hono';
import type { FirstNames } from '../identity-cloud/first-names.ts';
import type { CarriedSnapshots } from '../identity-cloud/history-page-words.ts';
import { isCompressibleType } from './compression.ts';
import { withFirstNames } from './first-names-page.ts';
import { withHistoryShell } from './history-page.ts';
import { withPageShell } from './page-shell.ts';
import {
  connectionShell,
  findingsShell,
  overviewShell,
  overviewTenantWords,
  type PageShellText,
} from '../identity-cloud/page-shells.ts';

export interface ShellTenant {
  identityDomain: string;
  customerId: string;
}

/** The pages whose HTML carries a picture of their first lines (page-shell.ts), and what it says. */
const shellPages: readonly {
  path: string;
  shell: PageShellText;
  /** Drawn only for a session with a connection (the app sends the others to /connect). */
  needsTenant: boolean;
  leadPrefix?: (tenant: ShellTenant) => string;
}[] = [
  { path: '/', shell: overviewShell, needsTenant: true, leadPrefix: overviewTenantWords },
  { path: '/findings', shell: findingsShell, needsTenant: true },
  { path: '/connect', shell: connectionShell, needsTenant: false },
];

export const immutableCacheControl = 'public, max-age=31536000, immutable';

/** The file asked for, without the suffix of the precompressed copy that is sent instead. */
function servedFile(path: string): string {
  return path.replace(/\.(?:br|gz)$/, '');
}

function varyByEncoding(c: Context): void {
  // A copy may exist for one coding and not another: a cache must always key on Accept-Encoding.
  if (!isCompressibleType(c.res.headers.get('content-type'))) return;
  if (!/\baccept-encoding\b/i.test(c.res.headers.get('vary') ?? ''))
    c.header('Vary', 'Accept-Encoding', { append: true });
}

export interface StaticAppOptions {
  /** The first page of names of the session a request acts for (null: none, or not read in time). */
  firstNames?: ((c: Context) => Promise<FirstNames | null>) | undefined;
  /** The tenant of the session a request acts for (null: no connection): pages that need one draw a shell. */
  tenantOf?: ((c: Context) => ShellTenant | null) | undefined;
  /** The snapshot list of the session a request acts for (null: none, history off, or not read in time). */
  historySnapshots?: ((c: Context) => Promise<CarriedSnapshots | null>) | undefined;
}

function acceptsHtml(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/html');
}

export function mountStaticApp(
  app: Hono<{ Bindings: HttpBindings }>,
  staticDir: string,
  options: StaticAppOptions = {},
): void {
  const indexPath = join(staticDir, 'index.html');
  const { firstNames, historySnapshots } = options;

  app.use(
    '/assets/*',
    serveStatic({
      root: staticDir,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', immutableCacheControl);
        varyByEncoding(c);
      },
    }),
  );
  // A missing hashed asset is a stale page asking for an old build: a plain 404, never index.html.
  app.get('/assets/*', (c) => c.text('Not found', 404));

  /**
   * index.html as `render` rewrites it (null: the plain file, served further down). A `personal` page depends on
   * the session: never cached, and keyed on the cookie. The file is read on each request so that a build put in
   * place under a running server is the one served.
   */
  const serveRendered = async (
    c: Context,
    next: () => Promise<void>,
    personal: boolean,
    render: (indexHtml: string) => Promise<string | null> | string | null,
  ) => {
    const page = existsSync(indexPath) ? await render(await readFile(indexPath, 'utf8')) : null;
    if (page === null) {
      await next();
      return;
    }
    c.header('Cache-Control', personal ? 'no-store' : 'no-cache');
    if (personal) c.header('Vary', 'Cookie', { append: true });
    return c.html(page);
  };

  /**
   * A page whose HTML carries what the session's request `read` (null: the plain page) for its first paint. For a
   * browser's navigation without a query string only: a search, a sort, a page or picks show other rows.
   */
  const serveCarried = <Carried>(
    path: string,
    read: ((c: Context) => Promise<Carried | null>) | undefined,
    withCarried: (indexHtml: string, carried: Carried) => string | null,
  ) => {
    if (read === undefined) return;
    app.get(path, async (c, next) => {
      if (!acceptsHtml(c) || new URL(c.req.url).search !== '') return next();
      return serveRendered(c, next, true, async (indexHtml) => {
        const carried = await read(c);
        return carried === null ? null : withCarried(indexHtml, carried);
      });
    });
  };
  // The clients list with its first names, for a session that has a connection.
  serveCarried('/clients', firstNames, withFirstNames);
  // The history's first page, for a session with a connection and a history.
  serveCarried('/history', historySnapshots, withHistoryShell);

  // The pages with a shell: the picture of their first lines. Those that depend on the session (its tenant's
  // name, or only whether it has one) are personal.
  const { tenantOf } = options;
  for (const { path, shell, needsTenant, leadPrefix } of shellPages) {
    if (needsTenant && tenantOf === undefined) continue;
    app.get(path, async (c, next) => {
      if (!acceptsHtml(c)) return next();
      const tenant = needsTenant ? (tenantOf?.(c) ?? null) : null;
      if (needsTenant && tenant === null) return next();
      const prefix = tenant === null || leadPrefix === undefined ? '' : leadPrefix(tenant);
      return serveRendered(c, next, needsTenant, (indexHtml) => withPageShell(indexHtml, shell, prefix));
    });
  }

  app.use(
    '*',
    serveStatic({
      root: staticDir,
      precompressed: true,
      onFound: (path, c) => {
        c.header(
          'Cache-Control',
          servedFile(path).endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
        );
        varyByEncoding(c);
      },
    }),
  );

  app.get('*', async (c, next) => {
    if (!acceptsHtml(c) || !existsSync(indexPath)) {
      await next();
      return;
    }
    const fallback = serveStatic({
      path: indexPath,
      precompressed: true,
      onFound: (_path, context) => {
        context.header('Cache-Control', 'no-cache');
        varyByEncoding(context);
      },
    });
    return fallback(c, next);
  });
}
