import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  jsonResponse,
  ndjsonStream,
  renderApp,
  stubFetch,
} from '../../../test-support/browser/render-app.tsx';
import { FindingsPage } from './findings-page.tsx';

const clients = [
  {
    id: 'c-xss',
    name: 'Legacy portal',
    type: 'public',
    redirectURIs: ['javascript:alert(1)', 'http://portal.example.com/cb'],
    loginPolicy: 'lp-1',
    tokenPolicy: 'tp-1',
  },
  {
    id: 'c-http',
    name: 'Intranet app',
    type: 'public',
    redirectURIs: ['http://intranet.example.com/cb'],
    loginPolicy: 'lp-1',
    tokenPolicy: 'tp-1',
  },
  {
    id: 'c-ok',
    name: 'Shop',
    type: 'public',
    redirectURIs: ['https://shop.example.com/cb'],
    loginPolicy: 'lp-1',
    tokenPolicy: 'tp-1',
  },
];

function serveInventory(lines: unknown[]) {
  stubFetch(({ url }) => {
    if (url.startsWith('/api/inventory?')) {
      const stream = ndjsonStream();
      stream.push(...lines);
      stream.close();
      return stream.response;
    }
    return jsonResponse(404, { title: 'Not found', status: 404 });
  });
}

const list = { kind: 'list', total: clients.length, clients: clients.map(({ id, name }) => ({ id, name })) };
const clientLines = clients.map((client) => ({ kind: 'client', client }));
const done = { kind: 'done', clients: clients.length, failed: 0, ms: 5 };

describe('findings page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('groups findings by severity, worst first, then by rule, each linking to its client or policy', async () => {
    serveInventory([
      list,
      ...clientLines,
      { kind: 'loginPolicy', policy: { id: 'lp-1', title: 'Consumer sign-in' } },
      { kind: 'tokenPolicy', policy: { id: 'tp-1', title: 'Standard', refreshTokenLifetime: 86_400 } },
      { kind: 'tokenPolicy', policy: { id: 'tp-old', title: 'Old tokens', refreshTokenLifetime: 86_400 } },
      done,
    ]);
    renderApp(<FindingsPage />, { path: '/findings' });

    const sections = await screen.findAllByRole('heading', { level: 2 });
    expect(sections.map((heading) => heading.textContent)).toEqual([
      'Critical1 critical finding',
      'High2 high findings',
      'Low1 low finding',
    ]);
    const high = screen.getByRole('region', { name: /Redirect URI uses plain http/ });
    const matches = within(high).getByRole('list', { name: /Matches of/ });
    expect(
      within(matches)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Legacy portal', '/clients/c-xss'],
      ['Intranet app', '/clients/c-http'],
    ]);
    expect(within(high).getByText('http://intranet.example.com/cb')).toBeInTheDocument();
    const unused = screen.getByRole('region', { name: /Token policy is used by no client/ });
    expect(within(unused).getByRole('link', { name: 'Old tokens' })).toHaveAttribute(
      'href',
      '/policies/token/tp-old',
    );
    expect(screen.getByText('4 findings in 2 clients and 1 policy')).toBeInTheDocument();
    expect(screen.queryByText('Not everything could be checked')).not.toBeInTheDocument();
  });

  it('filters by severity through the URL', async () => {
    serveInventory([list, ...clientLines, done]);
    const { router } = renderApp(<FindingsPage />, { path: '/findings', url: '/findings?severity=high' });
    expect(await screen.findByRole('heading', { level: 2, name: /high finding/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: /critical/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /^All \d/ }));
    expect(router.state.location.search).toBe('');
    expect(await screen.findByRole('heading', { level: 2, name: /critical finding/ })).toBeInTheDocument();
  });

  it('says what could not be checked when the policies were forbidden, instead of implying all clear', async () => {
    serveInventory([
      list,
      ...clientLines,
      { kind: 'error', resource: 'loginPolicyList', status: 403, detail: 'Forbidden' },
      { kind: 'error', resource: 'tokenPolicyList', status: 403, detail: 'Forbidden' },
      done,
    ]);
    renderApp(<FindingsPage />, { path: '/findings' });
    const alert = (await screen.findByText('Not everything could be checked')).closest('[role="alert"]');
    expect(alert).toHaveTextContent(/login and token policy list was not read in full/);
    expect(alert).toHaveTextContent(/Confidential client refers to a policy missing from the tenant/);
  });
});
