// Which session a request acts for. A cookie names a session; a cookie that names none (ended, evicted, forged) is
// told so, never silently served by the server's default connection (that would switch tenants under the user);
// a cookie sent twice is refused (one of the two was planted); the default connection, which needs no sign-in, is
// served only to this machine unless the server authenticates its users.
import type { Context } from 'hono';
import { isLocalClient } from './client-address.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { problem, problemResponse } from './problem.ts';
import { readSessionCookie, withClearedSessionCookies } from './session-cookie.ts';
import type { Session } from './session-store.ts';

export type SessionResolution = { ok: true; session: Session } | { ok: false; response: Response };

export function notConnected(): Response {
  return problemResponse(problem(401, 'You are not connected: connect with a configuration client first.'));
}

/** A refused cookie: the session it named is gone, so the cookies are cleared with the sentence saying why. */
function endedSession(
  c: Context<ProxyEnv>,
  setting: ProxyRuntime['options']['secureCookies'],
  detail: string,
  reason: string,
): SessionResolution {
  return {
    ok: false,
    response: withClearedSessionCookies(c, setting, problemResponse(problem(401, detail, { reason }))),
  };
}

export function resolveRequestSession(c: Context<ProxyEnv>, runtime: ProxyRuntime): SessionResolution {
  const setting = runtime.options.secureCookies;
  const cookie = readSessionCookie(c, setting);
  if (cookie.kind === 'duplicated') {
    // Both sessions end: which one is the user's cannot be told, and neither may stay reachable.
    for (const id of cookie.values) runtime.sessions.delete(id);
    return endedSession(
      c,
      setting,
      'Your session was ended because your browser sent the session cookie twice, so one of them was set by another page: both sessions were closed and the cookies cleared. Connect again.',
      'cookie-sent-twice',
    );
  }
  if (cookie.kind === 'one') {
    const session = runtime.sessions.get(cookie.value);
    if (session !== undefined) return { ok: true, session };
    return endedSession(
      c,
      setting,
      'Your session ended (it was idle too long, the server restarted, or it was replaced). Connect again.',
      'session-ended',
    );
  }
  const fallback = defaultSessionFor(c, runtime);
  if (fallback === null) return { ok: false, response: notConnected() };
  if (fallback === 'remote') {
    return {
      ok: false,
      response: problemResponse(
        problem(
          401,
          'The server’s own connection is only served on the machine it runs on. Connect with a configuration client of your own.',
        ),
      ),
    };
  }
  return { ok: true, session: fallback };
}

/** The server's default connection for a request without a cookie; `remote` when it may not be served there. */
function defaultSessionFor(c: Context<ProxyEnv>, runtime: ProxyRuntime): Session | 'remote' | null {
  const fallback = runtime.defaultSession;
  if (fallback === null) return null;
  if (!runtime.options.serveDefaultConnectionToRemoteClients && !isLocalClient(c)) return 'remote';
  return fallback;
}

/**
 * The session a request would act for, or null, with no side effect (no cookie cleared, no session ended): for
 * a page that only shows more when there is one, and leaves every refusal to the API calls that follow.
 */
export function peekRequestSession(c: Context<ProxyEnv>, runtime: ProxyRuntime): Session | null {
  const cookie = readSessionCookie(c, runtime.options.secureCookies);
  if (cookie.kind === 'duplicated') return null;
  if (cookie.kind === 'one') return runtime.sessions.get(cookie.value) ?? null;
  const fallback = defaultSessionFor(c, runtime);
  return fallback === 'remote' ? null : fallback;
}
