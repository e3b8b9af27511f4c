// The history as a person meets it, against the real server and store: a read, the tenant changed through the
// sandbox's admin operations, Refresh, then the History page, the client's changes, Drift from stored snapshots,
// and the same history after a restart. Then the store off, or unusable: every page works, one banner says why.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';
import { waitForInventory } from './support/clients.ts';
import { startStack } from './support/stack.ts';

function snapshotRows(page: Page) {
  return page.getByRole('table', { name: 'Snapshots' }).locator('tbody tr');
}

/** Each page load is itself a read, recorded: rows are found by what they say, not by their position. */
function refreshRow(page: Page) {
  return snapshotRows(page).filter({ hasText: 'Refresh' });
}

/** The oldest snapshot: the first read, where every client was new. */
function firstRow(page: Page) {
  return snapshotRows(page).last();
}

test('history: a change in the tenant, seen on the History page, the client page and in Drift, kept across a restart', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const sandbox = await startSandbox({ quiet: true, clients: 20 });
  const storePath = join(await mkdtemp(join(tmpdir(), 'idc-history-journey-')), 'inventory.db');
  const env = { IDC_STORE_PATH: storePath };
  let stack = await startStack({ defaultConnection: true, sharedSandbox: sandbox, env });
  try {
    const documentationId = sandbox.data.special.clients.referenceDocumentation ?? '';
    const removedId = sandbox.data.special.clients.publicWithoutRedirect ?? '';
    const removedName = sandbox.data.clients.find((client) => client.id === removedId)?.name ?? '';

    await page.goto(`${stack.baseURL}/clients`);
    await waitForInventory(page);

    sandbox.admin.renameClient(documentationId, 'Documentation portal');
    sandbox.admin.addRedirectUri(documentationId, 'https://new-docs.example.com/callback');
    sandbox.admin.deleteClient(removedId);
    sandbox.admin.addClient({ name: 'Brand new app', redirectURIs: ['https://brand-new.example.com/cb'] });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await waitForInventory(page);

    // Client-side, as a person would: the page follows the Refresh's snapshot, written just after its last line.
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await expect(refreshRow(page)).toHaveCount(1, { timeout: 20_000 });
    await expect(refreshRow(page)).toContainText('1 added, 1 removed, 1 changed');
    await expect(snapshotRows(page).nth(0)).toContainText('Refresh');
    await expect(firstRow(page)).toContainText('Page load');
    await expect(firstRow(page)).toContainText('20 added, 0 removed, 0 changed');

    // The client page: what changed, field by field, and the snapshot it was seen in.
    await page.goto(`${stack.baseURL}/clients/${documentationId}`);
    const card = page.getByRole('region', { name: 'History' });
    const changes = card.getByRole('table', { name: /^Changes seen on/ });
    await expect(changes).toBeVisible({ timeout: 20_000 });
    await expect(changes.getByRole('row', { name: /Name changed .* Documentation portal/ })).toBeVisible();
    await expect(
      changes.getByRole('row', { name: /Redirect URI added — https:\/\/new-docs.example.com\/callback/ }),
    ).toBeVisible();

    // The deleted client: still readable, from the history, marked removed.
    await page.goto(`${stack.baseURL}/clients/${removedId}`);
    await expect(page.getByRole('heading', { level: 1, name: removedName })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('alert').filter({ hasText: /^Removed on / })).toContainText('read-only');

    // Drift: the first snapshot against now, then the two stored ones picked on the History page.
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await firstRow(page).getByRole('link', { name: 'Compare with now' }).click();
    await expect(page.getByRole('region', { name: 'Base' })).toContainText('Stored in the history');
    await expect(page.getByText(/^3 clients differ; \d+ unchanged\.$/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('list', { name: 'Removed clients' })).toContainText(removedName);
    await page.goto(`${stack.baseURL}/history`);
    // Picks live in the address: each click is a navigation, seen once it has landed.
    await refreshRow(page).getByRole('checkbox').click();
    await expect(refreshRow(page).getByRole('checkbox')).toBeChecked();
    await firstRow(page).getByRole('checkbox').click();
    await expect(firstRow(page).getByRole('checkbox')).toBeChecked();
    await page.getByRole('link', { name: 'Compare in Drift' }).click();
    await expect(page.getByRole('region', { name: 'Compared with' })).toBeVisible();
    await expect(page.getByText(/^3 clients differ; \d+ unchanged\.$/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('list', { name: 'Added clients' })).toContainText('Brand new app');

    // A restart: the same store, the same tenant, the same history (and this page load adds its own snapshot).
    await stack.close();
    stack = await startStack({ defaultConnection: true, sharedSandbox: sandbox, env });
    await page.goto(`${stack.baseURL}/history`);
    await expect(firstRow(page)).toContainText('20 added, 0 removed, 0 changed', { timeout: 20_000 });
    await expect(refreshRow(page)).toContainText('1 added, 1 removed, 1 changed');
  } finally {
    await stack.close();
    await sandbox.close();
  }
});

for (const store of ['off', 'broken'] as const) {
  test(`history ${store}: every page works, and one banner says why`, async ({ page }) => {
    test.setTimeout(120_000);
    let env: Record<string, string>;
    if (store === 'off') {
      env = { IDC_STORE: 'off' };
    } else {
      // A store path whose directory is a file: the store cannot be opened.
      const dir = await mkdtemp(join(tmpdir(), 'idc-history-broken-'));
      await writeFile(join(dir, 'not-a-directory'), 'x');
      env = { IDC_STORE_PATH: join(dir, 'not-a-directory', 'inventory.db') };
    }
    const stack = await startStack({ defaultConnection: true, sandbox: { clients: 20 }, env });
    try {
      const banner = page.getByRole('status').filter({ hasText: /^History is off: / });
      await page.goto(`${stack.baseURL}/clients`);
      await waitForInventory(page);
      await expect(banner).toHaveCount(1);
      if (store === 'off') await expect(banner).toContainText('IDC_STORE=off');

      await page.getByRole('link', { name: 'Overview', exact: true }).click();
      await expect(page.locator('.MuiChartsSurface-root')).toHaveCount(4, { timeout: 20_000 });
      await expect(page.getByRole('region', { name: 'Changed since the last snapshot' })).toHaveCount(0);
      await expect(banner).toHaveCount(1);

      await page.getByRole('link', { name: 'History', exact: true }).click();
      await expect(page.getByText('Nothing to show while history is off.')).toBeVisible();
      await expect(banner).toHaveCount(1);

      const id = (await (await page.request.get(`${stack.baseURL}/api/config/clients`)).json()) as {
        _embedded: { clients: { id: string }[] };
      };
      await page.goto(`${stack.baseURL}/clients/${id._embedded.clients[0]?.id ?? ''}`);
      await expect(page.getByRole('region', { name: 'History' })).toContainText(
        'Nothing to show while history is off.',
      );
      await expect(page.getByRole('heading', { level: 2, name: /^Redirect URIs/ })).toBeVisible();
      await expect(banner).toHaveCount(1);
    } finally {
      await stack.close();
    }
  });
}
