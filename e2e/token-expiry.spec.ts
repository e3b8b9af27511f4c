import { expect, test } from '@playwright/test';
import { waitForInventory } from './support/clients.ts';
import { stackForFile } from './support/stack.ts';

const stack = stackForFile({ sandbox: { clients: 25 }, defaultConnection: true });

test('a token that stops working mid-session is renewed without the person noticing', async ({ page }) => {
  await page.goto(`${stack.baseURL}/clients`);
  await waitForInventory(page);
  await expect(page.getByText('25 clients', { exact: true })).toBeVisible();
  const exchangesBefore = stack.sandbox.stats().tokenExchanges;

  // Every token issued so far now answers 403, as an expired one does.
  stack.sandbox.revokeTokens();

  await page.getByRole('button', { name: 'Refresh' }).click();
  await waitForInventory(page);
  await expect(page.getByText('25 clients', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Policies', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Login policies' })).toBeVisible();
  await page.getByRole('tab', { name: 'Token policies' }).click();
  await expect(page.getByRole('table', { name: 'Token policies' })).toBeVisible();

  await expect(page.getByText(/Not connected|Could not load|Not permitted|could not be loaded/)).toHaveCount(
    0,
  );
  await expect(page).toHaveURL(/\/policies\?tab=token$/);
  expect(stack.sandbox.stats().tokenExchanges).toBeGreaterThan(exchangesBefore);
});
