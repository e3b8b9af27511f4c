import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp, stubFetch } from '../../test-support/browser/render-app.tsx';
import { HistoryOffBanner } from './history-off-banner.tsx';

describe('history off banner', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says history is off and why', async () => {
    stubFetch(() => jsonResponse(200, { enabled: false, reason: 'the store file is not writable.' }));
    renderApp(<HistoryOffBanner />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'History is off: the store file is not writable. Everything else works as usual; new inventories are not remembered.',
    );
  });

  it('says nothing while history is on', async () => {
    const requests = stubFetch(() => jsonResponse(200, { enabled: true, reason: null }));
    renderApp(<HistoryOffBanner />);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('reads a server without history routes as history off', async () => {
    stubFetch(() => jsonResponse(404, { title: 'Not found', status: 404 }));
    renderApp(<HistoryOffBanner />);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'History is off: this dashboard’s server does not keep a history.',
    );
  });
});
