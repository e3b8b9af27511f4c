import { expect, test } from '@playwright/test';
import { connectWithForm } from './support/connect.ts';
import { waitForInventory } from './support/clients.ts';
import { stackForFile } from './support/stack.ts';
import { connectionOf } from '../src/test-support/node/sandbox-connection.ts';

const stack = stackForFile({ sandbox: { clients: 8 }, defaultConnection: false });

test('disconnect forgets the connection and returns to /connect', async ({ page }) => {
  await connectWithForm(page, connectionOf(stack.sandbox), stack.baseURL);
  await waitForInventory(page);

  await page.getByRole('link', { name: 'Connection', exact: true }).click();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page).toHaveURL(/\/connect$/);
  await expect(page.getByText('Disconnected.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Connect to a tenant' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Connected tenant/ })).toHaveCount(0);

  // The proxy forgot it too: the API refuses, and every page leads back here.
  expect((await page.request.get(`${stack.baseURL}/api/session`)).status()).toBe(401);
  await page.goto(`${stack.baseURL}/clients`);
  await expect(page).toHaveURL(/\/connect$/);
});
