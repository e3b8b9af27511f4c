import { expect, test } from '@playwright/test';
import { goThroughAppBar } from './support/navigation.ts';
import { clientsGrid, dataRows, openClientsList } from './support/clients.ts';

// The default web server: the embedded sandbox (60 clients, seed 1), whose seeded risks are known.
test('findings: a column sorted worst first, a filter in the URL, each client’s findings, and the Findings page', async ({
  page,
}) => {
  await openClientsList(page);

  // Sorting by findings puts the critical ones (javascript: and data: redirects) first.
  await clientsGrid(page).getByRole('columnheader', { name: 'Findings' }).click();
  await expect(page).toHaveURL(/sort=findings:desc/);
  const first = dataRows(page).first();
  await expect(first.locator('[data-field="findings"]')).toContainText('Critical');

  // The filter keeps clients with a high finding; the URL says so, and the count matches the rows.
  await page.getByRole('combobox', { name: 'Findings' }).click();
  await page.getByRole('option', { name: /^High findings/ }).click();
  await expect(page).toHaveURL(/severity=high/);
  await expect(dataRows(page)).toHaveCount(4);
  for (const text of await dataRows(page).locator('[data-field="findings"]').allInnerTexts()) {
    expect(text).toMatch(/Critical|High/);
  }

  // A client's page lists its findings with what to do.
  await clientsGrid(page).getByRole('link', { name: 'Intranet timesheets (plain HTTP)' }).click();
  const findings = page.getByRole('region', { name: /^Findings/ });
  await expect(findings).toContainText('Redirect URI uses plain http to a non-loopback host');
  await expect(findings).toContainText('http://intranet.');
  await expect(findings).toContainText('What to do:');

  // The Findings page: grouped by severity then rule, each match linking to its client or policy.
  await goThroughAppBar(page, 'Findings');
  await expect(page).toHaveTitle(/^Findings · Client Inventory/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    /2 critical findings/,
    /4 high findings/,
    /4 medium findings/,
    /5 low findings/,
    /2 info findings/,
  ]);
  const unused = page.getByRole('region', { name: /Token policy is used by no client/ });
  await unused.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/policies\/token\//);
  await expect(page.getByRole('region', { name: /^Findings/ })).toContainText(
    'Token policy is used by no client',
  );

  await page.goBack();
  await page.getByRole('button', { name: /^Critical [\d,]+$/ }).click();
  await expect(page).toHaveURL(/\/findings\?severity=critical$/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([/2 critical findings/]);
  await page.getByRole('link', { name: 'Bookmarklet helper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bookmarklet helper' })).toBeVisible();
});
