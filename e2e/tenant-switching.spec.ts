import { expect, test } from '@playwright/test';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { fillConnectForm } from './support/connect.ts';
import { startStack } from './support/stack.ts';

const devCustomer = '0d000000-0000-4000-8000-000000000001';
const prodCustomer = '0e000000-0000-4000-8000-000000000002';

test('saved tenants: switch from the app bar, asked for the secret again, never storing it', async ({
  page,
}) => {
  const stack = await startStack({
    defaultConnection: false,
    sandbox: { clients: 6, seed: 3, customerId: devCustomer },
  });
  const prod = await startSandbox({
    quiet: true,
    clients: 9,
    seed: 4,
    customerId: prodCustomer,
    clientSecret: 'prod-secret-0123456789abcdefghij',
  });
  const dev = stack.sandbox;
  try {
    // Connect to both, naming them.
    for (const [tenant, label] of [
      [dev, 'Dev'],
      [prod, 'Prod'],
    ] as const) {
      await page.goto(`${stack.baseURL}/connect`);
      await fillConnectForm(page, tenant);
      await page.getByLabel('Label (optional)').fill(label);
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await expect(page).toHaveURL(/\/clients$/);
    }
    await expect(page.getByText('9 clients', { exact: true })).toBeVisible();

    // The app bar names the tenant and offers the other one.
    const tenantButton = page.getByRole('button', { name: /^Connected tenant: Customer 0e000000-/ });
    await expect(tenantButton).toHaveText('Prod');
    await tenantButton.click();
    await page.getByRole('menuitem', { name: /^Switch to Dev/ }).click();

    // The proxy no longer holds Dev's secret: the form is prefilled with Dev's ids and asks for it.
    await expect(page).toHaveURL(/\/connect$/);
    await expect(
      page.getByText('To switch to Dev, enter its client secret.', { exact: false }),
    ).toBeVisible();
    await expect(page.getByLabel('Identity domain', { exact: true })).toHaveValue(dev.identityDomain);
    await expect(page.getByLabel('Customer ID', { exact: true })).toHaveValue(devCustomer);
    await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue(dev.clientId);
    const secret = page.getByLabel('Client secret', { exact: true });
    await expect(secret).toHaveValue('');
    await expect(secret).toBeFocused();
    await secret.fill(dev.clientSecret);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();

    await expect(page).toHaveURL(/\/clients$/);
    await expect(page.getByText('6 clients', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Connected tenant: Customer 0d000000-/ })).toHaveText(
      'Dev',
    );

    // The browser remembers labels and ids only.
    const stored = JSON.stringify((await page.context().storageState()).origins);
    expect(stored).toContain('Prod');
    expect(stored).toContain(devCustomer);
    expect(stored).not.toContain(dev.clientSecret);
    expect(stored).not.toContain(prod.clientSecret);
  } finally {
    await prod.close();
    await stack.close();
  }
});
