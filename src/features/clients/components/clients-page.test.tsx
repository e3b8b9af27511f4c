import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  jsonResponse,
  ndjsonStream,
  renderApp,
  stubFetch,
} from '../../../test-support/browser/render-app.tsx';
import { ClientsPage } from './clients-page.tsx';

const session = {
  identityDomain: 'http://127.0.0.1:4010',
  customerId: '01000000-0000-3000-9000-000000000000',
  clientId: 'config',
  scope: '*:config/**',
  source: 'server',
};

const summaries = [
  { id: 'c-web', name: 'Web shop' },
  { id: 'c-app', name: 'Mobile app' },
  { id: 'c-cfg', name: 'Deployment pipeline' },
];

const clients = {
  'c-web': {
    id: 'c-web',
    name: 'Web shop',
    type: 'confidential',
    redirectURIs: ['https://shop.example.com/cb'],
    loginPolicy: 'lp-1',
    tokenPolicy: 'tp-1',
  },
  'c-app': {
    id: 'c-app',
    name: 'Mobile app',
    type: 'public',
    redirectURIs: ['com.example.app:/cb'],
    loginPolicy: 'lp-1',
    tokenPolicy: 'tp-1',
  },
  'c-cfg': { id: 'c-cfg', name: 'Deployment pipeline', type: 'confidential', tokenPolicy: 'tp-1' },
};

function withInventory(inventory: () => Response) {
  return stubFetch(({ url }) => {
    if (url === '/api/session') return jsonResponse(200, session);
    if (url.startsWith('/api/inventory?')) return inventory();
    throw new Error(`unexpected request ${url}`);
  });
}

