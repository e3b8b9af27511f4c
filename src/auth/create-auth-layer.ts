// The sign-in layer as Hono routes and one guard, composed by the server in front of everything it serves:
// /auth/* (sign-in, callback, sign-out), GET /api/auth/user, then the guard that lets only signed-in people reach
// the app and the API.
import type { HttpBindings } from '@hono/node-server';
import type { Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isAllowed } from './access-rules.ts';
import type { AuthConfig, AuthMode } from './auth-config.ts';
import { callbackPath, signedOutPath } from './auth-config.ts';
import type { AuthEvent } from './auth-events.ts';
import { authPage } from './auth-pages.ts';
import { DashboardSessions } from './dashboard-sessions.ts';
import { createOidcClient, type OidcClient } from './oidc-client.ts';
import { PendingSignIns } from './pending-sign-ins.ts';
import { proxyIdentity } from './proxy-header-identity.ts';
import {
  isCrossOrigin,
  isPageRequest,
  socketAddress,
  useSecureCookie,
  type AuthContext,
} from './request-facts.ts';
import { safeReturnPath } from './return-path.ts';
import type { SignedInUser } from './signed-in-user.ts';
import { signInFailureSentence } from './sign-in-failure.ts';

export const signInPath = '/auth/sign-in';
export const signOutPath = '/auth/sign-out';
export const userApiPath = '/api/auth/user';

export interface AuthLayerOptions {
  /** The server's SECURE_COOKIES setting. */
  secureCookies: boolean | 'auto';
  onEvent?: (event: AuthEvent) => void;
  now?: () => number;
}

export interface AuthLayer {
  mode: AuthMode;
  /** Routes and guard; mount before anything the guard protects. */
  mount(app: Hono<{ Bindings: HttpBindings }>): void;
  /** The signed-in person of a request the guard let through; null in `none` mode. */
  userOf(request: Request): SignedInUser | null;
}

/** What GET /api/auth/user answers: never a token. */
export interface UserFacts {
  mode: AuthMode;
  user: { id: string; displayName: string; email: string | null } | null;
  /** Whether the app bar offers Sign out. */
  canSignOut: boolean;
}

const html = (c: AuthContext, status: 200 | 400 | 401 | 403 | 502 | 503, body: string) => {
  c.header('cache-control', 'no-store');
  return c.html(body, status);
};

