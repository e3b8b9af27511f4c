// Nothing secret reaches the browser or the server's log. The main journeys run against the built app and the
// standalone server, in front of a sandbox that holds recognisable secrets: a configuration client whose secret is
// a canary, the login policies' connectionDetails.clientSecret values, and every access token the sandbox issues.
// Everything the browser receives or keeps is captured and searched for them (and their usual encodings).
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { waitForInventory, clientsGrid } from './support/clients.ts';
import { connectWithForm } from './support/connect.ts';
import { startStack, type Stack } from './support/stack.ts';
import {
  captureBrowserState,
  pageHeapText,
  scanForSecrets,
  secretVariants,
  startCapture,
} from './support/leak-capture.ts';

let stack: Stack;
const canary = {
  clientId: 'leak-canary-configuration-client',
  clientSecret: `LEAKCANARY-secret-${randomBytes(18).toString('base64url')}`,
};

test.beforeAll(async () => {
  stack = await startStack({ sandbox: { clients: 40 }, defaultConnection: false });
  stack.sandbox.addConfigurationClient({ ...canary, scope: '*:config/**' });
});
test.afterAll(async () => stack.close());

async function openFirstLink(page: Page, tabName: string): Promise<void> {
  await page.getByRole('tab', { name: tabName }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('no secret or token appears in anything the browser receives or keeps, nor in the server log', async ({
  page,
}) => {
  test.setTimeout(120_000); // a heap snapshot and seven storage snapshots
  const capture = await startCapture(page);
  const snapshots: string[] = [];
  const snapshot = async (step: string) => {
    snapshots.push(`--- ${step}\n${await captureBrowserState(page)}`);
  };

  // Connect through the form with the canary credentials.
  await connectWithForm(
    page,
    {
      identityDomain: stack.sandbox.identityDomain,
      customerId: stack.sandbox.customerId,
      clientId: canary.clientId,
      clientSecret: canary.clientSecret,
    },
    stack.baseURL,
  );
  await snapshot('after connecting');

  // The clients list, with the whole inventory streamed.
  await waitForInventory(page);
  await snapshot('clients list');
  // Once the connect page is gone, the typed secret is gone from the page's memory too (react-query keeps a
  // mutation's variables for five minutes unless the mutation is removed).
  const heap = await pageHeapText(page);
  expect(heap.length, 'a heap snapshot was taken').toBeGreaterThan(1_000_000);
  expect(heap.includes(canary.clientSecret), 'the canary secret is still in the page’s heap').toBe(false);

  // A confidential client's page, raw JSON opened.
  await clientsGrid(page).getByRole('link', { name: 'Akamai Documentation Login Client' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Akamai Documentation Login Client' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Raw JSON' }).click();
  await expect(page.getByRole('region', { name: 'Raw JSON' })).toContainText('"redirectURIs"');
  await snapshot('client page');

  // The policies: both tabs and one policy of each kind, raw JSON opened (a login policy holds a secret upstream).
  await page.getByRole('link', { name: 'Policies', exact: true }).click();
  await openFirstLink(page, 'Login policies');
  await page.getByRole('button', { name: 'Raw JSON' }).click();
  await expect(page.getByRole('region', { name: 'Raw JSON' })).toContainText('[redacted]');
  await snapshot('login policy page');
  await page.getByRole('link', { name: 'Policies', exact: true }).click();
  await openFirstLink(page, 'Token policies');
  await snapshot('token policy page');

  // The connection page, then disconnect.
  await page.getByRole('link', { name: 'Connection', exact: true }).click();
  await snapshot('connection page');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page).toHaveURL(/\/connect$/);
  await snapshot('after disconnecting');

  const traffic = await capture.finish();

  // The values searched for: the canary secret, every login policy's clientSecret, every token the sandbox issued.
  const tokens = stack.sandbox.issuedAccessTokens();
  expect(tokens.length, 'the journey exchanged at least one token').toBeGreaterThan(0);
  const policySecrets = stack.sandbox.data.loginPolicies.map(
    (policy) => policy.identityStoreDetails.connectionDetails.clientSecret,
  );
  expect(policySecrets.length).toBeGreaterThan(0);
  const secrets = [
    ...secretVariants('canary client secret', canary.clientSecret, canary.clientId),
    ...policySecrets.flatMap((secret, index) => secretVariants(`login policy ${index} clientSecret`, secret)),
    ...tokens.flatMap((token, index) => secretVariants(`access token ${index}`, token)),
  ];

  const haystacks = [
    ...traffic.haystacks,
    ...snapshots.map((text, index) => ({ where: `browser state snapshot ${index}`, text })),
    { where: 'server log (stdout and stderr)', text: stack.output() },
  ];
  const found = scanForSecrets(haystacks, secrets);
  const bytes = haystacks.reduce((sum, haystack) => sum + Buffer.byteLength(haystack.text), 0);
  console.log(
    `leak scan: ${(heap.length / 1e6).toFixed(1)} MB heap snapshot after connecting, ${traffic.responses} responses (${traffic.responseBodyBytes} body bytes), ${traffic.requests} request URLs and headers, ${traffic.consoleMessages} console messages, ${snapshots.length} snapshots of storage, cookies, IndexedDB, caches and DOM, ${Buffer.byteLength(stack.output())} bytes of server log: ${bytes} bytes searched for ${secrets.length} values (${tokens.length} tokens, ${policySecrets.length} policy secrets, the canary secret; raw, URL-encoded and base64) — ${found.length} found`,
  );
  expect(found).toEqual([]);
  expect(traffic.unreadBodies, 'responses the scan could not read').toEqual([]);

  // The scan is not blind: it saw the redacted policy, the streamed inventory, storage and the log.
  const all = haystacks.map((haystack) => haystack.text).join('\n');
  const sawIt = (needle: string) => all.includes(needle);
  expect(/"clientSecret":\s*"\[redacted\]"/.test(all), 'a redacted login policy was scanned').toBe(true);
  expect(sawIt('"kind":"done"'), 'the streamed inventory was scanned').toBe(true);
  expect(sawIt(`"localStorage":[["`), 'localStorage was scanned').toBe(true);
  expect(sawIt(canary.clientId), 'the connection facts were scanned').toBe(true);
  await expect.poll(() => stack.output()).toMatch(/GET \/api\/inventory 200/);
  // The session cookie never reaches JavaScript.
  const cookies = await page.context().cookies();
  expect(cookies.filter((cookie) => cookie.name === '__Host-idc_session' && !cookie.httpOnly)).toEqual([]);
  expect(traffic.sessionCookieSetHttpOnly).toBe(true);
});
