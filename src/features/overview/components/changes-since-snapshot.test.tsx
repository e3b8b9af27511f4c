import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp, stubFetch } from '../../../test-support/browser/render-app.tsx';
import { ChangesSinceSnapshot } from './changes-since-snapshot.tsx';

function serve(answer: () => Response) {
  stubFetch(({ url }) =>
    url === '/api/history/snapshots' ? answer() : jsonResponse(404, { title: 'Not found', status: 404 }),
  );
}

const snapshot = (id: string, day: number, changes: unknown) => ({
  id,
  takenAt: `2026-11-0${day}T09:00:00Z`,
  source: 'refresh',
  partial: false,
  clients: 60,
  changes,
});

describe('changed since the last snapshot', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('links each kind of change to Drift between the latest snapshot and the one before', async () => {
    serve(() =>
      jsonResponse(200, {
        snapshots: [snapshot('s2', 2, { added: 2, removed: 0, changed: 1 }), snapshot('s1', 1, null)],
      }),
    );
    renderApp(<ChangesSinceSnapshot />);
    const card = await screen.findByRole('region', { name: 'Changed since the last snapshot' });
    expect(card).toHaveTextContent(/\+2 added, −0 removed, ~1 changed\./);
    expect(within(card).getByRole('link', { name: '+2 added' })).toHaveAttribute(
      'href',
      '/drift?base=s1&against=s2&show=added',
    );
    expect(within(card).getByRole('link', { name: '~1 changed' })).toHaveAttribute(
      'href',
      '/drift?base=s1&against=s2&show=changed',
    );
    expect(within(card).queryByRole('link', { name: /removed/ })).not.toBeInTheDocument();
  });

  it('says when the first snapshot was taken, and nothing at all while history is off', async () => {
    serve(() => jsonResponse(200, { snapshots: [snapshot('s1', 1, null)] }));
    const { unmount } = renderApp(<ChangesSinceSnapshot />);
    expect(await screen.findByText(/The first snapshot was taken 1 Nov 2026/)).toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();
    serve(() => jsonResponse(503, { title: 'History is off', status: 503, detail: 'history is off: x' }));
    renderApp(<ChangesSinceSnapshot />);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('region', { name: 'Changed since the last snapshot' })).not.toBeInTheDocument();
  });
});
