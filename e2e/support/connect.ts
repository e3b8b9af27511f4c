import { expect, type Page } from '@playwright/test';

export interface FormCredentials {
  identityDomain: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
}

/** Fills the connect form by its labels (the accessible names are part of the contract) and submits it. */
export async function fillConnectForm(page: Page, credentials: FormCredentials): Promise<void> {
  await page.getByLabel('Identity domain', { exact: true }).fill(credentials.identityDomain);
  // Close the suggestions so they cannot cover the next field.
  await page.keyboard.press('Escape');
  await page.getByLabel('Customer ID', { exact: true }).fill(credentials.customerId);
  await page.getByLabel('Client ID', { exact: true }).fill(credentials.clientId);
  await page.getByLabel('Client secret', { exact: true }).fill(credentials.clientSecret);
}

/** Opens /connect (of `baseURL`, or the configured base), fills the form, submits, and lands on /clients. */
export async function connectWithForm(page: Page, credentials: FormCredentials, baseURL = ''): Promise<void> {
  await page.goto(`${baseURL}/connect`);
  await fillConnectForm(page, credentials);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page).toHaveURL(/\/clients$/);
}
