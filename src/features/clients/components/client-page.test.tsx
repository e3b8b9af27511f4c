import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicClient } from '../../../identity-cloud/inventory-fixtures.ts';
import { jsonResponse, renderApp, stubFetch } from '../../../test-support/browser/render-app.tsx';
import { bodyCellTexts } from '../../../test-support/browser/table-cells.ts';
import { ClientPage } from './client-page.tsx';

const session = {
  identityDomain: 'http://127.0.0.1:4010',
  customerId: '01000000-0000-3000-9000-000000000000',
  clientId: 'config',
  source: 'server',
};

const first = publicClient('shop', ['https://shop.example.com/cb']);
const second = {
  ...first,
  name: 'Shop',
  redirectURIs: ['https://shop.example.com/cb', 'https://shop.example.com/new'],
};

function serve(routes: Record<string, () => Response>) {
  return stubFetch(({ url }) => {
    if (url === '/api/session') return jsonResponse(200, session);
    const route = routes[url];
    if (route !== undefined) return route();
    return jsonResponse(404, { title: 'Not found', status: 404 });
  });
}

const history = {
  versions: [
    { snapshotId: 's1', takenAt: '2026-11-01T09:00:00Z', client: first },
    { snapshotId: 's4', takenAt: '2026-11-04T09:00:00Z', client: second },
  ],
  removedAt: null,
};

describe('client page history', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows when the client was first seen and last changed, and each change field by field', async () => {
    serve({
      '/api/config/clients/shop': () => jsonResponse(200, second),
      '/api/history/clients/shop': () => jsonResponse(200, history),
    });
    renderApp(<ClientPage />, { path: '/clients/:clientId', url: '/clients/shop' });
    const card = await screen.findByRole('region', { name: 'History' });
    const changes = await within(card).findByRole('table', { name: /^Changes seen on 4 Nov 2026/ });
    expect(card).toHaveTextContent(/First seen1 Nov 2026/);
    expect(card).toHaveTextContent(/Last changed4 Nov 2026/);
    expect(bodyCellTexts(changes)).toEqual([
      ['Name', 'changed', 'Public shop', 'Shop'],
      ['Redirect URI', 'added', '—', 'https://shop.example.com/new'],
    ]);
    expect(within(card).getByRole('link', { name: 'Compare the two snapshots' })).toHaveAttribute(
      'href',
      '/drift?base=s1&against=s4',
    );
  });

  it('shows a client gone from the tenant read-only from the history, marked removed', async () => {
    serve({
      '/api/history/clients/shop': () => jsonResponse(200, { ...history, removedAt: '2026-11-06T09:00:00Z' }),
    });
    renderApp(<ClientPage />, { path: '/clients/:clientId', url: '/clients/shop' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Shop' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^Removed on 6 Nov 2026.*This is the client as the history last saw it \(4 Nov 2026.*\), read-only/,
    );
    expect(screen.getByText('https://shop.example.com/new')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Client not found' })).not.toBeInTheDocument();
  });

  it('says the client is not found when neither the tenant nor the history has it', async () => {
    serve({
      '/api/history/clients/shop': () => jsonResponse(200, { versions: [], removedAt: null }),
    });
    renderApp(<ClientPage />, { path: '/clients/:clientId', url: '/clients/shop' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Client not found' })).toBeInTheDocument();
  });

  it('keeps the page whole when history is off', async () => {
    serve({
      '/api/config/clients/shop': () => jsonResponse(200, second),
      '/api/history/clients/shop': () =>
        jsonResponse(503, { title: 'History is off', status: 503, detail: 'history is off: IDC_STORE=off' }),
    });
    renderApp(<ClientPage />, { path: '/clients/:clientId', url: '/clients/shop' });
    expect(await screen.findByText('Nothing to show while history is off.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Shop' })).toBeInTheDocument();
  });
});
