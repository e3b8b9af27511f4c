// Cookie tossing: cookies are not isolated by port, so a page on another port of the dashboard's host can plant a
// session cookie for one API path; the browser then sends it alongside the user's, and the server would stream
// the planted session's tenant under the user's own. The server refuses a request that carries the session cookie
// twice, clears both, and the Connect page tells the user why they are there. The cookie here is the plain `idc_session` (SECURE_COOKIES=never,
// as on plain http by a non-loopback name), the one a tossing page can shadow: on loopback the `__Host-` cookie
// cannot be set for another path at all.
import { expect, test } from '@playwright/test';
import { dataRows, waitForInventory } from './support/clients.ts';
import { connectWithForm } from './support/connect.ts';
import { serveOtherOriginPage, type OtherOriginPage } from './support/other-origin-page.ts';
import { startStack, type Stack } from './support/stack.ts';
import { connectionOf } from '../src/test-support/node/sandbox-connection.ts';

let stack: Stack;
let attacker: OtherOriginPage;

test.beforeAll(async () => {
  stack = await startStack({
    sandbox: { clients: 20 },
    defaultConnection: false,
    env: { SECURE_COOKIES: 'never' },
  });
  attacker = await serveOtherOriginPage(
    `<!doctype html><title>Another port</title><script>
      document.cookie = 'idc_session=planted-by-another-page; path=/api/inventory';
      document.title = 'planted';
    </script>`,
  );
});
test.afterAll(async () => {
  await attacker.close();
  await stack.close();
});

test('a session cookie planted by another port of the host is refused with 401 and every session cookie cleared', async ({
  page,
  context,
}) => {
  await connectWithForm(page, connectionOf(stack.sandbox), stack.baseURL);
  await waitForInventory(page);

  // The attacker's page, on another port of 127.0.0.1, in the same browser.
  const other = await context.newPage();
  await other.goto(`http://127.0.0.1:${attacker.port}/`);
  await expect(other).toHaveTitle('planted');
  await other.close();
  const planted = (await context.cookies(`${stack.baseURL}/api/inventory`)).filter(
    (c) => c.name === 'idc_session',
  );
  expect(planted, 'the browser holds both cookies for /api/inventory').toHaveLength(2);

  const inventoryResponse = page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/inventory',
  );
  await page.reload();
  const response = await inventoryResponse;
  const cookieHeader = (await response.request().headerValue('cookie')) ?? '';
  expect(cookieHeader.match(/idc_session=/g), 'the request carried the session cookie twice').toHaveLength(2);
  expect(response.status()).toBe(401);
  expect(((await response.json()) as { detail?: string }).detail).toContain('session cookie twice');

  // Not the planted session's tenant, nor the user's own: the dashboard asks to connect again.
  await expect(page).toHaveURL(/\/connect$/);
  // …and says why, in the server's own words.
  await expect(page.getByRole('alert')).toContainText(
    'Your session was ended because your browser sent the session cookie twice',
  );
  await expect(page.getByRole('alert')).toContainText('Connect again.');
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue('');
  await expect(dataRows(page)).toHaveCount(0);
  const left = (await context.cookies(stack.baseURL)).filter((c) => c.name.endsWith('idc_session'));
  expect(left, 'every session cookie was cleared').toEqual([]);
});
