import { expect, test } from '@playwright/test';
import { fillConnectForm } from './support/connect.ts';
import { stackForFile } from './support/stack.ts';

const stack = stackForFile({ sandbox: { clients: 5 }, defaultConnection: false });

test('a refused secret shows one alert in plain words and keeps every value', async ({ page }) => {
  const typed = {
    identityDomain: stack.sandbox.identityDomain,
    customerId: stack.sandbox.customerId,
    clientId: stack.sandbox.clientId,
    clientSecret: 'definitely-not-the-secret',
  };
  await page.goto(`${stack.baseURL}/connect`);
  await fillConnectForm(page, typed);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Identity Cloud refused these credentials');
  await expect(alert).toHaveCount(1);
  await expect(page).toHaveURL(/\/connect$/);
  await expect(page.getByLabel('Identity domain', { exact: true })).toHaveValue(typed.identityDomain);
  await expect(page.getByLabel('Customer ID', { exact: true })).toHaveValue(typed.customerId);
  await expect(page.getByLabel('Client ID', { exact: true })).toHaveValue(typed.clientId);
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue(typed.clientSecret);
  // The secret is hidden until asked for.
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show secret' }).click();
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveAttribute('type', 'text');

  // Correcting the one wrong field is enough.
  await page.getByLabel('Client secret', { exact: true }).fill(stack.sandbox.clientSecret);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByText('5 clients', { exact: true })).toBeVisible();
});

test('an unreachable identity domain says so', async ({ page }) => {
  await page.goto(`${stack.baseURL}/connect`);
  // A loopback port where nothing listens (the sandbox's port, once closed, is not reused this quickly).
  await fillConnectForm(page, {
    identityDomain: 'http://127.0.0.1:9',
    customerId: stack.sandbox.customerId,
    clientId: stack.sandbox.clientId,
    clientSecret: stack.sandbox.clientSecret,
  });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Identity Cloud could not be reached');
  await expect(page.getByLabel('Client secret', { exact: true })).toHaveValue(stack.sandbox.clientSecret);
});
