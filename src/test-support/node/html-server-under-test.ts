// The standalone server over real HTTP in front of a stand-in for the built app (one index.html in a temporary
// folder), for tests of the HTML it writes. Registers its own set-up and tear-down: call it once at a file's top.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startServer, type RunningServer } from '../../server/start-server.ts';

/** The built app's index.html, reduced to what the server looks for: `</head>`, `#root` and the entry script. */
export const standInIndexHtml =
  '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Client Inventory</title></head>' +
  '<body><div id="root"></div><script type="module" src="/assets/index-3f9a1c.js"></script></body></html>';

export function htmlServersForEachTest() {
  let staticDir = '';
  beforeAll(() => {
    staticDir = mkdtempSync(join(tmpdir(), 'idc-html-'));
    writeFileSync(join(staticDir, 'index.html'), standInIndexHtml);
  });
  afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

  const servers: RunningServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  /** A server serving the stand-in app, quiet, closed after the test. */
  async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
    const server = await startServer({ staticDir, ...options, proxy: { log: () => {}, ...options.proxy } });
    servers.push(server);
    return server;
  }

  /** A page as a browser navigating to it asks for it. */
  function getPage(server: RunningServer, path: string, headers: Record<string, string> = {}) {
    return fetch(new URL(path, server.url), {
      headers: { accept: 'text/html,application/xhtml+xml', ...headers },
    });
  }

  return { start, getPage };
}

/**
 * A page written for the session: 200, never cached and keyed on the cookie, under the app's CSP (no inline
 * script). Its HTML.
 */
export async function personalPageHtml(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('vary')).toMatch(/\bCookie\b/);
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  return response.text();
}
