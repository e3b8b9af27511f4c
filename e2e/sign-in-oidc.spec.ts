// Sign-in with OpenID Connect against a real provider (oidc-provider on loopback): the deep link survives the
// round trip, a person outside the allowed list is told so, a tampered state and an expired ID token are refused,
// and signing out ends both the dashboard's and the provider's session. The leak scan covers the OIDC client
// secret, every token the provider issued and the provider's cookies.
import { expect, test, type Page } from '@playwright/test';
import { lookAtPageEverywhere } from './support/accessibility.ts';
import { waitForInventory } from './support/clients.ts';
import { goThroughAppBar } from './support/navigation.ts';
import { captureBrowserState, scanForSecrets, secretVariants, startCapture } from './support/leak-capture.ts';
import { signInAtProvider, startOidcStack, type SignInStack } from './support/sign-in.ts';

let running: SignInStack;

test.describe('sign-in with OpenID Connect', () => {
  test.beforeAll(async () => {
    running = await startOidcStack();
  });
  test.afterAll(async () => {
    await running.close();
  });

  test('a deep link leads to the provider and back to the same page, signed in, with nothing secret in the browser', async ({
    page,
    context,
  }) => {
    const { stack, provider } = running;
    const capture = await startCapture(page);
    await page.goto(`${stack.baseURL}/clients?q=web`);
    await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
    await signInAtProvider(page, 'alice');

    await expect(page).toHaveURL(`${stack.baseURL}/clients?q=web`);
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(
      'Signed in as alice@example.com',
      { timeout: 20_000 },
    );
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await waitForInventory(page);
    const state = await captureBrowserState(page);

    const traffic = await capture.finish();
    const dashboardCookies = await context.cookies(stack.baseURL);
    const signInCookie = dashboardCookies.find((cookie) => cookie.name === 'idc_user');
    expect(signInCookie, 'the dashboard’s sign-in cookie').toBeDefined();
    expect(signInCookie?.httpOnly).toBe(true);
    expect(signInCookie?.sameSite).toBe('Lax');
    expect(
      dashboardCookies.map((cookie) => cookie.name).sort(),
      'only the dashboard’s own cookies on its origin',
    ).toEqual(['idc_user']);

    const providerCookies = (await context.cookies(provider.issuer)).filter((cookie) =>
      ['_session', '_interaction', '_interaction_resume'].includes(cookie.name),
    );
    expect(providerCookies.length, 'the provider kept a session of its own').toBeGreaterThan(0);
    expect(provider.issuedTokens.length, 'the provider issued an ID token').toBeGreaterThan(0);
    const secrets = [
      ...secretVariants('OIDC client secret', provider.clientSecret, provider.clientId),
      ...provider.issuedTokens.flatMap((token, index) => secretVariants(`issued token ${index}`, token)),
      ...providerCookies.map((cookie) => ({ label: `provider cookie ${cookie.name}`, value: cookie.value })),
    ];
    // The provider's own pages legitimately carry its cookies; everything of the dashboard's origin must not.
    const dashboardHaystacks = traffic.haystacks.filter(
      (haystack) => !haystack.where.includes(provider.issuer),
    );
    const tokensAndSecret = secrets.filter((secret) => !secret.label.startsWith('provider cookie'));
    const found = [
      ...scanForSecrets(dashboardHaystacks, secrets),
      ...scanForSecrets(traffic.haystacks, tokensAndSecret),
      ...scanForSecrets([{ where: 'browser state', text: state }], secrets),
      ...scanForSecrets([{ where: 'server log', text: stack.output() }], secrets),
    ];
    console.log(
      `sign-in leak scan: ${traffic.haystacks.length} places, ${secrets.length} values (client secret, ${provider.issuedTokens.length} tokens, ${providerCookies.length} provider cookies) — ${found.length} found`,
    );
    expect(found).toEqual([]);
  });

  test('the API answers 401 problem+json to a request without a sign-in', async ({ request }) => {
    const response = await request.get(`${running.stack.baseURL}/api/inventory`);
    expect(response.status()).toBe(401);
    expect(response.headers()['content-type']).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toContain('not signed in');
  });

  test('a member of an allowed group gets in, and finds the sign-ins in the access log', async ({
    page,
  }, testInfo) => {
    await page.goto(`${running.stack.baseURL}/`);
    await signInAtProvider(page, 'bob');
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(
      'Signed in as bob@example.com',
    );
    await goThroughAppBar(page, 'Activity');
    const log = page.getByRole('table', { name: 'Activity' });
    await expect(log.getByRole('row').filter({ hasText: 'Sign-in' }).filter({ hasText: 'bob' })).toHaveCount(
      1,
    );
    await lookAtPageEverywhere(page, testInfo, 'activity-signed-in');
  });

  test('a person who is neither listed nor in an allowed group is told who they are and stays out', async ({
    page,
  }, testInfo) => {
    await page.goto(`${running.stack.baseURL}/overview`);
    await signInAtProvider(page, 'mallory');
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(
      'You are signed in as mallory@example.com, but you are not allowed to use this dashboard.',
    );
    const api = await page.request.get(`${running.stack.baseURL}/api/session`);
    expect(api.status()).toBe(401);
    expect(running.stack.output()).toContain('auth: refusal mallory from 127.0.0.1 (not allowed)');
    await lookAtPageEverywhere(page, testInfo, 'sign-in-not-allowed');
  });

  test('a sign-in whose state was tampered with is refused', async ({ page }, testInfo) => {
    const { stack } = running;
    // The authorization request on its way to the provider, its state replaced: the provider hands it back as
    // given, and the browser's pending sign-in (its cookie set by this request) expects the original.
    const started = await page.request.get(`${stack.baseURL}/auth/sign-in`, { maxRedirects: 0 });
    const authorize = new URL(started.headers().location ?? '');
    expect(authorize.searchParams.get('state')).not.toBeNull();
    authorize.searchParams.set('state', 'forged-state-value');
    await page.goto(authorize.href);
    await signInAtProvider(page, 'alice');
    await expect(page.getByRole('heading', { name: 'Sign-in failed' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('its state did not match');
    expect((await page.request.get(`${stack.baseURL}/api/auth/user`)).status()).toBe(401);
    await lookAtPageEverywhere(page, testInfo, 'sign-in-failed');
  });

  test('signing out ends the dashboard session and the provider’s', async ({ page }, testInfo) => {
    await page.goto(`${running.stack.baseURL}/`);
    await signInAtProvider(page, 'alice');
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(
      'Signed in as alice@example.com',
    );

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(`${running.stack.baseURL}/auth/signed-out`);
    await expect(page.getByRole('heading', { name: 'Signed out' })).toBeVisible();
    expect((await page.request.get(`${running.stack.baseURL}/api/auth/user`)).status()).toBe(401);
    await lookAtPageEverywhere(page, testInfo, 'signed-out');

    // The provider forgot the person too: signing in again asks for the login.
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await expect(page.getByPlaceholder('Enter any login')).toBeVisible();
    expect(running.stack.output()).toContain('auth: sign-out alice from 127.0.0.1');
  });
});

test('an ID token that expired on the way is refused', async ({ page }) => {
  // The provider issues one-second ID tokens and the network holds its answer for longer; no clock tolerance.
  const slow = await startOidcStack({
    provider: { idTokenTtlSeconds: 1, holdTokenResponseMs: 2_500 },
    env: { OIDC_CLOCK_TOLERANCE_SECONDS: '0' },
  });
  try {
    await page.goto(`${slow.stack.baseURL}/`);
    await signInAtProvider(page, 'alice');
    await expect(page.getByRole('heading', { name: 'Sign-in failed' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('ID token had expired');
    expect((await page.request.get(`${slow.stack.baseURL}/api/auth/user`)).status()).toBe(401);
  } finally {
    await slow.close();
  }
});

/** Waits until the page has sent nothing to the server for longer than the 3-second idle timeout. */
async function idleLongerThanTheTimeout(page: Page): Promise<void> {
  let last = Date.now();
  const seen = () => {
    last = Date.now();
  };
  page.on('request', seen);
  try {
    while (Date.now() - last < 3_500) await page.waitForTimeout(250);
  } finally {
    page.off('request', seen);
  }
}

test('an expired sign-in sends the person to sign in again, and back to the page they were on', async ({
  page,
}) => {
  // A 3-second idle timeout; the provider keeps its own session, so signing in again needs no login form.
  const short = await startOidcStack({ env: { AUTH_SESSION_IDLE_MINUTES: '0.05' } });
  const base = short.stack.baseURL;
  const signedIn = page.getByRole('navigation', { name: 'Main' });
  try {
    await page.goto(`${base}/clients`);
    await signInAtProvider(page, 'alice');
    await expect(page).toHaveURL(`${base}/clients`);
    await waitForInventory(page);

    // Idle on purpose, longer than the timeout: the idle timeout itself is what is tested. Any request restarts
    // the server's idle clock, and the app may still be asking for the inventory's snapshot.
    await idleLongerThanTheTimeout(page);
    // A page whose code is not loaded yet: the server refuses its file too, and the app loads the page afresh.
    await goThroughAppBar(page, 'Activity');
    await expect(page).toHaveURL(`${base}/activity`);
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    await expect(signedIn).toContainText('Signed in as alice@example.com');

    await idleLongerThanTheTimeout(page);
    // On a loaded page: the API's 401 sends the person away and back, the filter kept.
    const refused = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/activity');
    await page.getByLabel('Kind', { exact: true }).click();
    await page.getByRole('option', { name: 'Sign-in', exact: true }).click();
    expect((await refused).status()).toBe(401);
    await expect(page).toHaveURL(`${base}/activity?kind=sign-in`);
    await expect(page.getByRole('table', { name: 'Activity' })).toContainText('Sign-in');
    await expect(signedIn).toContainText('Signed in as alice@example.com');
    expect(short.stack.output().match(/auth: sign-in alice from/g)).toHaveLength(3);
  } finally {
    await short.close();
  }
});
