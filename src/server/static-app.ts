// The built app: hashed assets cached for a year, index.html revalidated every time, and the SPA's routes
// answered with index.html when a browser asks for a page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpBindings } from '@hono/node-server';
import type { Hono } from 'hono';

export const immutableCacheControl = 'public, max-age=31536000, immutable';

export function mountStaticApp(app: Hono<{ Bindings: HttpBindings }>, staticDir: string): void {
  const indexPath = join(staticDir, 'index.html');

  app.use(
    '/assets/*',
    serveStatic({
      root: staticDir,
      onFound: (_path, c) => {
        c.header('Cache-Control', immutableCacheControl);
      },
    }),
  );
  // A missing hashed asset is a stale page asking for an old build: a plain 404, never index.html.
  app.get('/assets/*', (c) => c.text('Not found', 404));

  app.use(
    '*',
    serveStatic({
      root: staticDir,
      onFound: (path, c) => {
        c.header('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600');
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
      onFound: (_path, context) => {
        context.header('Cache-Control', 'no-cache');
      },
    });
    return fallback(c, next);
  });
}
