import { expect, test } from '@playwright/test';
import { connectWithForm, fillConnectForm } from './support/connect.ts';
import { clientsGrid, waitForInventory } from './support/clients.ts';
import { goThroughAppBar } from './support/navigation.ts';
import { stackForFile } from './support/stack.ts';

// A tenant of our own: another customer and configuration client than the sandbox's documented defaults.
const customer = {
  customerId: '0b7a3c2e-5d14-4e8f-9a6b-1c2d3e4f5a6b',
  clientId: 'inventory-reader',
  clientSecret: 'e2e-secret-Hq8Zr2Lm5Tx9Vb3Nc',
};

const stack = stackForFile({ sandbox: { clients: 12, ...customer }, defaultConnection: false });

test('without a connection any page leads to /connect; the form connects and opens the inventory', async ({
  page,
}) => {
  await page.goto(`${stack.baseURL}/clients?kind=public`);
  await expect(page).toHaveURL(/\/connect$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Connect to a tenant' })).toBeVisible();

  await page.goto(`${stack.baseURL}/connect`);
  await connectWithForm(page, { identityDomain: stack.sandbox.identityDomain, ...customer }, stack.baseURL);
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await waitForInventory(page);
  await expect(page.getByText('12 clients', { exact: true })).toBeVisible();
  await expect(clientsGrid(page)).toContainText('Default configuration client');

  // The app bar names the tenant; the connection page shows where the connection came from.
  await expect(page.getByRole('button', { name: /^Connected tenant: Customer 0b7a3c2e-/ })).toBeVisible();
  await goThroughAppBar(page, 'Connection');
  const current = page.getByRole('region', { name: /Current connection/ });
  await expect(current).toContainText(customer.customerId);
  await expect(current).toContainText(customer.clientId);
  await expect(current).toContainText('Connected with the form');
  await expect(current.getByRole('button', { name: 'Disconnect' })).toBeVisible();
});

test('the browser remembers the ids of a connection, never its secret', async ({ page }) => {
  await connectWithForm(page, { identityDomain: stack.sandbox.identityDomain, ...customer }, stack.baseURL);
  await page.goto(`${stack.baseURL}/connect`);
  await expect(page.getByLabel('Identity domain', { exact: true })).toHaveValue(stack.sandbox.identityDomain);
  await expect(page.getByLabel('Customer ID', { exact: true })).toHaveValue(customer.customerId);
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue(customer.clientId);
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue('');
  // (A string expression: the e2e project has no DOM types.)
  const stored = String(await page.evaluate('JSON.stringify({ ...localStorage, ...sessionStorage })'));
  expect(stored).toContain(customer.clientId);
  expect(stored).not.toContain(customer.clientSecret);
  expect(page.url()).not.toContain(customer.clientSecret);
});

test('invalid fields are explained under each field and nothing is sent', async ({ page }) => {
  await page.goto(`${stack.baseURL}/connect`);
  const sessionPosts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/session'))
      sessionPosts.push(request.url());
  });
  await fillConnectForm(page, {
    identityDomain: 'http://identity.example.com',
    customerId: 'not-a-uuid',
    clientId: ' ',
    clientSecret: '',
  });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText('The identity domain must use https://.', { exact: false })).toBeVisible();
  await expect(page.getByText('The customer ID is a UUID', { exact: false })).toBeVisible();
  await expect(page.getByText('Enter the configuration client’s ID.')).toBeVisible();
  await expect(page.getByText('Enter the configuration client’s secret.')).toBeVisible();
  await expect(page.getByLabel('Identity domain', { exact: true })).toBeFocused();
  expect(sessionPosts).toEqual([]);
});
