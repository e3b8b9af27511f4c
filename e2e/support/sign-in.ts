// Helpers of the sign-in journeys: a free port to register the dashboard's URLs before it starts, the dashboard
// in front of a real OpenID Provider, and signing in through the provider's own pages.
import { expect, type Page } from '@playwright/test';
import {
  startIdentityProvider,
  type IdentityProviderOptions,
  type RunningIdentityProvider,
} from './identity-provider.ts';
import { startStack, type Stack } from './stack.ts';
import { unusedLoopbackPort } from '../../src/test-support/node/loopback-port.ts';

export interface SignInStack {
  stack: Stack;
  provider: RunningIdentityProvider;
  close(): Promise<void>;
}

/** The dashboard (AUTH_MODE=oidc, server's default connection) and the provider it trusts. */
export async function startOidcStack(
  options: {
    provider?: Omit<IdentityProviderOptions, 'redirectUri' | 'postLogoutRedirectUri'>;
    env?: Record<string, string>;
  } = {},
): Promise<SignInStack> {
  const port = await unusedLoopbackPort();
  const origin = `http://127.0.0.1:${port}`;
  const provider = await startIdentityProvider({
    ...options.provider,
    redirectUri: `${origin}/auth/callback`,
    postLogoutRedirectUri: `${origin}/auth/signed-out`,
  });
  let stack: Stack;
  try {
    stack = await startStack({
      defaultConnection: true,
      env: {
        PORT: String(port),
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_REDIRECT_URI: `${origin}/auth/callback`,
        AUTH_ALLOWED_USERS: 'alice@example.com',
        AUTH_ALLOWED_GROUPS: 'idc-readers',
        ...options.env,
      },
    });
  } catch (error) {
    await provider.close();
    throw error;
  }
  return {
    stack,
    provider,
    close: async () => {
      await stack.close();
      await provider.close();
    },
  };
}

/** On the provider's login page: signs in as `login` (the test provider accepts any password) and consents. */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
  await expect(page.getByPlaceholder('Enter any login')).toBeVisible();
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('any password');
  await page.getByRole('button', { name: 'Sign-in', exact: true }).click();
  const consent = page.getByRole('button', { name: 'Continue', exact: true });
  // Consent is asked once per person and client.
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}
