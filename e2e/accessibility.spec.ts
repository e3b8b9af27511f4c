import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, saveScreenshot } from './support/accessibility.ts';
import { waitForInventory } from './support/clients.ts';

// The default web server: the embedded sandbox as the server's connection.
test.use({ viewport: { width: 1440, height: 900 } });

interface PageUnderTest {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}

async function idsFrom(page: Page) {
  const clients = (await (await page.request.get('/api/config/clients')).json()) as {
    _embedded: { clients: { id: string; name: string }[] };
  };
  const client = clients._embedded.clients.find((item) => item.name === 'Akamai Documentation Login Client');
  const detail = (await (await page.request.get(`/api/config/clients/${client?.id ?? ''}`)).json()) as {
    id: string;
    loginPolicy: string;
    tokenPolicy: string;
  };
  return detail;
}

function heading(name: string | RegExp) {
  return async (page: Page) => {
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  };
}

for (const theme of ['light', 'dark'] as const) {
  test(`every page passes axe in the ${theme} theme (screenshots saved)`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const client = await idsFrom(page);
    const pages: PageUnderTest[] = [
      {
        name: 'clients',
        path: '/clients',
        ready: async () => {
          await waitForInventory(page);
        },
      },
      { name: 'client', path: `/clients/${client.id}`, ready: heading('Akamai Documentation Login Client') },
      { name: 'connect', path: '/connect', ready: heading('Connection') },
      {
        name: 'policies-login',
        path: '/policies',
        ready: async () => {
          await expect(page.getByRole('table', { name: 'Login policies' })).toBeVisible();
        },
      },
      {
        name: 'policies-token',
        path: '/policies?tab=token',
        ready: async () => {
          await expect(page.getByRole('table', { name: 'Token policies' })).toBeVisible();
        },
      },
      {
        name: 'login-policy',
        path: `/policies/login/${client.loginPolicy}`,
        ready: async () => {
          await expect(page.getByRole('table', { name: 'Clients using this policy' })).toBeVisible();
        },
      },
      {
        name: 'token-policy',
        path: `/policies/token/${client.tokenPolicy}`,
        ready: async () => {
          await expect(page.getByRole('table', { name: 'Clients using this policy' })).toBeVisible();
        },
      },
      { name: 'client-not-found', path: '/clients/no-such-client', ready: heading('Client not found') },
      { name: 'page-not-found', path: '/no/such/page', ready: heading('Page not found') },
    ];
    for (const target of pages) {
      await page.goto(target.path);
      await target.ready(page);
      await expectNoAxeViolations(page, `${target.name} (${theme})`);
      await saveScreenshot(page, testInfo, `${target.name}-${theme}`);
    }
  });
}
