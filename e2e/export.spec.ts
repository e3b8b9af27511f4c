import { expect, test } from '@playwright/test';
import { parseSnapshot } from '../src/identity-cloud/snapshot.ts';
import { dataRows, searchBox, waitForInventory } from './support/clients.ts';
import { exportFromMenu } from './support/downloads.ts';

const customerId = '01000000-0000-3000-9000-000000000000';

function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// The default web server: the embedded sandbox (60 clients). Downloads go through a Blob URL and an
// <a download>: the page's Content-Security-Policy (no blob: source) must not get in the way.
test('Export saves the filtered view as CSV and JSON, and the whole inventory as a snapshot', async ({
  page,
}) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto('/clients');
  await waitForInventory(page);
  await searchBox(page).fill('akamai');
  await expect(page).toHaveURL(/q=akamai/);
  // "This view" is what the grid shows; the router renders a navigation as a transition, so on a busy machine the
  // rows follow the URL a moment later.
  await expect(dataRows(page)).toHaveCount(2);

  const csv = await exportFromMenu(page, /^CSV of this view/);
  expect(csv.fileName).toBe(`idc-clients-${customerId}-${today()}.csv`);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'Name,Client ID,Kind,Redirect URIs,Login policy,Login policy ID,Token policy,Token policy ID,Findings,Worst severity,Rules,Status',
  );
  expect(lines).toHaveLength(3);
  const documentation = lines.find((line) => line.startsWith('Akamai Documentation Login Client,'));
  expect(documentation).toMatch(
    /^Akamai Documentation Login Client,b83fff95-a685-49db-a019-84d03275f7a0,Confidential,https:\/\/techdocs\.example\.com\/oauth\/callback[^,]*,[^,]+,[0-9a-f-]{36},[^,]+,[0-9a-f-]{36},0,,,loaded$/,
  );

  const view = await exportFromMenu(page, /^JSON of this view/);
  expect(view.fileName).toBe(`idc-clients-${customerId}-${today()}.json`);
  const viewSnapshot = parseSnapshot(view.text);
  expect(viewSnapshot.success && viewSnapshot.snapshot.scope).toBe('view');
  expect(viewSnapshot.success && viewSnapshot.snapshot.clients.map((client) => client.name).sort()).toEqual([
    'Akamai Documentation Login Client',
    'Akamai Training Login Client',
  ]);

  const whole = await exportFromMenu(page, /^Inventory snapshot/);
  expect(whole.fileName).toBe(`idc-inventory-${customerId}-${today()}.json`);
  const parsed = parseSnapshot(whole.text);
  if (!parsed.success) throw new Error(parsed.error);
  expect(parsed.snapshot).toMatchObject({
    scope: 'inventory',
    customerId,
    format: 'idc-client-inventory-snapshot',
  });
  expect(parsed.snapshot.clients).toHaveLength(60);
  expect(parsed.snapshot.findings).toHaveLength(17);
  // Secrets never reach the file (the proxy redacts them; the snapshot redacts again).
  expect(whole.text).not.toMatch(/sandbox-secret/);
  expect(cspViolations).toEqual([]);
});
