// Starting the server the way a user does (`node dist-server/server.js` with environment variables), beyond
// loopback (HOST=0.0.0.0) with a default connection: refused without sign-in, started with AUTH_MODE=oidc or
// proxy; a bad AUTH_MODE or a missing OIDC_* variable stops the start with a sentence naming the variable.
import { expect, test } from '@playwright/test';
import { startStack } from './support/stack.ts';

const everywhere = { HOST: '0.0.0.0' };
// Discovery happens at the first sign-in, not at start: a closed port is enough to start with.
const oidcEnv = {
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'http://127.0.0.1:9',
  OIDC_CLIENT_ID: 'client-inventory',
  OIDC_CLIENT_SECRET: 'a-client-secret-for-this-test',
  OIDC_REDIRECT_URI: 'https://inventory.example.com/auth/callback',
  AUTH_ALLOWED_USERS: 'alice@example.com',
};

test('on 0.0.0.0 with a default connection, AUTH_MODE=none is refused at start, saying what to do', async () => {
  await expect(
    startStack({ defaultConnection: true, env: { ...everywhere, AUTH_MODE: 'none' } }),
  ).rejects.toThrow(
    /exited \(1\)[\s\S]*Refusing to listen on 0\.0\.0\.0: a default connection[\s\S]*configure an authentication mode/,
  );
});

test('on 0.0.0.0 with a default connection, AUTH_MODE=oidc starts, and the API asks for a sign-in', async ({
  request,
}) => {
  const stack = await startStack({ defaultConnection: true, env: { ...everywhere, ...oidcEnv } });
  try {
    await expect.poll(() => stack.output()).toContain('Sign-in: OpenID Connect with http://127.0.0.1:9/');
    const response = await request.get(`${stack.baseURL}/api/session`);
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { title: string }).title).toBe('Not signed in');
  } finally {
    await stack.close();
  }
});

test('on 0.0.0.0 with a default connection, AUTH_MODE=proxy starts, and serves the person the proxy names', async ({
  request,
}) => {
  const stack = await startStack({
    defaultConnection: true,
    env: {
      ...everywhere,
      AUTH_MODE: 'proxy',
      AUTH_PROXY_USER_HEADER: 'X-Forwarded-Email',
      AUTH_TRUSTED_PROXIES: '127.0.0.1',
    },
  });
  try {
    const named = await request.get(`${stack.baseURL}/api/session`, {
      headers: { 'x-forwarded-email': 'alice@example.com' },
    });
    expect(named.status()).toBe(200);
    expect(await named.json()).toMatchObject({ source: 'server' });
    expect((await request.get(`${stack.baseURL}/api/session`)).status()).toBe(401);
  } finally {
    await stack.close();
  }
});

test('a bad AUTH_MODE, or a missing OIDC_* variable, stops the start with a sentence naming it', async () => {
  await expect(startStack({ defaultConnection: true, env: { AUTH_MODE: 'sso' } })).rejects.toThrow(
    /exited \(1\)[\s\S]*AUTH_MODE must be none, oidc or proxy \(got "sso"\)\./,
  );
  const withoutSecret: Record<string, string> = { ...oidcEnv };
  delete withoutSecret.OIDC_CLIENT_SECRET;
  await expect(
    startStack({ defaultConnection: true, env: { ...everywhere, ...withoutSecret } }),
  ).rejects.toThrow(/exited \(1\)[\s\S]*OIDC_CLIENT_SECRET is required with AUTH_MODE=oidc\./);
  const withoutIssuer: Record<string, string> = { ...oidcEnv };
  delete withoutIssuer.OIDC_ISSUER;
  await expect(
    startStack({ defaultConnection: true, env: { ...everywhere, ...withoutIssuer } }),
  ).rejects.toThrow(/exited \(1\)[\s\S]*OIDC_ISSUER is required with AUTH_MODE=oidc\./);
});
