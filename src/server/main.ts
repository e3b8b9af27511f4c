import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? '5173');

const app = new Hono();
app.use('/assets/*', serveStatic({ root: './dist' }));
app.use('*', serveStatic({ root: './dist' }));
app.get('*', serveStatic({ path: './dist/index.html' }));

serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  console.log(`Client Inventory is running at http://${host}:${info.port}/`);
});
