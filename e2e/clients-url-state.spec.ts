import { expect, test } from '@playwright/test';
import {
  clientsGrid,
  dataRows,
  kindButton,
  searchBox,
  visibleNames,
  waitForInventory,
} from './support/clients.ts';

// The default web server: the embedded sandbox (60 seeded clients, deterministic).

test('search, kind filter, sort and page live in the URL, and that URL restores the view', async ({
  page,
  context,
}) => {
  await page.goto('/clients');
  await waitForInventory(page);
  await expect(page.getByText('60 clients', { exact: true })).toBeVisible();

  await searchBox(page).fill('akamai');
  await expect(page).toHaveURL(/\/clients\?q=akamai$/);
  await expect(dataRows(page)).toHaveCount(2);
  await expect(kindButton(page, 'All')).toContainText('2');

  await kindButton(page, 'Public').click();
  await expect(page).toHaveURL(/[?&]kind=public/);
  await expect.poll(() => visibleNames(page)).toEqual(['Akamai Training Login Client']);
  await expect(kindButton(page, 'Public')).toHaveAttribute('aria-pressed', 'true');

  // The back button undoes the kind filter, not the whole search.
  await page.goBack();
  await expect(page).toHaveURL(/\/clients\?q=akamai$/);
  await expect(dataRows(page)).toHaveCount(2);

  const nameHeader = clientsGrid(page).getByRole('columnheader', { name: 'Name' });
  await nameHeader.click();
  await expect(page).toHaveURL(/sort=name:asc/);
  await nameHeader.click();
  await expect(page).toHaveURL(/sort=name:desc/);
  await expect
    .poll(() => visibleNames(page))
    .toEqual(['Akamai Training Login Client', 'Akamai Documentation Login Client']);

  // Shared link: a fresh tab opens on the same view.
  const shared = await context.newPage();
  await shared.goto(page.url());
  await waitForInventory(shared);
  await expect(searchBox(shared)).toHaveValue('akamai');
  await expect(clientsGrid(shared).getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect
    .poll(() => visibleNames(shared))
    .toEqual(['Akamai Training Login Client', 'Akamai Documentation Login Client']);
  await shared.close();
});

test('the page number is in the URL too, and a kind filter shows its first page', async ({ page }) => {
  await page.goto('/clients?sort=name:asc&page=2');
  await waitForInventory(page);
  // 60 clients, 50 a page: the second page holds the last 10.
  await expect(page.getByText('51–60 of 60')).toBeVisible();
  await page.getByRole('button', { name: 'Go to previous page' }).click();
  await expect(page).toHaveURL(/\/clients\?sort=name:asc$/);
  await expect(page.getByText('1–50 of 60')).toBeVisible();

  await page.goto('/clients?page=2');
  await kindButton(page, 'Configuration').click();
  await expect(page).toHaveURL(/\/clients\?kind=configuration$/);
  await expect
    .poll(async () => (await visibleNames(page)).sort())
    .toEqual(['CI deployment pipeline', 'Default configuration client']);
});

test('a search that matches a redirect URI finds its client; no match says so', async ({ page }) => {
  await page.goto('/clients');
  await waitForInventory(page);
  await searchBox(page).fill('techdocs.example.com');
  await expect.poll(() => visibleNames(page)).toEqual(['Akamai Documentation Login Client']);
  await searchBox(page).fill('no-such-client-anywhere');
  await expect(page.getByText('No client matches “no-such-client-anywhere”.')).toBeVisible();
});
