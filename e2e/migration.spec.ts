import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { AxeBuilder } from '@axe-core/playwright';
import { expectNoAxeViolations, saveScreenshot } from './support/accessibility.ts';

// The default web server: the embedded sandbox (60 clients, seed 1).
const targets = [
  { id: 'pingone', label: 'PingOne', config: 'pingone/applications.tf.json' },
  { id: 'keycloak', label: 'Keycloak', config: 'keycloak/realm-import.json' },
  { id: 'auth0', label: 'Auth0', config: 'auth0/tenant.yaml' },
  { id: 'neutral', label: 'Neutral (JSON + CSV)', config: 'neutral/clients.json' },
] as const;

const table = (page: Page) => page.getByRole('table', { name: 'Clients and their readiness' });
const bodyRows = (page: Page) => table(page).locator('tbody tr');

async function summary(
  page: Page,
): Promise<{ total: number; ready: number; change: number; reimagine: number }> {
  const line = page.getByText(/^\d+ clients for /);
  await expect(line).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Reading the inventory' })).toHaveCount(0, {
    timeout: 30_000,
  });
  const text = await line.innerText();
  const match = /^(\d+) clients for .*: (\d+) Ready, (\d+) Change required, (\d+) Reimagine$/.exec(text);
  if (!match) throw new Error(`unexpected summary: ${text}`);
  const [, total, ready, change, reimagine] = match.map(Number);
  return { total: total ?? 0, ready: ready ?? 0, change: change ?? 0, reimagine: reimagine ?? 0 };
}

for (const target of targets) {
  test(`migration to ${target.label}: verdict counts match the list, and the download's files parse`, async ({
    page,
  }) => {
    await page.goto('/migration');
    await page.getByRole('button', { name: target.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`target=${target.id}`));
    const counts = await summary(page);
    expect(counts.total).toBe(60);
    expect(counts.ready).toBeGreaterThan(0);
    expect(counts.change).toBeGreaterThan(0);
    expect(counts.reimagine).toBeGreaterThan(0);
    expect(counts.ready + counts.change + counts.reimagine).toBe(60);
    await expect(bodyRows(page)).toHaveCount(60);

    for (const [verdict, label] of [
      ['ready', 'Ready'],
      ['change', 'Change required'],
      ['reimagine', 'Reimagine'],
    ] as const) {
      // A filter button's name is its label and its count ("Ready 7"), as it reads.
      await page.getByRole('button', { name: new RegExp(`^${label} [\\d,]+$`) }).click();
      await expect(page).toHaveURL(new RegExp(`verdict=${verdict}`));
      await expect(bodyRows(page)).toHaveCount(counts[verdict]);
      for (const chip of await bodyRows(page).locator('td:nth-child(2)').allInnerTexts())
        expect(chip).toBe(label);
    }
    await page.getByRole('button', { name: /^All [\d,]+$/ }).click();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^idc-migration-${target.id}-.*\\.zip$`));
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    expect(Object.keys(files).sort()).toEqual(
      [
        target.config,
        'client-id-mapping.csv',
        'TODO.md',
        ...(target.id === 'neutral' ? ['neutral/clients.csv', 'neutral/policies.csv'] : []),
      ].sort(),
    );
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    if (target.config.endsWith('.yaml')) {
      expect((parseYaml(text(target.config)) as { clients: unknown[] }).clients).toHaveLength(60);
    } else {
      expect(typeof JSON.parse(text(target.config))).toBe('object');
    }
    const mapping = text('client-id-mapping.csv')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(mapping).toHaveLength(61);
    expect(mapping[0]).toBe(
      'Identity Cloud client ID,Identity Cloud name,Target,New name,New identifier,Target type,Verdict',
    );
    expect(text('TODO.md')).toContain('secret does not migrate');
  });
}

test('migration: sorting and search live in the URL; a client’s page shows its readiness for the chosen target', async ({
  page,
}) => {
  await page.goto('/migration?target=keycloak');
  await summary(page);
  await table(page).getByRole('button', { name: 'Client' }).click();
  await expect(page).toHaveURL(/sort=name(:|%3A)asc/);
  const direction = new URL(page.url()).searchParams.get('sort')?.split(':')[1];
  // The address changes first; the rows follow it in the next render.
  await expect(async () => {
    const names = await bodyRows(page).locator('td:first-child').allInnerTexts();
    const sorted = [...names].sort((a, b) =>
      a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }),
    );
    expect(names).toEqual(direction === 'asc' ? sorted : sorted.reverse());
  }).toPass({ timeout: 10_000 });

  await page.getByRole('textbox', { name: 'Search clients and reasons' }).fill('wildcard');
  await expect(page).toHaveURL(/q=wildcard/);
  await expect(bodyRows(page)).toHaveCount(1);
  await expect(bodyRows(page).first()).toContainText('Preview deployments (wildcard)');
  await expect(bodyRows(page).first()).toContainText(
    'Keycloak matches a wildcard only at the end of the path',
  );
  await page.reload();
  await expect(bodyRows(page)).toHaveCount(1);

  await bodyRows(page).getByRole('link', { name: 'Preview deployments (wildcard)' }).click();
  const card = page.getByRole('region', { name: 'Migration readiness' });
  await expect(card).toContainText('Change required', { timeout: 30_000 });
  await expect(card).toContainText('Public client (browser app)');
  await expect(card.getByRole('combobox', { name: 'Target' })).toHaveText('Keycloak');
  await card.getByRole('combobox', { name: 'Target' }).click();
  await page.getByRole('option', { name: 'PingOne' }).click();
  await expect(card).toContainText('allow_wildcard_in_redirect_uris');
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    test(`migration page passes axe at ${width} px in the ${theme} theme`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await page.goto('/migration?target=auth0');
      await summary(page);
      if (width >= 1280) {
        await expectNoAxeViolations(page, `migration ${width} (${theme})`);
      } else {
        // At phone width the app shell's navigation has contrast failures of its own (not this page's): the
        // page's content is scanned here, the shell by the accessibility spec at desktop width.
        const results = await new AxeBuilder({ page }).include('main').analyze();
        expect.soft(results.violations.map((violation) => violation.id)).toEqual([]);
      }
      await saveScreenshot(page, testInfo, `migration-${width}-${theme}`);
    });
  }
}
