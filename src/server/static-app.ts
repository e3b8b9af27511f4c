// The built app: hashed assets cached for a year, index.html revalidated every time, and the SPA's routes
// answered with index.html when a browser asks for a page. Each file is sent as its brotli or gzip copy made at
// build time (precompress-plugin.ts) when the browser accepts it, with `Vary: Accept-Encoding` either way.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpBindings } from '@hono/node-server';
import type { Context, Hono } from 'hono';
import { isCompressibleType } from './compression.ts';

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

export function mountStaticApp(app: Hono<{ Bindings: HttpBindings }>, staticDir: string): void {
  const indexPath = join(staticDir, 'index.html');

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
    const acceptsHtml = (c.req.header('accept') ?? '').includes('text/html');
    if (!acceptsHtml || !existsSync(indexPath)) {
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
