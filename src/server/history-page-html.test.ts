// The HTML of /history over real HTTP: the server's default connection (an embedded sandbox) is the session, its
// history a real SQLite store, the built app a stand-in index.html. What a browser is sent: the session tenant's
// snapshots only, escaped, personal and uncached; without a store, the plain page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { carriedSnapshotsSchema } from '../identity-cloud/history-page-words.ts';
import { applyInventoryLine, emptyInventory } from '../identity-cloud/inventory.ts';
import type { HistoryTenant, InventorySource } from '../proxy/history-port.ts';
import { storeOff } from '../store/test-stores.ts';
import {
  htmlServersForEachTest,
  personalPageHtml,
  standInIndexHtml,
} from '../test-support/node/html-server-under-test.ts';
import type { RunningServer } from './start-server.ts';
import { historyShellRows } from './history-page.ts';

const { start, getPage } = htmlServersForEachTest();

const storeDirs: string[] = [];
afterEach(() => {
  for (const dir of storeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sqliteStore() {
  const dir = mkdtempSync(join(tmpdir(), 'idc-history-html-'));
  storeDirs.push(dir);
  return { kind: 'sqlite' as const, path: join(dir, 'inventory.db') };
}

const day = 86_400_000;

/** One complete read of `clients` clients with no details, as the proxy would record it. */
async function record(
  server: RunningServer,
  tenant: HistoryTenant,
  clients: number,
  takenAt: Date,
  source = 'scheduled',
): Promise<string> {
  const inventory = emptyInventory();
  const ids = Array.from({ length: clients }, (_, index) => ({
    id: `client-${index}`,
    name: `Client ${index}`,
  }));
  applyInventoryLine(inventory, { kind: 'list', total: clients, clients: ids });
  applyInventoryLine(inventory, { kind: 'done', clients, failed: 0, ms: 0 });
  // A word this build does not know is the one thing in a snapshot's row the store takes as it comes.
  const recorded = await server.history.recordNow({
    tenant,
    source: source as InventorySource,
    takenAt,
    inventory,
  });
  if (recorded === null) throw new Error('nothing recorded');
  return recorded.id;
}

function tenantOf(server: RunningServer): HistoryTenant {
  const { sandbox } = server;
  if (sandbox === null) throw new Error('no sandbox');
  return { identityDomain: sandbox.identityDomain, customerId: sandbox.customerId };
}

function carried(html: string) {
  const match = /<script type="application\/json" id="history-snapshots">([^<]*)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error('no snapshot list in the page');
  return carriedSnapshotsSchema.parse(JSON.parse(match[1]));
}

function pictureRows(html: string): string[] {
  const table = /<table aria-label="Snapshots \(the page is loading\)">.*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tbody>.*<\/tbody>/g)].flatMap((body) =>
    [...body[0].matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => row[1] ?? ''),
  );
}

describe('the HTML of /history', () => {
  it('draws the session tenant’s snapshots and carries their list, none of another tenant’s', async () => {
    const server = await start({ embeddedSandbox: { clients: 5 }, store: sqliteStore() });
    const tenant = tenantOf(server);
    const other = { identityDomain: 'https://other-tenant.example', customerId: 'another-customer' };
    const now = Date.now();
    const otherIds = [await record(server, other, 9, new Date(now - 10 * day))];
    const ownIds: string[] = [];
    for (let index = 0; index < 55; index += 1) {
      ownIds.unshift(await record(server, tenant, 3 + (index % 2), new Date(now - (60 - index) * day)));
    }
    otherIds.push(await record(server, other, 9, new Date(now - day)));

    const response = await getPage(server, '/history');
    const html = await personalPageHtml(response);

    const list = carried(html);
    expect(list.customerId).toBe(tenant.customerId);
    expect(list.identityDomain).toBe(tenant.identityDomain);
    expect(list.snapshots.map((snapshot) => snapshot.id)).toEqual(ownIds);
    // The picture: the table's first page, newest first, each row linking to Drift from its snapshot.
    const rows = pictureRows(html);
    expect(rows).toHaveLength(historyShellRows);
    expect(rows.map((row) => /href="\/drift\?base=([^"]*)"/.exec(row)?.[1])).toEqual(
      ownIds.slice(0, historyShellRows),
    );
    expect(html).toContain('<h1>History</h1>');
    expect(html).toContain(`Customer ${tenant.customerId}. 55 snapshots, the latest taken `);
    expect(html).toContain('<h2 id="fp-snapshots-heading">Snapshots (55)</h2>');
    expect(html).not.toContain('another-customer');
    expect(html).not.toContain('other-tenant.example');
    for (const id of otherIds) expect(html).not.toContain(`base=${id}"`);
    for (const secret of [
      server.sandbox?.clientSecret ?? '',
      ...(server.sandbox?.issuedAccessTokens() ?? []),
    ])
      expect(html).not.toContain(secret);
    expect(html).toContain('<script type="module" src="/assets/index-3f9a1c.js"></script>');
  });

  it('writes what the store holds as text, and the list so that it cannot end its element', async () => {
    const server = await start({ embeddedSandbox: { clients: 5 }, store: sqliteStore() });
    const hostile = '<img src=x onerror=alert(1)> $& </script><!--';
    await record(server, tenantOf(server), 2, new Date(Date.now() - day));
    await record(server, tenantOf(server), 3, new Date(), hostile);
    const html = await (await getPage(server, '/history')).text();
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain(
      '<td class="fp-wide">&lt;img src=x onerror=alert(1)&gt; $&amp; &lt;/script&gt;&lt;!--</td>',
    );
    expect(carried(html).snapshots[0]?.source).toBe(hostile);
  });

  it('is the plain page with the store off, without a session, with nothing recorded, and for a picked page', async () => {
    const off = await start({ embeddedSandbox: { clients: 5 }, store: storeOff });
    const offPage = await getPage(off, '/history');
    expect(offPage.status).toBe(200);
    expect(await offPage.text()).toBe(standInIndexHtml);

    const empty = await start({ embeddedSandbox: { clients: 5 }, store: sqliteStore() });
    expect(await (await getPage(empty, '/history')).text()).toBe(standInIndexHtml);
    await record(empty, tenantOf(empty), 2, new Date());
    expect(await (await getPage(empty, '/history')).text()).not.toBe(standInIndexHtml);
    expect(await (await getPage(empty, '/history?page=2')).text()).toBe(standInIndexHtml);
    const ended = await getPage(empty, '/history', { cookie: '__Host-idc_session=0123456789abcdef' });
    expect(await ended.text()).toBe(standInIndexHtml);

    const noConnection = await start({ embeddedSandbox: false, store: sqliteStore() });
    expect(await (await getPage(noConnection, '/history')).text()).toBe(standInIndexHtml);
  });
});
