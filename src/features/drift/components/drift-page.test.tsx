import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildInventory,
  confidentialClient,
  loginPolicyA,
  publicClient,
  tokenPolicyA,
} from '../../../identity-cloud/inventory-fixtures.ts';
import { createSnapshot, toJsonExport } from '../../../identity-cloud/snapshot.ts';
import {
  jsonResponse,
  ndjsonStream,
  renderApp,
  stubFetch,
} from '../../../test-support/browser/render-app.tsx';
import { bodyCellTexts } from '../../../test-support/browser/table-cells.ts';
import { setDriftBase } from '../hooks/drift-base-store.ts';
import { DriftPage } from './drift-page.tsx';

const customerId = '01000000-0000-3000-9000-000000000000';
const session = { identityDomain: 'http://127.0.0.1:4010', customerId, clientId: 'config', source: 'server' };

// Today: "shop" gained a redirect URI and lost one, "billing" is new, "legacy" is gone.
const today = [
  publicClient('shop', ['https://shop.example.com/cb', 'https://shop.example.com/new']),
  confidentialClient('billing'),
];
const earlier = [
  publicClient('shop', ['https://shop.example.com/cb', 'http://shop.example.com/old']),
  publicClient('legacy'),
];

function storedSnapshot(clients: typeof today, exportedAt: string) {
  return createSnapshot(
    buildInventory({ clients, loginPolicies: [loginPolicyA], tokenPolicies: [tokenPolicyA] }),
    { identityDomain: session.identityDomain, customerId, exportedAt: new Date(exportedAt) },
  );
}

const storedSnapshots: Record<string, unknown> = {
  '/api/history/snapshots/s1': storedSnapshot(earlier, '2026-11-01T09:00:00Z'),
  '/api/history/snapshots/s2': storedSnapshot([publicClient('legacy')], '2026-11-02T09:00:00Z'),
};

function serve() {
  stubFetch(({ url }) => {
    if (url === '/api/session') return jsonResponse(200, session);
    const stored = storedSnapshots[url];
    if (stored !== undefined) return jsonResponse(200, stored);
    if (url.startsWith('/api/inventory?')) {
      const stream = ndjsonStream();
      stream.push(
        { kind: 'list', total: today.length, clients: today.map(({ id, name }) => ({ id, name })) },
        ...today.map((client) => ({ kind: 'client', client })),
        { kind: 'loginPolicy', policy: loginPolicyA },
        { kind: 'tokenPolicy', policy: tokenPolicyA },
        { kind: 'done', clients: today.length, failed: 0, ms: 3 },
      );
      stream.close();
      return stream.response;
    }
    return jsonResponse(404, { title: 'Not found', status: 404 });
  });
}

/** The earlier clients under other ids, as another tenant would hold them: only their names match today's. */
const earlierElsewhere = earlier.map((client) => ({ ...client, id: `elsewhere-${client.id}` }));

function snapshotFile(name = 'idc-inventory-2024-05-01.json', clients = earlier) {
  const inventory = buildInventory({
    clients,
    loginPolicies: [loginPolicyA],
    tokenPolicies: [tokenPolicyA],
  });
  const snapshot = createSnapshot(inventory, {
    identityDomain: session.identityDomain,
    customerId,
    exportedAt: new Date('2024-05-01T10:00:00Z'),
  });
  return new File([toJsonExport(snapshot)], name, { type: 'application/json' });
}

