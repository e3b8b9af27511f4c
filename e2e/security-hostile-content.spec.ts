// Names and redirect URIs are attacker-controlled text (anyone who may register a client chooses them): they must
// be shown literally, never run. The sandbox's tenant holds a client named `<script>alert("sandbox")</script> …`
// and redirect URIs such as `javascript:alert(document.cookie)` and `data:`; this test adds a client whose id and
// name carry an <img onerror> payload. No dialog may open, and the text must be visible as typed.
import { expect, test, type Dialog } from '@playwright/test';
import { clientsGrid, rowByName, searchBox, waitForInventory } from './support/clients.ts';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
const imgPayload = '<img src=x onerror=alert(document.domain)>';

test.beforeAll(async () => {
  stack = await startStack({ sandbox: { clients: 60 }, defaultConnection: true });
  // Its id is not a plain identifier, so the proxy never requests it: the row shows the name from the list only.
  stack.sandbox.addConfigurationClient({
    clientId: imgPayload,
    clientSecret: 'irrelevant-secret',
    scope: 'GET:config/clients',
  });
});
test.afterAll(async () => stack.close());

test('client names and redirect URIs with HTML and script are shown as text, and nothing runs', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog: Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const scriptClientId = stack.sandbox.data.special.clients.scriptName;
  const javascriptClientId = stack.sandbox.data.special.clients.javascriptRedirect;
  const scriptClient = stack.sandbox.data.clients.find((client) => client.id === scriptClientId);
  const javascriptClient = stack.sandbox.data.clients.find((client) => client.id === javascriptClientId);
  if (scriptClient === undefined || javascriptClient === undefined)
    throw new Error('special clients missing');
  expect(scriptClient.name).toContain('<script>');

  // The list: the names as typed, as text.
  await page.goto(`${stack.baseURL}/clients`);
  await waitForInventory(page);
  await searchBox(page).fill('<script>');
  await expect(rowByName(page, scriptClient.name)).toBeVisible();
  await searchBox(page).fill('onerror');
  await expect(
    clientsGrid(page).getByText(`Configuration client ${imgPayload}`, { exact: true }),
  ).toBeVisible();

  // The client's page: heading, title and raw JSON keep the markup as text.
  await searchBox(page).fill('<script>');
  await clientsGrid(page).getByRole('link', { name: scriptClient.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: scriptClient.name, exact: true })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${scriptClient.name.replace(/[()[\]{}.*+?^$|\\/]/g, '\\$&')}`));
  await page.getByRole('button', { name: 'Raw JSON' }).click();
  await expect(page.getByRole('region', { name: 'Raw JSON' })).toContainText(
    '<script>alert(\\"sandbox\\")</script>',
  );
  // The names the server wrote into /clients are a data block (application/json), which never runs.
  expect(
    await page.locator('script:not([src]):not([type="application/json"])').count(),
    'no inline script element in the page',
  ).toBe(0);

  // A javascript: redirect URI is text, never a link that would run it.
  await page.goto(`${stack.baseURL}/clients/${encodeURIComponent(javascriptClient.id)}`);
  const redirects = page.getByRole('list', { name: 'Redirect URIs' });
  await expect(redirects).toContainText('javascript:alert(document.cookie)');
  expect(
    await page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]').count(),
  ).toBe(0);

  // The findings page quotes the dangerous URI as text beside a link to its client.
  await page.goto(`${stack.baseURL}/findings`);
  const match = page.getByRole('listitem').filter({ hasText: 'javascript:alert(document.cookie)' }).first();
  await expect(match).toBeVisible({ timeout: 30_000 });
  await expect(match.getByRole('link', { name: javascriptClient.name, exact: true })).toBeVisible();
  expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);

  expect(dialogs, 'no dialog opened').toEqual([]);
});

test('a hostile name in the names the server writes into the HTML of /clients is text there too', async ({
  browser,
}) => {
  const target = stack.sandbox.data.clients[3];
  if (target === undefined) throw new Error('too few clients');
  const original = target.name;
  const hostile = `Renamed ${imgPayload}`;
  stack.sandbox.admin.renameClient(target.id, hostile);
  try {
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog: Dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${stack.baseURL}/clients`);
      // Generous: with JavaScript, the first load parses the app on a busy machine.
      await expect(page.getByRole('link', { name: hostile, exact: true })).toBeVisible({ timeout: 20_000 });
      expect(await page.locator('img[src="x"]').count(), 'no element made of the name').toBe(0);
      expect(dialogs, 'no dialog opened').toEqual([]);
      await context.close();
    }
  } finally {
    stack.sandbox.admin.renameClient(target.id, original);
  }
});
