// Behind an authenticating reverse proxy (AUTH_MODE=proxy): the person named by the proxy's header, believed only
// from the proxy's address. The browser here talks to the dashboard from 127.0.0.1, standing in for the proxy.
import { expect, test } from '@playwright/test';
import { startStack, type Stack } from './support/stack.ts';

const proxyEnv = (trusted: string) => ({
  AUTH_MODE: 'proxy',
  AUTH_PROXY_USER_HEADER: 'X-Forwarded-Email',
  AUTH_TRUSTED_PROXIES: trusted,
  AUTH_PROXY_SIGN_OUT_URL: '/oauth2/sign_out',
});

test.describe('behind a trusted proxy', () => {
  let stack: Stack;
  test.beforeAll(async () => {
    stack = await startStack({ defaultConnection: true, env: proxyEnv('127.0.0.1/32') });
  });
  test.afterAll(async () => {
    await stack.close();
  });
  test.use({ extraHTTPHeaders: { 'X-Forwarded-Email': 'alice@example.com' } });

  test('the app bar shows the person the proxy named, and the tenant is served', async ({ page }) => {
    await page.goto(`${stack.baseURL}/`);
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(
      'Signed in as alice@example.com',
    );
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  });
});

test('from an address the dashboard does not trust, the header is ignored and the page refused', async ({
  browser,
}) => {
  // The browser's socket address, 127.0.0.1, is outside this list.
  const stack = await startStack({ defaultConnection: true, env: proxyEnv('10.0.0.0/8') });
  const context = await browser.newContext({
    extraHTTPHeaders: { 'X-Forwarded-Email': 'alice@example.com' },
  });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${stack.baseURL}/`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not through the proxy' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(
      'accepts requests only through its authenticating proxy',
    );
    expect((await page.request.get(`${stack.baseURL}/api/inventory`)).status()).toBe(403);
  } finally {
    await context.close();
    await stack.close();
  }
});
