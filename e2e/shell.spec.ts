import { expect, test } from '@playwright/test';

test('the shell renders and the navigation reaches every section', async ({ page }) => {
  await page.goto('/policies');
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Client Inventory');
  await expect(page.getByRole('heading', { level: 1, name: 'Policies' })).toBeVisible();

  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
  await expect(page).toHaveTitle(/^Clients · Client Inventory/);

  await page.getByRole('link', { name: 'Connection', exact: true }).click();
  await expect(page).toHaveURL(/\/connect$/);
});

test('an unknown address shows the not-found page inside the shell', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the clients' }).click();
  await expect(page).toHaveURL(/\/clients$/);
});
