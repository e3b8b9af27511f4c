import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp, stubFetch } from '../../../test-support/browser/render-app.tsx';
import { ConnectPage } from './connect-page.tsx';

const sandbox = {
  identityDomain: 'http://127.0.0.1:4010',
  customerId: '01000000-0000-3000-9000-000000000000',
  clientId: 'config-client',
  clientSecret: 's3cret-value',
};

async function fill(values: Partial<typeof sandbox>) {
  const user = userEvent.setup({ delay: null });
  const fields = {
    identityDomain: screen.getByRole('combobox', { name: 'Identity domain' }),
    customerId: screen.getByRole('textbox', { name: 'Customer ID' }),
    clientId: screen.getByRole('textbox', { name: 'Client ID' }),
    clientSecret: screen.getByLabelText('Client secret'),
  };
  for (const [field, value] of Object.entries(values) as [keyof typeof fields, string][]) {
    // Pasting is one input event per field: typing key by key re-renders MUI for every character.
    await user.clear(fields[field]);
    if (value !== '') await user.paste(value);
  }
  return { user, fields };
}

function notConnected() {
  return stubFetch(({ url, method }) => {
    if (url === '/api/session' && method === 'GET')
      return jsonResponse(401, { title: 'Not connected', status: 401 });
    throw new Error(`unexpected request ${method} ${url}`);
  });
}

describe('connect page', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('explains every invalid field under it and sends nothing', async () => {
    const requests = notConnected();
    renderApp(<ConnectPage />, { path: '/connect' });
    const { user } = await fill({ identityDomain: 'http://idc.example.com', customerId: '1234' });
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText(/must use https:\/\//)).toBeInTheDocument();
    expect(screen.getByText(/The customer ID is a UUID/)).toBeInTheDocument();
    expect(screen.getByText('Enter the configuration client’s ID.')).toBeInTheDocument();
    expect(screen.getByText('Enter the configuration client’s secret.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Identity domain' })).toHaveAttribute('aria-invalid', 'true');
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('shows a message once a field is left, and clears it when corrected', async () => {
    notConnected();
    renderApp(<ConnectPage />, { path: '/connect' });
    const { user, fields } = await fill({ customerId: 'nope' });
    await user.tab();
    expect(await screen.findByText(/The customer ID is a UUID/)).toBeInTheDocument();
    await user.clear(fields.customerId);
    await user.paste(sandbox.customerId);
    await waitFor(() => expect(screen.queryByText(/The customer ID is a UUID/)).not.toBeInTheDocument());
  });

  it('keeps every value, the secret too, when the proxy refuses the credentials', async () => {
    const requests = stubFetch(({ url, method }) => {
      if (url === '/api/session' && method === 'GET')
        return jsonResponse(401, { title: 'Not connected', status: 401 });
      return jsonResponse(401, {
        title: 'Credentials refused',
        status: 401,
        detail:
          'Identity Cloud refused the client credentials (invalid_client). Check the client ID and secret.',
      });
    });
    renderApp(<ConnectPage />, { path: '/connect' });
    const { user, fields } = await fill(sandbox);
    await user.click(screen.getByRole('button', { name: 'Connect' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Identity Cloud refused these credentials')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Check the client ID and secret.');
    expect(fields.identityDomain).toHaveValue(sandbox.identityDomain);
    expect(fields.customerId).toHaveValue(sandbox.customerId);
    expect(fields.clientId).toHaveValue(sandbox.clientId);
    expect(fields.clientSecret).toHaveValue(sandbox.clientSecret);
    const post = requests.find((request) => request.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual(sandbox);
    // Nothing about the attempt is remembered, and never the secret.
    expect(JSON.stringify(localStorage)).not.toContain(sandbox.clientSecret);
  });

  it('puts the proxy’s field errors under their fields', async () => {
    stubFetch(({ url, method }) => {
      if (url === '/api/session' && method === 'GET')
        return jsonResponse(401, { title: 'Not connected', status: 401 });
      return jsonResponse(400, {
        title: 'Invalid connection',
        status: 400,
        detail: 'Some fields are invalid.',
        errors: [{ field: 'clientId', message: 'This client ID is too long.' }],
      });
    });
    renderApp(<ConnectPage />, { path: '/connect' });
    const { user } = await fill(sandbox);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByText('This client ID is too long.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('connects, remembers the three ids (not the secret) and opens the clients', async () => {
    stubFetch(({ url, method }) => {
      if (url === '/api/session' && method === 'GET')
        return jsonResponse(401, { title: 'Not connected', status: 401 });
      return jsonResponse(201, {
        identityDomain: sandbox.identityDomain,
        customerId: sandbox.customerId,
        clientId: sandbox.clientId,
        scope: '*:config/**',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        source: 'form',
      });
    });
    const { router } = renderApp(<ConnectPage />, { path: '/connect' });
    const { user } = await fill(sandbox);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients'));
    const stored = JSON.stringify(localStorage);
    expect(stored).toContain(sandbox.customerId);
    expect(stored).toContain(sandbox.clientId);
    expect(stored).not.toContain(sandbox.clientSecret);
  });

  it('shows the current connection with a Disconnect button', async () => {
    stubFetch(({ url, method }) => {
      if (url === '/api/session' && method === 'GET') {
        return jsonResponse(200, {
          ...sandbox,
          clientSecret: undefined,
          scope: '*:config/**',
          source: 'form',
        });
      }
      return new Response(null, { status: 204 });
    });
    renderApp(<ConnectPage />, { path: '/connect' });
    const current = await screen.findByRole('region', { name: /Current connection/ });
    expect(current).toHaveTextContent(sandbox.customerId);
    expect(within(current).getByRole('button', { name: 'Disconnect' })).toBeEnabled();
    expect(screen.getByRole('heading', { level: 2, name: 'Connect to another tenant' })).toBeInTheDocument();
  });
});
