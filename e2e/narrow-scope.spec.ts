import { expect, test } from '@playwright/test';
import { fillConnectForm } from './support/connect.ts';
import { clientsGrid, searchBox, waitForInventory } from './support/clients.ts';
import { stackForFile } from './support/stack.ts';

// A configuration client allowed to read clients, and nothing else.
const narrow = {
  clientId: 'clients-only-reader',
  clientSecret: 'narrow-secret-Vq3Lx8Tz1Mb6Nc',
  scope: 'GET:config/clients/**',
};

const stack = stackForFile({ sandbox: { clients: 20 }, defaultConnection: false }, (started) => {
  started.sandbox.addConfigurationClient(narrow);
});

test('a token limited to clients still shows every client, and explains what it may not read', async ({
  page,
}) => {
  await page.goto(`${stack.baseURL}/connect`);
  await fillConnectForm(page, {
    identityDomain: stack.sandbox.identityDomain,
    customerId: stack.sandbox.customerId,
    clientId: narrow.clientId,
    clientSecret: narrow.clientSecret,
  });
  await page.getByRole('button', { name: 'Choose scope' }).click();
  await page.getByLabel('Scope', { exact: true }).fill(narrow.scope);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page).toHaveURL(/\/clients$/);

  await waitForInventory(page);
  // The 20 seeded clients and the narrow configuration client itself.
  await expect(page.getByText('21 clients', { exact: true })).toBeVisible();
  await expect(page.getByText('Not permitted to read the login and token policies')).toBeVisible();
  await expect(
    page.getByText('The clients below are complete; only their policy titles are missing.'),
  ).toBeVisible();
  await expect(clientsGrid(page).getByText('Title unavailable').first()).toBeVisible();
  await expect(clientsGrid(page).getByText(/^Failed/)).toHaveCount(0);

  // A client's page shows the client, and says why its policies are missing.
  await searchBox(page).fill('Akamai Documentation');
  await clientsGrid(page).getByRole('link', { name: 'Akamai Documentation Login Client' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Akamai Documentation Login Client' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Login policy' })).toContainText(
    'Not permitted to read this login policy',
  );
  await expect(page.getByRole('region', { name: 'Token policy' })).toContainText(
    'Not permitted to read this token policy',
  );
  await expect(page.getByRole('list', { name: 'Redirect URIs' })).toBeVisible();

  // The policies page explains too, rather than failing blank.
  await page.getByRole('link', { name: 'Policies', exact: true }).click();
  await expect(page.getByText('Not permitted to read the list of login policies')).toBeVisible();
});
