// The standalone server over real HTTP: the built app (cache headers, SPA fallback, CSP), the API beside it, the
// embedded sandbox as the default connection, and the request log.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { immutableCacheControl } from './static-app.ts';
import { startServer, type RunningServer } from './start-server.ts';

let staticDir = '';
beforeAll(() => {
  staticDir = mkdtempSync(join(tmpdir(), 'idc-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>Client Inventory</title><div id="root"></div>',
  );
  writeFileSync(join(staticDir, 'assets', 'index-3f9a1c.js'), 'console.log("app")');
  writeFileSync(join(staticDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => {
  rmSync(staticDir, { recursive: true, force: true });
});

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(
  options: Parameters<typeof startServer>[0] = {},
): Promise<{ server: RunningServer; lines: string[] }> {
  const lines: string[] = [];
  const server = await startServer({
    staticDir,
    ...options,
    proxy: { log: (line) => lines.push(line), ...options.proxy },
  });
  servers.push(server);
  return { server, lines };
}

describe('startServer', () => {
  it('serves hashed assets for a year and index.html revalidated, with security headers', async () => {
    const { server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const asset = await fetch(`${server.url}assets/index-3f9a1c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe(immutableCacheControl);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);

    const index = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('x-frame-options')).toBe('DENY');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');

    const favicon = await fetch(`${server.url}favicon.svg`);
    expect(favicon.status).toBe(200);
  });

  it('answers the SPA’s routes with index.html for browsers, and 404 for the rest', async () => {
    const { server } = await start();
    const page = await fetch(`${server.url}clients/abc?q=x`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('cache-control')).toBe('no-cache');

    const notHtml = await fetch(`${server.url}clients/abc`, { headers: { accept: 'application/json' } });
    expect(notHtml.status).toBe(404);
    const missingAsset = await fetch(`${server.url}assets/index-old.js`, {
      headers: { accept: 'text/html' },
    });
    expect(missingAsset.status).toBe(404);
    const traversal = await fetch(`${server.url}assets/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });

  it('answers unknown /api paths with problem+json 404, never the app', async () => {
    const { server } = await start();
    const response = await fetch(`${server.url}api/nothing`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('refuses a foreign Host for pages too', async () => {
    const { server } = await start();
    const { request } = await import('node:http');
    const url = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      request(
        { host: url.hostname, port: url.port, path: '/', headers: { host: 'attacker.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  it('starts the embedded sandbox as the default connection and logs without secrets', async () => {
    const { server, lines } = await start({ embeddedSandbox: { clients: 12 }, staticDir: null });
    expect(server.sandbox).not.toBeNull();
    const session = await fetch(`${server.url}api/session`);
    expect(await session.json()).toMatchObject({
      source: 'server',
      identityDomain: server.sandbox?.identityDomain,
    });
    const inventory = await fetch(`${server.url}api/inventory`);
    const text = await inventory.text();
    expect(text.trim().split('\n').at(-1)).toMatch(/"kind":"done","clients":12/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines.some((line) => / GET \/api\/inventory 200 \d+ms upstream=\d+$/.test(line))).toBe(true);
    const log = lines.join('\n');
    expect(log).not.toContain(server.sandbox?.clientSecret ?? 'unreachable');
    const sandbox = server.sandbox;
    await server.close();
    servers.splice(0);
    await expect(fetch(`${sandbox?.identityDomain ?? ''}/`)).rejects.toThrow();
  });
});
