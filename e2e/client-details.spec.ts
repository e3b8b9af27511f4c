import { expect, test } from '@playwright/test';
import { clientsGrid, kindButton, searchBox, waitForInventory } from './support/clients.ts';

test('a client’s page shows its kind, redirect URIs and both policies, and the back link keeps the filters', async ({
  page,
}) => {
  await page.goto('/clients');
  await waitForInventory(page);
  await searchBox(page).fill('documentation');
  await kindButton(page, 'Confidential').click();
  await expect(page).toHaveURL(/\?q=documentation&kind=confidential$/);

  // Opening a client needs no request: the inventory stream seeded its details.
  const clientRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/config/clients/')) clientRequests.push(request.url());
  });
  await clientsGrid(page).getByRole('link', { name: 'Akamai Documentation Login Client' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Akamai Documentation Login Client' }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/^Akamai Documentation Login Client · Client Inventory/);
  await expect(page.getByText('Server-side app with a secret', { exact: false })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Redirect URIs' })).toContainText(
    'https://techdocs.example.com/oauth/callback',
  );

  const loginPolicy = page.getByRole('region', { name: 'Login policy' });
  await expect(loginPolicy.getByRole('link').first()).toBeVisible();
  await expect(loginPolicy).toContainText('Login URL');
  const tokenPolicy = page.getByRole('region', { name: 'Token policy' });
  await expect(tokenPolicy).toContainText('Access token lifetime');
  await expect(tokenPolicy).toContainText(/\d+ (minute|hour|day)s?/);
  expect(clientRequests).toEqual([]);

  // The raw JSON is there, collapsed, and never carries a secret.
  await page.getByRole('button', { name: 'Raw JSON' }).click();
  await expect(page.getByRole('region', { name: 'Raw JSON' })).toContainText('"redirectURIs"');

  await page.getByRole('link', { name: 'Back to clients' }).click();
  await expect(page).toHaveURL(/\/clients\?q=documentation&kind=confidential$/);
  await expect(searchBox(page)).toHaveValue('documentation');

  // The token policy link leads to the policy, which lists the clients using it.
  await page.goBack();
  await tokenPolicy.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/policies\/token\//);
  await expect(
    page.getByRole('heading', { level: 2, name: /^Clients using it: \d+ clients?$/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Clients using this policy' })).toContainText(
    'Akamai Documentation Login Client',
  );
});

test('an unknown client id shows a not-found view inside the app', async ({ page }) => {
  await page.goto('/clients/00000000-0000-4000-8000-000000000000');
  // The heading waits for two answers (the tenant's 404, then the history's), like every first paint here.
  await expect(page.getByRole('heading', { level: 1, name: 'Client not found' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the clients' }).click();
  await expect(page).toHaveURL(/\/clients$/);
});
