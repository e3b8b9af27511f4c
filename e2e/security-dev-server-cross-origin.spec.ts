// `npm run dev` serves /api too (the proxy plugin, with the embedded sandbox): a page on another port of this
// machine must not read the inventory through it (no CORS grant, so the browser withholds the answer), and /api
// there carries the same security headers as under `npm start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { stopChildProcess } from './support/child-process.ts';
import { serveOtherOriginPage, type OtherOriginPage } from './support/other-origin-page.ts';
import { startStack, type Stack } from './support/stack.ts';
import { unusedLoopbackPort } from '../src/test-support/node/loopback-port.ts';

let devServer: ChildProcess;
let devOrigin: string;
let devOutput = '';
let stack: Stack;
let attacker: OtherOriginPage;

async function waitForDevServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (devServer.exitCode !== null) throw new Error(`vite exited (${devServer.exitCode}):\n${devOutput}`);
    try {
      const response = await fetch(`${devOrigin}/api/session`);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`vite did not start:\n${devOutput}`);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await unusedLoopbackPort();
  devOrigin = `http://127.0.0.1:${port}`;
  // Only what the dev server needs: the embedded sandbox (no IDC_*), no history store.
  devServer = spawn(
    'node_modules/.bin/vite',
    ['--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', IDC_STORE: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  devServer.stdout?.on('data', (chunk: Buffer) => (devOutput += chunk.toString()));
  devServer.stderr?.on('data', (chunk: Buffer) => (devOutput += chunk.toString()));
  await waitForDevServer();
  stack = await startStack({ defaultConnection: false });
  attacker = await serveOtherOriginPage(
    `<!doctype html><title>Another port</title><script>
      fetch('${devOrigin}/api/inventory')
        .then((response) => response.text())
        .then((body) => { window.outcome = 'read ' + body.slice(0, 300); },
              (error) => { window.outcome = 'blocked: ' + error.name; })
        .finally(() => { document.title = 'done'; });
    </script>`,
  );
});
test.afterAll(async () => {
  await attacker.close();
  await stack.close();
  await stopChildProcess(devServer);
});

test('under npm run dev a page on another loopback port cannot read /api/inventory, and /api has the headers of npm start', async ({
  page,
}) => {
  // Same host, another port: the inventory would come with the dev server's default connection.
  await page.goto(`http://127.0.0.1:${attacker.port}/`);
  await expect(page).toHaveTitle('done', { timeout: 30_000 });
  const outcome = await page.evaluate(() => (globalThis as unknown as { outcome: string }).outcome);
  expect(outcome, 'the other page read the answer').toBe('blocked: TypeError');

  // The headers of /api under dev and under the built server, asked as another origin would.
  const names = [
    'content-security-policy',
    'x-content-type-options',
    'x-frame-options',
    'referrer-policy',
    'cross-origin-resource-policy',
    'cross-origin-opener-policy',
    'permissions-policy',
    'access-control-allow-origin',
  ];
  const [dev, built] = await Promise.all([
    fetch(`${devOrigin}/api/session`, { headers: { origin: 'http://127.0.0.1:1' } }),
    fetch(`${stack.baseURL}/api/session`, { headers: { origin: 'http://127.0.0.1:1' } }),
  ]);
  const pick = (response: Response) =>
    Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
  expect(pick(built)['content-security-policy'], 'npm start sets a CSP').toContain("frame-ancestors 'none'");
  expect(pick(built)['x-content-type-options']).toBe('nosniff');
  expect(pick(dev)).toEqual(pick(built));
});
