import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { waitForInventory } from './support/clients.ts';
import { exportFromMenu } from './support/downloads.ts';
import { startStack } from './support/stack.ts';

test('drift: export a snapshot, change the tenant, compare: removed, added and changed, then export the drift', async ({
  page,
}, testInfo) => {
  const stack = await startStack({ defaultConnection: true, sandbox: { clients: 20 } });
  try {
    const { sandbox } = stack;
    await page.goto(`${stack.baseURL}/clients`);
    await waitForInventory(page);
    const saved = await exportFromMenu(page, /^Inventory snapshot/);

    // Last month's snapshot had one more redirect URI on the documentation client (edited into the file).
    const documentationId = sandbox.data.special.clients.referenceDocumentation ?? '';
    const snapshot = JSON.parse(saved.text) as { clients: { id: string; redirectURIs?: string[] }[] };
    const documentation = snapshot.clients.find((client) => client.id === documentationId);
    documentation?.redirectURIs?.push('https://old-docs.example.com/callback');
    const snapshotPath = testInfo.outputPath(saved.fileName);
    await writeFile(snapshotPath, JSON.stringify(snapshot));

    // Since then: a client deleted, a configuration client added.
    const removedId = sandbox.data.special.clients.publicWithoutRedirect ?? '';
    const removedName = sandbox.data.clients.find((client) => client.id === removedId)?.name ?? '';
    sandbox.deleteClient(removedId);
    sandbox.addConfigurationClient({
      clientId: 'ci-new-pipeline',
      clientSecret: 'x'.repeat(32),
      scope: 'GET:config/**',
    });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await waitForInventory(page);

    await page.getByRole('link', { name: 'Drift', exact: true }).click();
    await expect(page).toHaveTitle(/^Drift · Client Inventory/);
    await page.getByLabel('Snapshot file').setInputFiles(snapshotPath);
    await expect(page.getByRole('region', { name: 'Base' })).toContainText(saved.fileName);
    await expect(page.getByRole('radio', { name: /^Client ID/ })).toBeChecked();

    await expect(page.getByText('3 clients differ; 18 unchanged.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Removed clients' })).toContainText(removedName);
    await expect(page.getByRole('list', { name: 'Added clients' })).toContainText(
      'Configuration client ci-new-pipeline',
    );
    const differences = page.getByRole('table', { name: 'Differences of Akamai Documentation Login Client' });
    await expect(differences.getByRole('row').nth(1)).toHaveText(
      /Redirect URI\s*removed\s*https:\/\/old-docs\.example\.com\/callback\s*—/,
    );

    // Filterable, in the URL.
    await page.getByRole('button', { name: /^Removed [\d,]+$/ }).click();
    await expect(page).toHaveURL(/\/drift\?show=removed$/);
    await expect(page.getByRole('list', { name: 'Added clients' })).toHaveCount(0);

    // Exportable as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^idc-drift-01000000-0000-3000-9000-000000000000-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain('removed,');
    expect(csv).toContain('https://old-docs.example.com/callback');

    // A file that is not a snapshot is refused in plain words.
    await page.getByRole('button', { name: 'Choose another base' }).click();
    await page.getByLabel('Snapshot file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await expect(page.getByRole('alert')).toContainText('This file is not a client inventory snapshot');
  } finally {
    await stack.close();
  }
});