/** `signIn`: where the app sends the person to sign in again (none behind a proxy: it signs people in itself). */
function unauthenticatedProblem(
  detail: string,
  status: 401 | 403 = 401,
  signIn: string | null = signInPath,
): Response {
  return new Response(
    JSON.stringify({
      title: status === 401 ? 'Not signed in' : 'Forbidden',
      status,
      detail,
      ...(signIn === null ? {} : { signIn }),
    }),
    { status, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' } },
  );
}

function notAllowedPage(user: SignedInUser, canSwitch: boolean): string {
  return authPage({
    title: 'Not allowed',
    sentences: [
      `You are signed in as ${user.displayName}, but you are not allowed to use this dashboard.`,
      'Ask its administrators to add you, or sign in with another account.',
    ],
    actions: canSwitch ? [{ label: 'Sign in with another account', href: `${signInPath}?switch=1` }] : [],
  });
}

export function createAuthLayer(config: AuthConfig, options: AuthLayerOptions): AuthLayer {
  const users = new WeakMap<Request, SignedInUser>();
  const report = options.onEvent ?? (() => undefined);
  const now = options.now ?? Date.now;

  if (config.mode === 'none') {
    return {
      mode: 'none',
      mount(app) {
        app.get(userApiPath, (c) =>
          c.json({ mode: 'none', user: null, canSignOut: false } satisfies UserFacts),
        );
      },
      userOf: () => null,
    };
  }

  const facts = (user: SignedInUser): UserFacts => ({
    mode: config.mode,
    user: { id: user.id, displayName: user.displayName, email: user.email },
    canSignOut: config.mode === 'oidc' || config.proxy.signOutUrl !== null,
  });

  if (config.mode === 'proxy') {
    const settings = config.proxy;
    const guard: MiddlewareHandler<{ Bindings: HttpBindings }> = async (c, next) => {
      if (c.req.path.startsWith('/auth/')) return next();
      const address = socketAddress(c);
      const identity = proxyIdentity(settings, address, c.req.header(settings.userHeader));
      const page = isPageRequest(c);
      if (identity.kind === 'untrusted-peer') {
        report({ kind: 'refusal', user: null, address: address ?? null, reason: 'not a trusted proxy' });
        const sentence =
          'This dashboard accepts requests only through its authenticating proxy: open it by the proxy’s address.';
        return page
          ? html(c, 403, authPage({ title: 'Not through the proxy', sentences: [sentence], actions: [] }))
          : unauthenticatedProblem(sentence, 403);
      }
      if (identity.kind === 'no-user-header') {
        const sentence = 'The authenticating proxy did not say who you are: sign in through the proxy again.';
        return page
          ? html(c, 401, authPage({ title: 'Not signed in', sentences: [sentence], actions: [] }))
          : unauthenticatedProblem(sentence, 401, null);
      }
      // Without a list, the proxy's own checks decide who gets this far.
      if (config.access.users.length > 0 && !isAllowed(identity.user, config.access)) {
        report({ kind: 'refusal', user: identity.user.id, address: address ?? null, reason: 'not allowed' });
        return page
          ? html(c, 403, notAllowedPage(identity.user, false))
          : unauthenticatedProblem('You are signed in but not allowed to use this dashboard.', 403);
      }
      users.set(c.req.raw, identity.user);
      return next();
    };
    return {
      mode: 'proxy',
      mount(app) {
        app.post(signOutPath, (c) => {
          if (isCrossOrigin(c))
            return unauthenticatedProblem('Sign out from this dashboard’s own pages.', 403);
          return c.json({ location: settings.signOutUrl ?? signedOutPath });
        });
        app.get(signedOutPath, (c) =>
          html(
            c,
            200,
            authPage({
              title: 'Signed out',
              sentences: ['You are signed out.'],
              actions: [{ label: 'Open the dashboard', href: '/' }],
            }),
          ),
        );
        app.use('*', guard);
        app.get(userApiPath, (c) => c.json(facts(users.get(c.req.raw) as SignedInUser)));
      },
      userOf: (request) => users.get(request) ?? null,
    };
  }

  const { access, timeouts } = config;
  const sessions = new DashboardSessions(timeouts, now);
  const pending = new PendingSignIns(now);
  const oidc: OidcClient = createOidcClient(config.oidc);
  const cookieNames = (secure: boolean) =>
    // __Host-: no Domain, Path=/, Secure; a sibling site cannot toss in a cookie of the same name.
    secure
      ? { session: '__Host-idc_user', flow: '__Host-idc_signin' }
      : { session: 'idc_user', flow: 'idc_signin' };
  const cookieOptions = (c: AuthContext, maxAgeSeconds: number) =>
    ({
      httpOnly: true,
      secure: useSecureCookie(c, options.secureCookies),
      // Lax: the provider sends the browser back with a cross-site navigation, which Strict cookies would miss.
      sameSite: 'Lax',
      path: '/',
      maxAge: maxAgeSeconds,
    }) as const;
  const namesFor = (c: AuthContext) => cookieNames(useSecureCookie(c, options.secureCookies));

  const currentSession = (c: AuthContext) => sessions.touch(getCookie(c, namesFor(c).session));

  const guard: MiddlewareHandler<{ Bindings: HttpBindings }> = async (c, next) => {
    if (c.req.path.startsWith('/auth/')) return next();
    const session = currentSession(c);
    if (session !== undefined) {
      users.set(c.req.raw, session.user);
      return next();
    }
    if (isPageRequest(c)) {
      const url = new URL(c.req.url);
      return c.redirect(`${signInPath}?returnTo=${encodeURIComponent(url.pathname + url.search)}`, 302);
    }
    return unauthenticatedProblem('You are not signed in, or your sign-in has expired: sign in again.');
  };

  const failurePage = (c: AuthContext, status: 400 | 502 | 503, sentence: string) =>
    html(
      c,
      status,
      authPage({
        title: 'Sign-in failed',
        sentences: [sentence],
        actions: [{ label: 'Sign in again', href: signInPath }],
      }),
    );

  return {
    mode: 'oidc',
    mount(app) {
      app.get(signInPath, async (c) => {
        const returnTo = safeReturnPath(c.req.query('returnTo'));
        const forceLogin = c.req.query('switch') === '1';
        if (!forceLogin && currentSession(c) !== undefined) return c.redirect(returnTo, 302);
        let started: Awaited<ReturnType<OidcClient['start']>>;
        try {
          started = await oidc.start(returnTo, { forceLogin });
        } catch (error) {
          console.error(
            'auth: the identity provider could not be reached:',
            error instanceof Error ? error.message : error,
          );
          return failurePage(
            c,
            503,
            'The identity provider could not be reached. Try again in a moment; if it keeps failing, the administrators should check OIDC_ISSUER.',
          );
        }
        const flowId = pending.add(started.pending);
        setCookie(c, namesFor(c).flow, flowId, cookieOptions(c, PendingSignIns.ttlSeconds));
        c.header('cache-control', 'no-store');
        return c.redirect(started.url.href, 302);
      });

      app.get(callbackPath, async (c) => {
        const names = namesFor(c);
        const flowId = getCookie(c, names.flow);
        deleteCookie(c, names.flow, { path: '/', secure: useSecureCookie(c, options.secureCookies) });
        const flow = pending.take(flowId);
        const address = socketAddress(c) ?? null;
        if (flow === undefined) {
          report({ kind: 'refusal', user: null, address, reason: 'no sign-in in progress' });
          return failurePage(
            c,
            400,
            'This sign-in has expired or was already completed in this browser. Sign in again.',
          );
        }
        let user: SignedInUser;
        try {
          user = await oidc.finish(new URL(c.req.url).search, flow, access.groupsClaim);
        } catch (error) {
          const failure = signInFailureSentence(error);
          report({ kind: 'refusal', user: null, address, reason: failure.reason });
          return failurePage(c, failure.status, failure.sentence);
        }
        if (!isAllowed(user, access)) {
          report({ kind: 'refusal', user: user.id, address, reason: 'not allowed' });
          return html(c, 403, notAllowedPage(user, true));
        }
        const previous = getCookie(c, names.session);
        sessions.delete(previous);
        const session = sessions.create(user);
        setCookie(c, names.session, session.id, cookieOptions(c, Math.floor(timeouts.absoluteMs / 1000)));
        report({ kind: 'sign-in', user: user.id, address });
        c.header('cache-control', 'no-store');
        return c.redirect(flow.returnTo, 302);
      });

      app.post(signOutPath, async (c) => {
        if (isCrossOrigin(c)) return unauthenticatedProblem('Sign out from this dashboard’s own pages.', 403);
        const names = namesFor(c);
        const ended = sessions.delete(getCookie(c, names.session));
        deleteCookie(c, names.session, { path: '/', secure: useSecureCookie(c, options.secureCookies) });
        if (ended !== undefined) {
          report({ kind: 'sign-out', user: ended.user.id, address: socketAddress(c) ?? null });
        }
        let location = signedOutPath;
        try {
          location = (await oidc.endSessionUrl())?.href ?? signedOutPath;
        } catch {
          // The dashboard session is over either way; the provider's session stays, as the page says.
        }
        c.header('cache-control', 'no-store');
        return c.json({ location });
      });

      app.get(signedOutPath, (c) =>
        html(
          c,
          200,
          authPage({
            title: 'Signed out',
            sentences: ['You are signed out of the dashboard.'],
            actions: [{ label: 'Sign in again', href: signInPath }],
          }),
        ),
      );

      app.use('*', guard);
      app.get(userApiPath, (c) => {
        c.header('cache-control', 'no-store');
        return c.json(facts(users.get(c.req.raw) as SignedInUser));
      });
    },
    userOf: (request) => users.get(request) ?? null,
  };
}
