// What a person sees when the tenant misbehaves mid-inventory, in the built app against a sandbox this test owns:
// a client deleted between the list and its detail, the identity domain going down (and coming back), and the
// browser leaving the page while the proxy is still fanning out (the upstream work must stop).
import { expect, test } from '@playwright/test';
import { startSandbox, type RunningSandbox } from '../src/sandbox/start-sandbox.ts';
import { saveScreenshot } from './support/accessibility.ts';
import { clientsGrid, rowByName, searchBox, waitForInventory } from './support/clients.ts';
import { startStack, type Stack } from './support/stack.ts';

const stacks: Stack[] = [];
const sandboxes: RunningSandbox[] = [];
test.afterEach(async () => {
  for (const sandbox of sandboxes.splice(0)) await sandbox.close();
  for (const stack of stacks.splice(0)) await stack.close();
});

async function stackWith(sandbox: Parameters<typeof startStack>[0]['sandbox']): Promise<Stack> {
  const stack = await startStack({ sandbox, defaultConnection: true });
  stacks.push(stack);
  return stack;
}

/**
 * Resolves once the inventory's fan-out has begun: the sandbox has answered a client's detail (it records a
 * request when it answers). The client list alone is not enough: the server also reads it for the first names it
 * writes into the page's HTML, before the inventory's own read of it.
 */
async function fanOutStarted(stack: Stack): Promise<void> {
  await expect
    .poll(() => stack.sandbox.stats().requests['GET /config/clients/:id']?.['200'] ?? 0, {
      timeout: 30_000,
      intervals: [5],
    })
    .toBeGreaterThan(0);
}

test('a client deleted between the list and its detail is marked not found in its row; the rest completes', async ({
  page,
}, testInfo) => {
  const stack = await stackWith({ clients: 300, latencyMs: 30 });
  // The last in list order: the fan-out reaches it last, long after the list arrived.
  const victim = stack.sandbox.data.clients.at(-1);
  if (victim === undefined) throw new Error('no client');
  await page.goto(`${stack.baseURL}/clients`);
  await fanOutStarted(stack);
  stack.sandbox.deleteClient(victim.id);
  await waitForInventory(page);

  await expect(page.getByText('One client’s details could not be loaded')).toBeVisible();
  await searchBox(page).fill(victim.name);
  const row = rowByName(page, victim.name);
  await expect(row).toBeVisible();
  const chip = row.getByText(/^Not found/);
  await expect(chip).toBeVisible();
  // The reason shows on hover (title) and is read out with the chip.
  await expect(chip).toHaveAttribute('title', new RegExp(`^Deleted since the list was read: .*${victim.id}`));
  await expect(chip).toContainText(`has no client ${victim.id}`);
  await saveScreenshot(page, testInfo, 'clients-deleted-client-row');
});

test('the identity domain going down mid-stream: the page says so, keeps what it has, and Refresh completes it once the domain is back', async ({
  page,
}) => {
  // Slow enough (1,000 clients at 100 ms, about 3 s at the proxy's ceiling of 32) to be cut in the middle.
  const options = { clients: 1_000, latencyMs: 100 };
  const stack = await stackWith(options);
  const { port } = new URL(stack.sandbox.identityDomain);
  await page.goto(`${stack.baseURL}/clients`);
  const details = () => stack.sandbox.stats().requests['GET /config/clients/:id']?.['200'] ?? 0;
  await expect.poll(details, { timeout: 30_000, intervals: [10] }).toBeGreaterThan(100);
  await stack.sandbox.close();
  const arrived = details();

  // It ends quickly (nothing is listening), says what failed, and keeps every name and the details that came in.
  await waitForInventory(page);
  await expect(page.getByText(/clients’ details could not be loaded$/)).toBeVisible();
  await expect(page.getByText('1,000 clients', { exact: true })).toBeVisible();
  // The last client in list order was still to come when the domain went down.
  const last = stack.sandbox.data.clients.at(-1);
  if (last === undefined) throw new Error('no client');
  await searchBox(page).fill(last.name);
  const failed = rowByName(page, last.name).getByText(/^Failed \(50[24]\)/);
  await expect(failed).toBeVisible();
  await expect(failed).toHaveAttribute('title', /Nothing is listening|could not be reached|failed/);
  const kinds = await page.getByText(/^\d+ public · \d+ confidential · \d+ configuration$/).innerText();
  const kept = kinds.match(/\d+/g)?.reduce((sum, value) => sum + Number(value), 0) ?? 0;
  expect(kept, 'the details that arrived before the outage are kept').toBeGreaterThanOrEqual(arrived - 40);
  expect(kept).toBeLessThan(1_000);

  await searchBox(page).fill('');

  // The domain comes back on the same address with the same tenant; Refresh reads everything.
  sandboxes.push(await startSandbox({ quiet: true, port: Number(port), ...options }));
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const kindsTotal = async () => {
    const text = await page.getByText(/^\d+ public · \d+ confidential · \d+ configuration$/).innerText();
    return text.match(/\d+/g)?.reduce((sum, value) => sum + Number(value), 0) ?? 0;
  };
  await expect.poll(kindsTotal, { timeout: 30_000 }).toBe(1_000);
  await waitForInventory(page);
  await expect(page.getByText(/could not be loaded/)).toHaveCount(0);
  await expect(clientsGrid(page).getByText(/^Failed/)).toHaveCount(0);
  console.log(
    `identity domain down after ${arrived} of 1,000 details: ${kept} kept on the page, the rest marked failed; Refresh completed all 1,000 once it was back`,
  );
});

test('leaving the page mid-inventory stops the proxy’s upstream work', async ({ page }) => {
  const stack = await stackWith({ clients: 2_000, latencyMs: 50 });
  await page.goto(`${stack.baseURL}/clients`);
  // The fan-out has begun, so the browser is reading the inventory's stream now.
  await fanOutStarted(stack);
  await page.waitForTimeout(300);
  await page.goto('about:blank');
  // Answers already on the wire land (and are counted) within a latency or two; after that, nothing more.
  let settled = -1;
  await expect
    .poll(
      () => {
        const { totalRequests, inFlight } = stack.sandbox.stats();
        const steady = inFlight === 0 && totalRequests === settled;
        settled = totalRequests;
        return steady;
      },
      { timeout: 10_000, intervals: [250] },
    )
    .toBe(true);
  await page.waitForTimeout(1_000);
  const later = stack.sandbox.stats();
  expect(later.totalRequests, 'no upstream request after the page was left').toBe(settled);
  expect(later.inFlight).toBe(0);
  expect(settled, 'the inventory was cut well before its end').toBeLessThan(1_500);
  console.log(`left the page mid-inventory: the sandbox saw ${settled} of about 2,020 requests, then none`);
});
