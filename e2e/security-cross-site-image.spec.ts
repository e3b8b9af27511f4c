// A page of another site that points an <img> at the dashboard's API must not make the server start an inventory:
// the browser would block the answer, but the fan-out (one upstream request per client) would already be running.
// localhost and 127.0.0.1 are different sites to Chromium, and both reach this machine.
import { expect, test } from '@playwright/test';
import { serveOtherOriginPage, type OtherOriginPage } from './support/other-origin-page.ts';
import { startStack, type Stack } from './support/stack.ts';
import type { SandboxStats } from '../src/sandbox/start-sandbox.ts';

let stack: Stack;
let attacker: OtherOriginPage;

test.beforeAll(async () => {
  // The default connection: a request without any cookie (a cross-site <img> sends none) is served the tenant.
  stack = await startStack({ sandbox: { clients: 30 }, defaultConnection: true });
  attacker = await serveOtherOriginPage(
    `<!doctype html><title>Another site</title><img alt="" src="${stack.baseURL}/api/inventory">`,
  );
});
test.afterAll(async () => {
  await attacker.close();
  await stack.close();
});

async function sandboxStats(): Promise<SandboxStats> {
  const response = await fetch(`${stack.sandbox.identityDomain}/__sandbox/stats`);
  return (await response.json()) as SandboxStats;
}

function clientRequests(stats: SandboxStats): number {
  return Object.entries(stats.requests)
    .filter(([route]) => route.includes('/clients'))
    .reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}

test('an <img> on another site pointing at /api/inventory is refused with 403 and starts no fan-out', async ({
  page,
}) => {
  const before = clientRequests(await sandboxStats());
  // The answer is blocked by the browser (Cross-Origin-Resource-Policy), so its status is read from the server's
  // access log.
  const imageRequest = page.waitForEvent(
    'requestfailed',
    (request) => request.url() === `${stack.baseURL}/api/inventory`,
  );
  await page.goto(`http://localhost:${attacker.port}/`);
  await imageRequest;
  await expect
    .poll(() => /GET \/api\/inventory (\d{3})/.exec(stack.output())?.[1], {
      message: `the server's answer to the <img>:\n${stack.output()}`,
    })
    .toBe('403');

  // Give a fan-out that had started the time to reach the sandbox: its list request comes first.
  await page.waitForTimeout(2_000);
  const after = await sandboxStats();
  expect(
    clientRequests(after) - before,
    `the sandbox saw client requests: ${JSON.stringify(after.requests)}`,
  ).toBe(0);
});
