// The sign-in layer as the server composes it, over real HTTP: the proxy mode believes its header only from a
// trusted socket address, and the oidc mode sends pages to sign-in and answers the API with 401 problem+json.
import { describe, expect, it } from 'vitest';
import { readAuthConfig } from '../auth/auth-config.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import { startServer } from './start-server.ts';
import { closedAfterEachTest } from '../test-support/node/proxy-under-test.ts';
import { connectionOf } from '../test-support/node/sandbox-connection.ts';

const { track } = closedAfterEachTest();

async function serverWith(env: Record<string, string>) {
  const { auth, errors } = readAuthConfig(env);
  expect(errors).toEqual([]);
  const sandbox = await startSandbox({ quiet: true, clients: 5 });
  track(() => sandbox.close());
  const logLines: string[] = [];
  const server = await startServer({
    staticDir: null,
    auth,
    proxy: { log: (line) => logLines.push(line), defaultConnection: connectionOf(sandbox) },
  });
  track(() => server.close());
  return { origin: server.url.replace(/\/$/, ''), logLines };
}

const proxyEnv = (trusted: string) => ({
  AUTH_MODE: 'proxy',
  AUTH_PROXY_USER_HEADER: 'X-Forwarded-Email',
  AUTH_TRUSTED_PROXIES: trusted,
});

describe('AUTH_MODE=proxy', () => {
  it('serves the person named by a trusted proxy, and says who they are', async () => {
    const { origin } = await serverWith(proxyEnv('127.0.0.1'));
    const headers = { 'x-forwarded-email': 'alice@example.com' };
    const session = await fetch(`${origin}/api/session`, { headers });
    expect(session.status, await session.clone().text()).toBe(200);
    const user = await fetch(`${origin}/api/auth/user`, { headers });
    expect(await user.json()).toEqual({
      mode: 'proxy',
      user: { id: 'alice@example.com', displayName: 'alice@example.com', email: 'alice@example.com' },
      canSignOut: false,
    });
  });

  it('asks a trusted proxy that names nobody for the header', async () => {
    const { origin } = await serverWith(proxyEnv('127.0.0.1'));
    const response = await fetch(`${origin}/api/session`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('ignores the header from an address outside AUTH_TRUSTED_PROXIES and refuses the request', async () => {
    // The test's socket address is 127.0.0.1: a trusted list without it makes the test an untrusted peer.
    const { origin, logLines } = await serverWith(proxyEnv('10.0.0.0/8,::1'));
    const response = await fetch(`${origin}/api/session`, {
      headers: { 'x-forwarded-email': 'alice@example.com' },
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { detail: string }).detail).toContain(
      'only through its authenticating proxy',
    );
    const page = await fetch(`${origin}/clients`, {
      headers: { 'x-forwarded-email': 'alice@example.com', accept: 'text/html' },
    });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('accepts requests only through its authenticating proxy');
    expect(logLines).toContain('auth: refusal unknown user from 127.0.0.1 (not a trusted proxy)');
  });

  it('refuses a named person outside AUTH_ALLOWED_USERS', async () => {
    const { origin } = await serverWith({ ...proxyEnv('127.0.0.1'), AUTH_ALLOWED_USERS: 'bob@example.com' });
    const response = await fetch(`${origin}/api/session`, {
      headers: { 'x-forwarded-email': 'alice@example.com' },
    });
    expect(response.status).toBe(403);
  });
});

describe('AUTH_MODE=oidc, before anyone signed in', () => {
  const oidcEnv = {
    AUTH_MODE: 'oidc',
    // Never contacted by these requests: discovery happens at the first sign-in.
    OIDC_ISSUER: 'http://127.0.0.1:9/',
    OIDC_CLIENT_ID: 'client-inventory',
    OIDC_CLIENT_SECRET: 'oidc-secret',
    OIDC_REDIRECT_URI: 'http://127.0.0.1:5173/auth/callback',
    AUTH_ALLOWED_USERS: '*',
  };

  it('sends a page request to sign-in with the page to come back to', async () => {
    const { origin } = await serverWith(oidcEnv);
    const response = await fetch(`${origin}/clients?kind=public`, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/auth/sign-in?returnTo=%2Fclients%3Fkind%3Dpublic');
  });

  it('answers the API with 401 problem+json, the default connection unreachable', async () => {
    const { origin } = await serverWith(oidcEnv);
    for (const path of ['/api/session', '/api/inventory', '/api/auth/user']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type'), path).toBe('application/problem+json');
    }
  });

  it('says plainly when the identity provider cannot be reached', async () => {
    const { origin } = await serverWith(oidcEnv);
    const response = await fetch(`${origin}/auth/sign-in`, { redirect: 'manual' });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('The identity provider could not be reached');
  });

  it('refuses a cross-origin sign-out', async () => {
    const { origin } = await serverWith(oidcEnv);
    const response = await fetch(`${origin}/auth/sign-out`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
  });
});
