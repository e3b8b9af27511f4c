import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp, stubFetch } from '../../../test-support/browser/render-app.tsx';
import { bodyCellTexts } from '../../../test-support/browser/table-cells.ts';
import { HistoryPage } from './history-page.tsx';

const session = {
  identityDomain: 'http://127.0.0.1:4010',
  customerId: '01000000-0000-3000-9000-000000000000',
  clientId: 'config',
  source: 'server',
};

const snapshots = [
  {
    id: 's3',
    takenAt: '2026-11-03T09:00:00Z',
    source: 'refresh',
    partial: true,
    clients: 61,
    changes: { added: 2, removed: 1, changed: 3 },
    findings: { high: 4 },
  },
  {
    id: 's2',
    takenAt: '2026-11-02T09:00:00Z',
    source: 'scheduled',
    partial: false,
    clients: 60,
    changes: { added: 0, removed: 0, changed: 0 },
  },
  {
    id: 's1',
    takenAt: '2026-11-01T09:00:00Z',
    source: 'browser',
    partial: false,
    clients: 60,
    changes: null,
  },
];

function serve(history: (url: string) => Response) {
  return stubFetch(({ url }) => {
    if (url === '/api/session') return jsonResponse(200, session);
    if (url.startsWith('/api/history/')) return history(url);
    return jsonResponse(404, { title: 'Not found', status: 404 });
  });
}

function rowTexts() {
  const table = screen.getByRole('table', { name: 'Snapshots' });
  return bodyCellTexts(table).map((cells) => cells.slice(1, 6));
}

describe('history page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the snapshots newest first with source, counts, the partial marker and the changes', async () => {
    serve(() => jsonResponse(200, { snapshots }));
    renderApp(<HistoryPage />, { path: '/history' });
    await screen.findByRole('table', { name: 'Snapshots' });
    expect(rowTexts()).toEqual([
      [
        expect.stringMatching(/^3 Nov 2026.*Partial$/),
        'Refresh',
        '61',
        '4',
        '+2−1~32 added, 1 removed, 3 changed',
      ],
      [expect.stringMatching(/^2 Nov 2026/), 'Scheduled', '60', '—', 'No change'],
      [expect.stringMatching(/^1 Nov 2026/), 'Page load', '60', '—', 'First snapshot'],
    ]);
    expect(screen.getAllByRole('link', { name: 'Compare with now' })[2]).toHaveAttribute(
      'href',
      '/drift?base=s1',
    );
  });

  it('compares two picked snapshots in Drift, older as the base, the picks kept in the address', async () => {
    serve(() => jsonResponse(200, { snapshots }));
    const { router } = renderApp(<HistoryPage />, { path: '/history' });
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'Snapshots' });
    expect(screen.getByRole('button', { name: 'Compare in Drift' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /Pick the snapshot of 3 Nov 2026/ }));
    await user.click(screen.getByRole('checkbox', { name: /Pick the snapshot of 1 Nov 2026/ }));
    expect(router.state.location.search).toBe('?pick=s3&pick=s1');
    expect(screen.getByRole('link', { name: 'Compare in Drift' })).toHaveAttribute(
      'href',
      '/drift?base=s1&against=s3',
    );
  });

  it('draws the list the page’s HTML carried for this tenant, whatever its own request answers', async () => {
    serve(() => jsonResponse(500, { title: 'Failed', status: 500 }));
    const carried = document.createElement('script');
    carried.type = 'application/json';
    carried.id = 'history-snapshots';
    carried.textContent = JSON.stringify({
      identityDomain: session.identityDomain,
      customerId: session.customerId,
      snapshots,
    });
    document.body.append(carried);
    try {
      renderApp(<HistoryPage />, { path: '/history' });
      await screen.findByRole('table', { name: 'Snapshots' });
      expect(rowTexts().map((cells) => cells[2])).toEqual(['61', '60', '60']);
      expect(screen.getByText(/3 snapshots, the latest taken 3 Nov 2026/)).toBeInTheDocument();
    } finally {
      carried.remove();
    }
  });

  it('does not draw a list the HTML carried for another tenant', async () => {
    serve(() => jsonResponse(200, { snapshots: snapshots.slice(1) }));
    const carried = document.createElement('script');
    carried.type = 'application/json';
    carried.id = 'history-snapshots';
    carried.textContent = JSON.stringify({
      identityDomain: session.identityDomain,
      customerId: 'other',
      snapshots,
    });
    document.body.append(carried);
    try {
      renderApp(<HistoryPage />, { path: '/history' });
      expect(await screen.findByText(/2 snapshots, the latest taken 2 Nov 2026/)).toBeInTheDocument();
    } finally {
      carried.remove();
    }
  });

  it('says there is nothing to show while history is off', async () => {
    serve(() =>
      jsonResponse(503, { title: 'History is off', status: 503, detail: 'history is off: IDC_STORE=off' }),
    );
    renderApp(<HistoryPage />, { path: '/history' });
    expect(await screen.findByText('Nothing to show while history is off.')).toBeInTheDocument();
  });

  it('says in a plain sentence when the history cannot be read for another reason', async () => {
    serve(() => new Response('<html>proxy error</html>', { status: 400 }));
    renderApp(<HistoryPage />, { path: '/history' });
    expect(
      await screen.findByText(/could not read the history|The request failed with status 400/),
    ).toBeInTheDocument();
  });

  it('says so when nothing was recorded yet', async () => {
    serve(() => jsonResponse(200, { snapshots: [] }));
    renderApp(<HistoryPage />, { path: '/history' });
    expect(await screen.findByText(/No snapshot yet/)).toBeInTheDocument();
  });
});