describe('drift page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setDriftBase(null);
  });

  it('says in plain words why a file is not a snapshot', async () => {
    serve();
    renderApp(<DriftPage />, { path: '/drift' });
    const user = userEvent.setup();
    await user.upload(
      screen.getByLabelText('Snapshot file'),
      new File(['{"clients": []}'], 'clients.json', { type: 'application/json' }),
    );
    expect(
      await screen.findByText(
        /“clients.json”: This file is not a client inventory snapshot: it has no "format" field/,
      ),
    ).toBeInTheDocument();
    await user.upload(
      screen.getByLabelText('Snapshot file'),
      new File(['Name,Client ID\r\n'], 'clients-export.json', { type: 'application/json' }),
    );
    expect(await screen.findByText(/“clients-export.json”: This file is not JSON/)).toBeInTheDocument();
  });

  it('lists added, removed and changed clients with field-level differences, filterable', async () => {
    serve();
    const { router } = renderApp(<DriftPage />, { path: '/drift' });
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Snapshot file'), snapshotFile());

    const base = await screen.findByRole('region', { name: 'Base' });
    expect(base).toHaveTextContent('idc-inventory-2024-05-01.json');
    expect(await screen.findByText('3 clients differ; 0 unchanged.')).toBeInTheDocument();

    const added = screen.getByRole('list', { name: 'Added clients' });
    expect(within(added).getByRole('link', { name: 'Confidential billing' })).toHaveAttribute(
      'href',
      '/clients/billing',
    );
    expect(screen.getByRole('list', { name: 'Removed clients' })).toHaveTextContent('Public legacy');
    const differences = screen.getByRole('table', { name: 'Differences of Public shop' });
    expect(bodyCellTexts(differences)).toEqual([
      ['Redirect URI', 'added', '—', 'https://shop.example.com/new'],
      ['Redirect URI', 'removed', 'http://shop.example.com/old', '—'],
    ]);

    await user.click(screen.getByRole('button', { name: /^Removed \d/ }));
    expect(router.state.location.search).toBe('?show=removed');
    expect(screen.queryByRole('list', { name: 'Added clients' })).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Removed clients' })).toBeInTheDocument();
  });

  it('keeps the current inventory in memory as the base, for a comparison after switching tenants', async () => {
    serve();
    renderApp(<DriftPage />, { path: '/drift' });
    const user = userEvent.setup();
    const keep = screen.getByRole('button', { name: 'Keep this inventory as the base' });
    await waitFor(() => expect(keep).toBeEnabled());
    await user.click(keep);
    expect(await screen.findByRole('region', { name: 'Base' })).toHaveTextContent('Kept in memory');
    expect(await screen.findByText('No differences: 2 clients unchanged.')).toBeInTheDocument();
  });

  it('matches by name when asked, as across two tenants', async () => {
    serve();
    const { router } = renderApp(<DriftPage />, { path: '/drift' });
    const user = userEvent.setup();
    await user.upload(
      screen.getByLabelText('Snapshot file'),
      snapshotFile('idc-inventory-elsewhere.json', earlierElsewhere),
    );
    // By id nothing matches: today's two clients are added, the base's two removed.
    await screen.findByText('4 clients differ; 0 unchanged.');
    await user.click(screen.getByRole('radio', { name: 'Name (two tenants)' }));
    expect(router.state.location.search).toBe('?match=name');
    // By name: "shop" changed, "billing" added, "legacy" removed.
    expect(await screen.findByText('3 clients differ; 0 unchanged.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Differences of Public shop' })).toBeInTheDocument();
  });

  it('takes a stored snapshot as its base, from the address, and compares it with the live inventory', async () => {
    serve();
    renderApp(<DriftPage />, { path: '/drift', url: '/drift?base=s1' });
    const base = await screen.findByRole('region', { name: 'Base' });
    expect(base).toHaveTextContent(/Stored in the historySnapshot of 1 Nov 2026/);
    expect(await screen.findByText('3 clients differ; 0 unchanged.')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Added clients' })).toHaveTextContent('Confidential billing');
  });

  it('compares two stored snapshots with each other', async () => {
    serve();
    renderApp(<DriftPage />, { path: '/drift', url: '/drift?base=s1&against=s2' });
    const against = await screen.findByRole('region', { name: 'Compared with' });
    expect(against).toHaveTextContent(/Snapshot of 2 Nov 2026/);
    // s1: shop and legacy; s2: legacy alone.
    expect(await screen.findByText('1 client differ; 1 unchanged.')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Removed clients' })).toHaveTextContent('Public shop');
  });

  it('says so when the stored snapshot cannot be found', async () => {
    serve();
    renderApp(<DriftPage />, { path: '/drift', url: '/drift?base=gone' });
    expect(await screen.findByText('The stored base snapshot not found')).toBeInTheDocument();
  });
});
