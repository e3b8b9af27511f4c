import { expect, test, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  saveScreenshot,
} from './support/accessibility.ts';
import { waitForInventory } from './support/clients.ts';

// The default web server: the embedded sandbox as the server's connection. Every page, in each theme, scanned by
// axe (all violations reported at once), checked for horizontal overflow and photographed
// (test-results/screenshots/<page>-<theme>[-mobile].png). The desktop project draws a wide window; the mobile
// project keeps its phone-sized one.
const desktopViewport = { width: 1440, height: 900 };

interface Ids {
  clientId: string;
  loginPolicy: string;
  tokenPolicy: string;
}

async function documentationClient(page: Page): Promise<Ids> {
  const list = (await (await page.request.get('/api/config/clients')).json()) as {
    _embedded: { clients: { id: string; name: string }[] };
  };
  const summary = list._embedded.clients.find((item) => item.name === 'Akamai Documentation Login Client');
  const client = (await (await page.request.get(`/api/config/clients/${summary?.id ?? ''}`)).json()) as {
    id: string;
    loginPolicy: string;
    tokenPolicy: string;
  };
  return { clientId: client.id, loginPolicy: client.loginPolicy, tokenPolicy: client.tokenPolicy };
}

// The app's heading: the server's picture of a page has the same one, and shows until the app has drawn its own.
function heading(name: string) {
  return async (page: Page) => {
    await expect(page.locator('#root').getByRole('heading', { level: 1, name })).toBeVisible({
      timeout: 20_000,
    });
  };
}

function table(name: string) {
  return async (page: Page) => {
    await expect(page.getByRole('table', { name })).toBeVisible({ timeout: 20_000 });
  };
}

const pages: { name: string; path: (ids: Ids) => string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'clients', path: () => '/clients', ready: waitForInventory },
  {
    name: 'clients-filtered',
    path: () => '/clients?q=akamai&kind=public&sort=name:desc',
    ready: waitForInventory,
  },
  {
    name: 'client',
    path: (ids) => `/clients/${ids.clientId}`,
    ready: heading('Akamai Documentation Login Client'),
  },
  { name: 'connect', path: () => '/connect', ready: heading('Connection') },
  { name: 'policies-login', path: () => '/policies', ready: table('Login policies') },
  { name: 'policies-token', path: () => '/policies?tab=token', ready: table('Token policies') },
  {
    name: 'login-policy',
    path: (ids) => `/policies/login/${ids.loginPolicy}`,
    ready: table('Clients using this policy'),
  },
  {
    name: 'token-policy',
    path: (ids) => `/policies/token/${ids.tokenPolicy}`,
    ready: table('Clients using this policy'),
  },
  {
    name: 'overview',
    path: () => '/',
    ready: async (page) => {
      await heading('Overview')(page);
      // The charts' own chunk, drawn: the scan covers them and the screenshot shows them.
      await expect(page.locator('.MuiChartsSurface-root')).toHaveCount(4, { timeout: 20_000 });
    },
  },
  {
    name: 'findings',
    path: () => '/findings',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 2, name: /critical finding/ })).toBeVisible({
        timeout: 20_000,
      });
    },
  },
  { name: 'drift', path: () => '/drift', ready: heading('Drift') },
  {
    name: 'drift-compared',
    path: () => '/drift',
    ready: async (page) => {
      const keep = page.getByRole('button', { name: 'Keep this inventory as the base' });
      await expect(keep).toBeEnabled({ timeout: 20_000 });
      await keep.click();
      await expect(page.getByText(/^No differences/)).toBeVisible();
    },
  },
  { name: 'history', path: () => '/history', ready: heading('History') },
  {
    name: 'migration',
    path: () => '/migration?target=pingone',
    ready: async (page) => {
      await expect(page.getByText(/^\d+ clients for PingOne/)).toBeVisible({ timeout: 20_000 });
    },
  },
  {
    name: 'activity',
    path: () => '/activity',
    ready: async (page) => {
      await heading('Activity')(page);
      // Rows when an earlier page's inventory was kept in the history; the empty state when this runs alone.
      await expect(
        page.getByRole('table', { name: 'Activity' }).or(page.getByText('Nothing recorded yet.')),
      ).toBeVisible({ timeout: 20_000 });
    },
  },
  {
    name: 'activity-empty',
    path: () => '/activity?kind=sign-out',
    ready: async (page) => {
      await expect(page.getByText('Nothing recorded for this filter.')).toBeVisible({ timeout: 20_000 });
    },
  },
  { name: 'client-not-found', path: () => '/clients/no-such-client', ready: heading('Client not found') },
  { name: 'page-not-found', path: () => '/no/such/page', ready: heading('Page not found') },
];

// Every Content-Security-Policy violation the page reports (a blocked script, style or eval probe): the browser
// counts each as an issue, and a blocked resource is a broken feature.
const recordCspViolations = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + (event.blockedURI || '') + ' from ' + event.sourceFile);
  });
`;

// One test per page: a slow page on a busy machine fails alone, with its own name in the report. The page is
// loaded once and scanned in each theme: the app follows the system's scheme, so switching the emulated one
// redraws it without a reload.
for (const target of pages) {
  test(`${target.name} passes axe in the light and dark themes`, async ({ page }, testInfo) => {
    // Two scans and two full-page screenshots: twice one page's time.
    testInfo.setTimeout(testInfo.timeout * 2);
    if (testInfo.project.name === 'chromium') await page.setViewportSize(desktopViewport);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.addInitScript(recordCspViolations);
    const ids = await documentationClient(page);
    await page.goto(target.path(ids));
    await target.ready(page);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
      await expectNoAxeViolations(page, `${target.name} (${theme})`);
      await expectNoHorizontalOverflow(page, `${target.name} (${theme})`);
      await saveScreenshot(page, testInfo, `${target.name}-${theme}`);
    }
    expect(await page.evaluate('window.__cspViolations'), 'Content-Security-Policy violations').toEqual([]);
  });
}
