import { expect, test } from '@playwright/test';
import { clientsGrid, progressBar, waitForInventory } from './support/clients.ts';
import { startStack, type Stack } from './support/stack.ts';

let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack({ sandbox: { clients: 500, latencyMs: 20 }, defaultConnection: true });
});
test.afterAll(async () => stack.close());

test('a 500-client inventory shows names at once, fills details behind a progress bar, and completes', async ({
  page,
}) => {
  await page.goto(`${stack.baseURL}/clients`);
  await expect(page.getByText('500 clients', { exact: true })).toBeVisible();

  // Determinate progress, in words: "n of 500".
  const bar = progressBar(page);
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d{1,3} of 500$/);
  const seen = new Set<string>();
  for (let i = 0; i < 3; i += 1) {
    const text = await bar.getAttribute('aria-valuetext').catch(() => null);
    if (text !== null) seen.add(text);
    await page.waitForTimeout(100);
  }

  await waitForInventory(page);
  await expect(progressBar(page)).toHaveCount(0);
  await expect(clientsGrid(page).getByText(/^Failed/)).toHaveCount(0);
  await expect(page.getByText(/could not be loaded|Could not load/)).toHaveCount(0);
  // Each kind is counted once every detail is in.
  const counts = await page.getByText(/^\d+ public · \d+ confidential · \d+ configuration$/).innerText();
  const total = counts.match(/\d+/g)?.reduce((sum, value) => sum + Number(value), 0);
  expect(total).toBe(500);
  expect(seen.size, 'the progress moved while it was watched').toBeGreaterThan(0);
});
