import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

export interface SavedDownload {
  fileName: string;
  path: string;
  text: string;
}

/** Chooses an item of the clients page's Export menu and returns the file the browser saved. */
export async function exportFromMenu(page: Page, item: RegExp): Promise<SavedDownload> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item }).click(),
  ]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}