describe('clients page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('while the list is on its way: an indeterminate progress bar and the heading', async () => {
    const stream = ndjsonStream();
    withInventory(() => stream.response);
    renderApp(<ClientsPage />, { path: '/clients' });
    expect(screen.getByRole('heading', { level: 1, name: 'Clients' })).toBeInTheDocument();
    expect(await screen.findByRole('progressbar', { name: 'Loading the client list' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar', { name: 'Loading client details' })).not.toBeInTheDocument();
    stream.close();
  });

  it('partial: the total and names at once, then a determinate “n of N” bar until done', async () => {
    const stream = ndjsonStream();
    withInventory(() => stream.response);
    renderApp(<ClientsPage />, { path: '/clients' });
    stream.push({ kind: 'list', total: 3, clients: summaries }, { kind: 'client', client: clients['c-web'] });

    expect(await screen.findByText('3 clients')).toBeInTheDocument();
    const bar = await screen.findByRole('progressbar', { name: 'Loading client details' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', '1 of 3'));
    expect(screen.getByText(/^0 public · 1 confidential · 0 configuration/)).toHaveTextContent('so far');

    stream.push(
      { kind: 'client', client: clients['c-app'] },
      { kind: 'client', client: clients['c-cfg'] },
      { kind: 'loginPolicy', policy: { id: 'lp-1', title: 'Consumer sign-in' } },
      { kind: 'tokenPolicy', policy: { id: 'tp-1', title: 'Standard session' } },
      { kind: 'done', clients: 3, failed: 0, ms: 12 },
    );
    stream.close();
    await waitFor(() =>
      expect(screen.queryByRole('progressbar', { name: 'Loading client details' })).not.toBeInTheDocument(),
    );
    expect(screen.getByText('1 public · 1 confidential · 1 configuration')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Configuration \d/ })).toHaveTextContent('1');
  });

  it('marks a client that failed, and offers a retry once the stream is over', async () => {
    const stream = ndjsonStream();
    const requests = stubFetch(({ url }) => {
      if (url === '/api/session') return jsonResponse(200, session);
      if (url.startsWith('/api/inventory?')) return stream.response;
      if (url === '/api/config/clients/c-app') return jsonResponse(200, clients['c-app']);
      throw new Error(`unexpected request ${url}`);
    });
    renderApp(<ClientsPage />, { path: '/clients' });
    stream.push(
      { kind: 'list', total: 3, clients: summaries },
      { kind: 'client', client: clients['c-web'] },
      { kind: 'client', client: clients['c-cfg'] },
      { kind: 'error', resource: 'client', id: 'c-app', status: 502, detail: 'Identity Cloud failed (502).' },
      { kind: 'done', clients: 3, failed: 1, ms: 12 },
    );
    stream.close();
    const alert = await screen.findByText('One client’s details could not be loaded');
    const user = userEvent.setup({ delay: null });
    await user.click(
      within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Retry all' }),
    );
    await waitFor(() =>
      expect(screen.queryByText('One client’s details could not be loaded')).not.toBeInTheDocument(),
    );
    expect(requests.map((request) => request.url)).toContain('/api/config/clients/c-app');
    expect(screen.getByText('1 public · 1 confidential · 1 configuration')).toBeInTheDocument();
  });

  it('empty: says the tenant has no clients', async () => {
    const stream = ndjsonStream();
    withInventory(() => stream.response);
    renderApp(<ClientsPage />, { path: '/clients' });
    stream.push({ kind: 'list', total: 0, clients: [] }, { kind: 'done', clients: 0, failed: 0, ms: 1 });
    stream.close();
    expect(await screen.findByText('0 clients')).toBeInTheDocument();
    expect(
      await screen.findByText('This tenant has no clients.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it('error 401: not connected, with a way to connect', async () => {
    withInventory(() => jsonResponse(401, { title: 'Not connected', status: 401, detail: 'No session.' }));
    renderApp(<ClientsPage />, { path: '/clients' });
    expect(await screen.findByText('Not connected or credentials refused')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connect' })).toHaveAttribute('href', '/connect');
  });

  it('error 5xx or network: says what failed and retries on demand', async () => {
    let attempts = 0;
    withInventory(() => {
      attempts += 1;
      if (attempts === 1)
        return jsonResponse(502, { title: 'Bad gateway', status: 502, detail: 'Identity Cloud failed.' });
      const stream = ndjsonStream();
      stream.push(
        { kind: 'list', total: 1, clients: [summaries[0]] },
        { kind: 'client', client: clients['c-web'] },
      );
      stream.push({ kind: 'done', clients: 1, failed: 0, ms: 1 });
      stream.close();
      return stream.response;
    });
    renderApp(<ClientsPage />, { path: '/clients' });
    expect(await screen.findByText('Could not load the clients')).toBeInTheDocument();
    expect(screen.getByText('Identity Cloud failed.')).toBeInTheDocument();
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1 client')).toBeInTheDocument();
    expect(screen.queryByText('Could not load the clients')).not.toBeInTheDocument();
  });

  it('a token without policy permission: every client, and an explanation instead of titles', async () => {
    const stream = ndjsonStream();
    withInventory(() => stream.response);
    renderApp(<ClientsPage />, { path: '/clients' });
    stream.push(
      { kind: 'list', total: 1, clients: [summaries[0]] },
      { kind: 'client', client: clients['c-web'] },
      { kind: 'error', resource: 'loginPolicy', id: 'lp-1', status: 403, detail: 'Forbidden' },
      { kind: 'error', resource: 'tokenPolicy', id: 'tp-1', status: 403, detail: 'Forbidden' },
      { kind: 'done', clients: 1, failed: 0, ms: 1 },
    );
    stream.close();
    expect(await screen.findByText('Not permitted to read the login and token policies')).toBeInTheDocument();
    expect(screen.getByText(/only their policy titles are missing/)).toBeInTheDocument();
  });

  it('keeps the search and the kind in the URL even when a click follows a keystroke at once', async () => {
    const stream = ndjsonStream();
    withInventory(() => stream.response);
    const { router } = renderApp(<ClientsPage />, { path: '/clients' });
    stream.push(
      { kind: 'list', total: 3, clients: summaries },
      ...Object.values(clients).map((client) => ({ kind: 'client', client })),
      { kind: 'done', clients: 3, failed: 0, ms: 1 },
    );
    stream.close();
    expect(await screen.findByText('1 public · 1 confidential · 1 configuration')).toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('searchbox', { name: 'Search clients' }));
    await user.paste('shop');
    await user.click(screen.getByRole('button', { name: /^Confidential \d/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=shop&kind=confidential'));
    expect(screen.getByRole('button', { name: /^Confidential \d/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /^All \d/ })).toHaveTextContent('1');

    // Back: the kind goes, the search (typed, so replaced in place) stays.
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe('?q=shop'));
    expect(screen.getByRole('searchbox', { name: 'Search clients' })).toHaveValue('shop');
  });
});
