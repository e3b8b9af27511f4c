import { expect, test } from '@playwright/test';
import { kindButton, waitForInventory } from './support/clients.ts';
import { startStack } from './support/stack.ts';

test('the overview counts clients by kind and policy and findings by severity, each linking to its list', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await expect(page).toHaveTitle(/^Overview · Client Inventory/);
  await expect(page.getByText(/60 clients, 17 findings\./)).toBeVisible({ timeout: 30_000 });

  // The numbers are text, for everyone; the charts draw the same (hidden from assistive technology).
  const kinds = page.getByRole('list', { name: 'Clients by kind' });
  await expect(kinds.getByRole('listitem')).toHaveText([
    /^Public\s*34$/,
    /^Confidential\s*24$/,
    /^Configuration\s*2$/,
  ]);
  await expect(page.getByRole('list', { name: 'Findings by severity' }).getByRole('listitem')).toHaveText([
    /^Critical\s*2$/,
    /^High\s*4$/,
    /^Medium\s*4$/,
    /^Low\s*5$/,
    /^Info\s*2$/,
  ]);
  await expect(page.getByRole('list', { name: 'Clients by login policy' })).toContainText('Missing policy');
  await expect(page.locator('.MuiChartsSurface-root').first()).toBeVisible({ timeout: 30_000 });

  await kinds.getByRole('link', { name: 'Confidential' }).click();
  await expect(page).toHaveURL(/\/clients\?kind=confidential$/);
  await waitForInventory(page);
  await expect(kindButton(page, 'Confidential')).toHaveAttribute('aria-pressed', 'true');

  await page.goBack();
  await page.getByRole('list', { name: 'Findings by severity' }).getByRole('link', { name: 'High' }).click();
  await expect(page).toHaveURL(/\/findings\?severity=high$/);

  await page.goBack();
  const loginPolicies = page.getByRole('list', { name: 'Clients by login policy' });
  await loginPolicies.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/policies\/login\//);
});

test('without a connection, / leads to the connect page', async ({ page }) => {
  const stack = await startStack({ defaultConnection: false, sandbox: { clients: 3 } });
  try {
    await page.goto(`${stack.baseURL}/`);
    await expect(page).toHaveURL(/\/connect$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Connection' })).toBeVisible();
  } finally {
    await stack.close();
  }
});
