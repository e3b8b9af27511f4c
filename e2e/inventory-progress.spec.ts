import { expect, test } from '@playwright/test';
import { clientsGrid, waitForInventory } from './support/clients.ts';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
test.beforeAll(async () => {
  // 20 ms a request and at most 16 at once (429 above): the stream takes a good second, as a real one would.
  stack = await startStack({
    sandbox: { clients: 500, latencyMs: 20, maxConcurrency: 16 },
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
  await page.goto(`${stack.baseURL}/clients`);
  // Names first: the list line arrives before any detail (generous timeout: the first load parses the app).
  await expect(page.getByText('500 clients', { exact: true })).toBeVisible({ timeout: 20_000 });

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
