// The History page's first lines in the HTML (src/server/history-page.ts): what the server's picture draws with
// JavaScript off is what the app's first render draws, by text and box, at 1,280 and 390 px; the app takes over
// without moving anything; the picture is shown in both colour schemes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { applyInventoryLine, emptyInventory } from '../src/identity-cloud/inventory.ts';
import { startSandbox, type RunningSandbox } from '../src/sandbox/start-sandbox.ts';
import { createStoreHistory } from '../src/server/history/store-history.ts';
import { StoreService } from '../src/store/store-service.ts';
import { saveScreenshot } from './support/accessibility.ts';
import { startStack, type Stack } from './support/stack.ts';

const recordedSnapshots = 4;

/**
 * A store holding a few days of the sandbox tenant's snapshots, recorded by the server's own code before the server
 * starts on it: complete reads with changes between them, and one partial read (a client's details failed).
 */
async function seedStore(sandbox: RunningSandbox): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'idc-e2e-history-')), 'inventory.db');
  const service = new StoreService({ kind: 'sqlite', path }, { log: () => undefined });
  await service.start();
  try {
    const history = createStoreHistory(service, () => undefined);
    const tenant = { identityDomain: sandbox.identityDomain, customerId: sandbox.customerId };
    const clients = sandbox.data.clients.slice(0, 6);
    const read = async (day: number, count: number, failed = 0) => {
      const listed = clients.slice(0, count);
      const inventory = emptyInventory();
      applyInventoryLine(inventory, {
        kind: 'list',
        total: listed.length,
        clients: listed.map(({ id, name }) => ({ id, name })),
      });
      for (const client of listed.slice(failed)) applyInventoryLine(inventory, { kind: 'client', client });
      for (const client of listed.slice(0, failed)) {
        applyInventoryLine(inventory, {
          kind: 'error',
          resource: 'client',
          id: client.id,
          status: 500,
          detail: 'The tenant answered 500.',
        });
      }
      applyInventoryLine(inventory, { kind: 'done', clients: listed.length - failed, failed, ms: 0 });
      const takenAt = new Date(Date.UTC(2026, 10, day, 6, 30));
      if ((await history.recordNow({ tenant, source: 'scheduled', takenAt, inventory })) === null)
        throw new Error('The store could not be seeded.');
    };
    await read(1, 4);
    await read(2, 4);
    await read(3, 6, 1);
    await read(4, 5);
  } finally {
    await service.close();
  }
  return path;
}

let sandbox: RunningSandbox;
let stack: Stack;
test.beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, clients: 12, latencyMs: 0 });
  const storePath = await seedStore(sandbox);
  stack = await startStack({
    defaultConnection: true,
    sharedSandbox: sandbox,
    env: { IDC_STORE_PATH: storePath },
  });
});
test.afterAll(async () => {
  await stack.close();
  await sandbox.close();
});

// The text and box of each thing the picture draws, from the picture while it shows, else from the app's page.
const drawnBoxes = `(() => {
  const box = (element, withText = true) => {
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    const place = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    return withText ? { text: element.textContent, ...place } : place;
  };
  const shell = document.querySelector('#first-paint');
  const root = shell && getComputedStyle(shell).display !== 'none' ? shell : document.querySelector('#root main');
  const h1 = root && root.querySelector('h1');
  if (!h1) return null;
  const [chart, snapshots] = root.querySelectorAll('section');
  const table = snapshots.querySelector('table');
  return {
    heading: box(h1),
    lead: box(h1.nextElementSibling),
    // The chart's own drawing may already have replaced its still picture: its box only.
    chart: box(chart, false),
    chartHeading: box(chart.querySelector('h2')),
    chartBox: box(chart.querySelector('h2').nextElementSibling, false),
    snapshotsHeading: box(snapshots.querySelector('h2')),
    prompt: box(snapshots.querySelector('h2 + div p')),
    button: box(snapshots.querySelector('h2 + div > :last-child')),
    table: box(table),
    header: [...table.querySelectorAll('thead th')].map(box),
    rows: [...table.querySelectorAll('tbody tr')].map((row) => [...row.cells].map(box)),
    links: [...table.querySelectorAll('tbody a')].map((link) => link.getAttribute('href')),
  };
})()`;

// From before the app starts, on every frame: the top of the snapshot table on screen (the picture's, then the
// app's) and every layout shift.
const recordTakeOver = `
  window.__tops = [];
  window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const sample = () => {
    const table = [...document.querySelectorAll('table')].find((element) => element.getClientRects().length > 0);
    if (table) {
      const top = Math.round(table.getBoundingClientRect().top + window.scrollY);
      if (window.__tops[window.__tops.length - 1] !== top) window.__tops.push(top);
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
`;

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the History page's first lines and rows from the HTML are where the app draws them, at ${viewport.width} px`, async ({
    browser,
  }, testInfo) => {
    const still = await browser.newContext({ javaScriptEnabled: false, viewport });
    const app = await browser.newContext({ viewport });
    try {
      const html = await still.newPage();
      await html.goto(`${stack.baseURL}/history`);
      await expect(html.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
      await expect(
        html.getByRole('table', { name: 'Snapshots (the page is loading)' }).locator('tbody tr'),
      ).toHaveCount(recordedSnapshots);
      const drawn = await html.evaluate<unknown>(drawnBoxes);
      for (const colorScheme of ['light', 'dark'] as const) {
        await html.emulateMedia({ colorScheme });
        await saveScreenshot(html, testInfo, `history-from-html-${viewport.width}-${colorScheme}`);
      }

      const page = await app.newPage();
      await page.addInitScript(recordTakeOver);
      // Nothing read but the session: the rows on screen can only be the ones the HTML carried, and no new
      // snapshot is recorded meanwhile.
      await page.route('**/api/inventory*', () => new Promise(() => undefined));
      await page.route('**/api/history/snapshots', () => new Promise(() => undefined));
      await page.goto(`${stack.baseURL}/history`);
      await expect(page.locator('#root main h1')).toBeVisible({ timeout: 20_000 });
      await expect(page.locator('#first-paint')).toBeHidden();
      await expect(
        page.getByRole('table', { name: 'Snapshots', exact: true }).locator('tbody tr'),
      ).toHaveCount(recordedSnapshots);
      const rendered = await page.evaluate<unknown>(drawnBoxes);
      expect(drawn, 'the picture has its lines').not.toBeNull();
      expect(rendered, `/history at ${viewport.width} px`).toEqual(drawn);

      // The chart's own drawing replaces the still picture in the same box.
      const chart = page.locator('section[aria-labelledby="history-chart-heading"]');
      await expect(chart.locator('[data-still-picture]')).toHaveCount(0, { timeout: 20_000 });
      await expect(chart.locator('svg path')).not.toHaveCount(0);
      await page.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
      );
      expect(
        await page.evaluate<number[]>('window.__tops'),
        'where the table was, frame after frame',
      ).toHaveLength(1);
      expect(
        await page.evaluate<number>('window.__shifts'),
        'the sum of the layout shifts',
      ).toBeLessThanOrEqual(0.02);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await saveScreenshot(page, testInfo, `history-from-html-app-${viewport.width}-${colorScheme}`);
      }
    } finally {
      await still.close();
      await app.close();
    }
  });
}
