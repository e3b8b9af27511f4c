import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, saveScreenshot } from './support/accessibility.ts';
import { clientsGrid, visibleNames, waitForInventory } from './support/clients.ts';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
test.beforeAll(async () => {
  // 40 ms a request and at most 16 at once (429 above): the stream takes over a second, as a real one would.
  stack = await startStack({
    sandbox: { clients: 500, latencyMs: 40, maxConcurrency: 16 },
    defaultConnection: true,
  });
});
test.afterAll(async () => stack.close());

// Records every value the progress bar announces (polled in the page every 20 ms, from before the app starts).
const recordProgress = `
  window.__progress = [];
  setInterval(() => {
    const bar = document.querySelector('[role="progressbar"][aria-label="Loading client details"]');
    const text = bar && bar.getAttribute('aria-valuetext');
    if (text && window.__progress[window.__progress.length - 1] !== text) window.__progress.push(text);
  }, 20);
`;

test('a 500-client inventory shows names at once, fills details behind a progress bar, and completes', async ({
  page,
}) => {
  await page.addInitScript(recordProgress);
  // The tenant slows to a second a request until the bar is on screen, then answers at its usual pace: however long
  // the browser takes to start the page, the bar is seen near its start and must then move.
  stack.sandbox.update({ latencyMs: 1_000 });
  try {
    await page.goto(`${stack.baseURL}/clients`);
    // Names first: the list line arrives before any detail (generous timeout: the first load parses the app).
    await expect(page.getByText('500 clients', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('progressbar', { name: 'Loading client details' })).toBeVisible({
      timeout: 20_000,
    });
  } finally {
    stack.sandbox.update({ latencyMs: 40 });
  }

  await waitForInventory(page);
  const announced = await page.evaluate<string[]>('window.__progress');
  expect(announced.length, `progress announced: ${announced.join(', ')}`).toBeGreaterThan(1);
  const loaded = announced.map((text) => {
    expect(text).toMatch(/^\d{1,3} of 500$/);
    return Number(text.split(' ')[0]);
  });
  expect(loaded).toEqual([...loaded].sort((a, b) => a - b));

  await expect(clientsGrid(page).getByText(/^Failed/)).toHaveCount(0);
  await expect(page.getByText(/could not be loaded|Could not load/)).toHaveCount(0);
  // Each client counted once, by kind, when every detail is in.
  const counts = await page.getByText(/^\d+ public · \d+ confidential · \d+ configuration$/).innerText();
  const total = counts.match(/\d+/g)?.reduce((sum, value) => sum + Number(value), 0);
  expect(total).toBe(500);
});

// While any progress bar shows: what the kind counts say and how many cells still wait for their details.
const recordWhileRefreshing = `
  window.__refreshing = [];
  setInterval(() => {
    if (document.querySelector('[role="progressbar"]') === null) return;
    const counts = [...document.querySelectorAll('p, span')]
      .map((element) => element.textContent ?? '')
      .find((text) => /^\\d+ public · \\d+ confidential · \\d+ configuration/.test(text));
    const pending = document.querySelectorAll('[role="grid"] .cell-pending').length;
    window.__refreshing.push({ counts, pending });
  }, 20);
`;

test('Refresh reads everything again while the table keeps showing what it had', async ({ page }) => {
  await page.addInitScript(recordWhileRefreshing);
  await page.goto(`${stack.baseURL}/clients`);
  await waitForInventory(page);
  const before = await page.getByText(/^\d+ public · \d+ confidential · \d+ configuration$/).innerText();
  const detailsBefore = stack.sandbox.stats().requests['GET /config/clients/:id']?.['200'] ?? 0;
  await page.evaluate('window.__refreshing.length = 0');

  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  // The stream really runs again: every client is read from the tenant a second time.
  const detailsRead = () =>
    (stack.sandbox.stats().requests['GET /config/clients/:id']?.['200'] ?? 0) - detailsBefore;
  await expect.poll(detailsRead, { timeout: 30_000 }).toBeGreaterThanOrEqual(500);
  await waitForInventory(page);

  const seen = await page.evaluate<{ counts: string | undefined; pending: number }[]>('window.__refreshing');
  expect(seen.length, 'the page was sampled while refreshing').toBeGreaterThan(0);
  for (const sample of seen) {
    expect(sample.pending, 'no row went back to loading').toBe(0);
    expect(sample.counts?.replace(' so far', '')).toBe(before);
  }
  await expect(page.getByText(before, { exact: true })).toBeVisible();
  console.log(`Refresh: ${seen.length} samples while streaming, every one showing all 500 clients’ details`);
});

test('names show while the grid’s own code still loads, and the grid takes their place in the same order', async ({
  page,
}, testInfo) => {
  // Hold the grid's chunk back, as a slow machine or network would.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/clients-grid-[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`${stack.baseURL}/clients`);
  // The app's preview, not the server's picture of it (same name), which shows until the app has started.
  const preview = page.locator('#root').getByRole('table', { name: 'Clients (the full table is loading)' });
  await expect(preview).toBeVisible({ timeout: 20_000 });
  const previewNames = await preview.getByRole('link').allInnerTexts();
  expect(previewNames).toHaveLength(50);
  await expectNoAxeViolations(page, 'clients preview');
  await saveScreenshot(page, testInfo, 'clients-preview-while-grid-loads');

  release();
  await expect(clientsGrid(page)).toBeVisible({ timeout: 20_000 });
  await expect(preview).toHaveCount(0);
  const gridNames = await visibleNames(page);
  expect(gridNames.length).toBeGreaterThan(3);
  expect(gridNames).toEqual(previewNames.slice(0, gridNames.length));
});

test('the first names come in the HTML, stay while the app starts, and turn into the live grid once', async ({
  page,
  browser,
}, testInfo) => {
  const firstPage = stack.sandbox.data.clients.slice(0, 50).map((client) => client.name.trim());
  const [first, second] = firstPage;
  if (first === undefined || second === undefined) throw new Error('too few clients');

  // Before any JavaScript runs: the names are in the page the server sent, as links, in the list's order.
  const still = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 800 },
  });
  const html = await still.newPage();
  // The server waits a few hundred milliseconds at most for the list, then sends the plain page: on a busy
  // machine the first request (a token exchange first) can miss that, so load until the names are in.
  await expect(async () => {
    await html.goto(`${stack.baseURL}/clients`);
    await expect(html.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(html.getByRole('link')).toHaveText(firstPage);
  for (const colorScheme of ['light', 'dark'] as const) {
    await html.emulateMedia({ colorScheme });
    await saveScreenshot(html, testInfo, `clients-names-from-html-${colorScheme}`);
  }
  await still.close();

  // With the app: the inventory held back, so the names on screen can only be the ones the HTML carried.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/inventory*', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${stack.baseURL}/clients`);
  await expect(page.getByRole('link', { name: first, exact: true })).toHaveCount(1);
  // The app has started (generous: the first load parses the app on a busy machine).
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeVisible({ timeout: 20_000 });
  // The app drew them: the server's picture is gone, so screen readers meet each name once.
  await expect(page.locator('#first-paint')).toBeHidden();
  await expect(page.getByRole('link', { name: second, exact: true })).toHaveCount(1);
  await expectNoAxeViolations(page, '/clients with the names from the HTML');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await saveScreenshot(page, testInfo, `clients-names-from-html-app-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  release();
  await waitForInventory(page);
  await expect(clientsGrid(page).getByRole('link', { name: first, exact: true })).toHaveCount(1);
  await expect(page.getByRole('link', { name: first, exact: true })).toHaveCount(1);
  expect((await visibleNames(page)).slice(0, 5)).toEqual(firstPage.slice(0, 5));
});

// From before the app starts: every layout shift the browser reports, and on every frame the top of the element
// `window.__anchors[path]()` finds (the first thing below the status line), while it exists.
const recordLayout = `
  window.__shifts = [];
  window.__tops = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const moved = entry.sources.map((source) => {
        const element = source.node instanceof Element ? source.node : source.node?.parentElement;
        const text = (element?.textContent ?? '').trim().slice(0, 30);
        return (element?.tagName.toLowerCase() ?? '?') + ' "' + text + '" ' + Math.round(source.previousRect.y) + '→' + Math.round(source.currentRect.y);
      });
      window.__shifts.push({ value: entry.value, moved });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const sample = () => {
    const find = window.__anchors[location.pathname];
    const anchor = find && find();
    if (anchor) {
      const top = Math.round(anchor.getBoundingClientRect().top + window.scrollY);
      if (window.__tops[window.__tops.length - 1] !== top) window.__tops.push(top);
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
`;

const layoutPages = [
  {
    path: '/',
    anchor: `() => [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Clients by kind')?.closest('section')`,
  },
  {
    path: '/findings',
    anchor: `() => [...document.querySelectorAll('p')].find((p) => /^\\d[\\d,]* findings? in /.test(p.textContent ?? ''))`,
  },
  { path: '/connect', anchor: `() => document.querySelector('h1')` },
  // The search and filters, at the top of the table's card: nothing above them comes or goes (the alerts are
  // below the table).
  { path: '/clients', anchor: `() => document.querySelector('[role="search"]')` },
];

test('the overview, the findings, the connect and the clients page do not move while the inventory streams in', async ({
  page,
}) => {
  // Four pages, each streamed to the end, on a busy machine.
  test.setTimeout(120_000);
  const anchors = layoutPages.map(({ path, anchor }) => `${JSON.stringify(path)}: ${anchor}`).join(', ');
  await page.addInitScript(`window.__anchors = { ${anchors} }; ${recordLayout}`);
  const shifts: string[] = [];
  for (const { path } of layoutPages) {
    await page.goto(`${stack.baseURL}${path}`);
    // The app's heading, not the server's picture of it, which shows until the app has drawn its own.
    await expect(page.locator('#root').getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
    // One more frame for the last sample.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
    const tops = await page.evaluate<number[]>('window.__tops');
    const entries = await page.evaluate<{ value: number; moved: string[] }[]>('window.__shifts');
    const total = entries.reduce((sum, entry) => sum + entry.value, 0);
    const largest = entries
      .filter((entry) => entry.value >= 0.001)
      .map((entry) => `${entry.value.toFixed(4)}: ${entry.moved.join('; ')}`);
    shifts.push(`${path} ${total.toFixed(4)}`);
    // The content's top stays where it first painted, from the loading state to the loaded one.
    expect(tops.length, `${path}: the content was found`).toBeGreaterThan(0);
    expect(tops, `${path}: where the content's top was, frame after frame`).toHaveLength(1);
    // Lighthouse's target for the whole load (the progress bar's own animation counts a little).
    expect(total, `${path}: the sum of the layout shifts, ${largest.join(' | ')}`).toBeLessThanOrEqual(0.02);
  }
  console.log(`Layout shift while loading: ${shifts.join(', ')}`);
});

// What the server's picture of a page's first lines (page-shell.ts) and the app's first render draw: the heading,
// the sentence under it and the status line, by their text and their box.
const shellLines = `(() => {
  const box = (element) => {
    if (!element) return null;
    const rect = element.getBoundingClientRect();
    return { text: element.textContent, x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  };
  const shell = document.querySelector('#first-paint');
  if (shell && getComputedStyle(shell).display !== 'none') {
    return [box(shell.querySelector('h1')), box(shell.querySelector('.fp-lead')), box(shell.querySelector('.fp-loading'))];
  }
  const main = document.querySelector('#root main');
  const h1 = main && main.querySelector('h1');
  if (!h1) return null;
  const status = [...main.querySelectorAll('p, span')].find((element) =>
    /^(Loading the client list…|Checking details…)$/.test(element.textContent ?? ''),
  );
  return [box(h1), box(h1.nextElementSibling), box(status ?? null)];
})()`;

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the first lines the HTML draws are where the app draws them, at ${viewport.width} px`, async ({
    browser,
  }, testInfo) => {
    const still = await browser.newContext({ javaScriptEnabled: false, viewport });
    const app = await browser.newContext({ viewport });
    // The inventory held back: the app's first render of the page, before any data.
    await app.route('**/api/inventory*', () => new Promise(() => undefined));
    try {
      for (const path of ['/', '/findings', '/connect']) {
        const html = await still.newPage();
        await html.goto(`${stack.baseURL}${path}`);
        const drawn = await html.evaluate<unknown>(shellLines);
        for (const colorScheme of ['light', 'dark'] as const) {
          await html.emulateMedia({ colorScheme });
          const name = path === '/' ? 'overview' : path.slice(1);
          await saveScreenshot(html, testInfo, `${name}-from-html-${viewport.width}-${colorScheme}`);
        }
        const page = await app.newPage();
        await page.goto(`${stack.baseURL}${path}`);
        await expect(page.locator('#root main h1')).toBeVisible({ timeout: 20_000 });
        await expect(page.locator('#first-paint')).toBeHidden();
        const rendered = await page.evaluate<unknown>(shellLines);
        expect(drawn, `${path}: the picture has its lines`).not.toBeNull();
        expect(rendered, `${path} at ${viewport.width} px`).toEqual(drawn);
        await html.close();
        await page.close();
      }
    } finally {
      await still.close();
      await app.close();
    }
  });
}
