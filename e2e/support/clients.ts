// Plain helpers for the clients list (Keycloak admin-ui style: functions, not page objects).
import { expect, type Locator, type Page } from '@playwright/test';

export function clientsGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Clients' });
}

export function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Search clients' });
}

export function kindButton(page: Page, kind: 'All' | 'Public' | 'Confidential' | 'Configuration'): Locator {
  // The button's name is its kind and its count ("Public 12").
  return page.getByRole('button', { name: new RegExp(`^${kind} [\\d,]+$`) });
}

export function progressBar(page: Page): Locator {
  return page.getByRole('progressbar', { name: 'Loading client details' });
}

/** Data rows of the grid (the header row excluded). */
export function dataRows(page: Page): Locator {
  return clientsGrid(page).locator('[role="row"][data-id]');
}

export function rowByName(page: Page, name: string): Locator {
  return dataRows(page).filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Waits until the inventory stream has finished: no progress bar, every row's details in. */
export async function waitForInventory(page: Page): Promise<void> {
  // Generous: on a busy 2-core machine the grid's chunk alone can take seconds to parse.
  await expect(clientsGrid(page)).toBeVisible({ timeout: 30_000 });
  await expect(progressBar(page)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Loading the client list' })).toHaveCount(0);
}

/** Opens the clients list and waits for the whole inventory. */
export async function openClientsList(page: Page): Promise<void> {
  await page.goto('/clients');
  await waitForInventory(page);
}

/** The names in the grid's visible rows, top to bottom. */
export async function visibleNames(page: Page): Promise<string[]> {
  return dataRows(page).locator('[data-field="name"]').allInnerTexts();
}
