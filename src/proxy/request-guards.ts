// Refusals before any route runs: foreign Host headers (DNS rebinding), cross-origin state changes (CSRF), and
// request targets that try to climb or smuggle path segments.
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { normaliseHostName } from './proxy-options.ts';
import type { ProxyEnv } from './proxy-env.ts';
import { problem, problemResponse } from './problem.ts';

export function requestHost(c: Context): string {
  return c.req.header('host') ?? new URL(c.req.url).host;
}

export function hostNameOf(host: string): string | null {
  try {
    const url = new URL(`http://${host}`);
    if (url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '') return null;
    return normaliseHostName(url.hostname);
  } catch {
    return null;
  }
}

/** Requests must name this server by an allowed host name; `*` allows any (a deliberate, documented choice). */
export function isAllowedHost(host: string, allowedHosts: ReadonlySet<string>): boolean {
  if (allowedHosts.has('*')) return true;
  const name = hostNameOf(host);
  return name !== null && allowedHosts.has(name);
}

export function hostGuard(allowedHosts: ReadonlySet<string>): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    // The URL's authority too: with an absolute-form request target (`GET http://evil.example/… HTTP/1.1`), it is
    // the request's authority and the Host header is to be ignored (RFC 9112 §3.2.2); both must be ours.
    if (
      !isAllowedHost(requestHost(c), allowedHosts) ||
      !isAllowedHost(new URL(c.req.url).host, allowedHosts)
    ) {
      return problemResponse(
        problem(
          403,
          'This server does not answer to that host name. Open it by the address it printed at start (e.g. http://127.0.0.1:5173/), or add the name to ALLOWED_HOSTS.',
        ),
      );
    }
    await next();
  };
}

function isSameOrigin(origin: string, c: Context): boolean {
  try {
    return new URL(origin).host === requestHost(c);
  } catch {
    return false;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function crossOriginProblem() {
  return problem(
    403,
    'Cross-origin requests may not change the session: the request must come from this dashboard’s own pages.',
  );
}

/**
 * Cross-origin refusals for requests that come from a browser page (they carry Origin or Sec-Fetch-Site). Hono's
 * csrf middleware covers form-encoded and bodiless requests; a JSON POST from another origin would need a CORS
 * preflight this server never grants, but it is refused explicitly too: any Origin or Sec-Fetch-Site that says
 * "another site" gets 403. Requests with neither header do not come from a browser page (curl, tests, scripts),
 * so they cannot carry a victim's cookie.
 */
export function originGuard(): MiddlewareHandler<ProxyEnv> {
  const honoCsrf = csrf({ origin: isSameOrigin, secFetchSite: 'same-origin' });
  return async (c, next) => {
    if (!unsafeMethods.has(c.req.method)) {
      await next();
      return;
    }
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    if (origin === undefined && fetchSite === undefined) {
      await next();
      return;
    }
    if (
      (origin !== undefined && !isSameOrigin(origin, c)) ||
      (fetchSite !== undefined && fetchSite !== 'same-origin')
    ) {
      return problemResponse(crossOriginProblem());
    }
    return honoCsrf(c, next);
  };
}

/**
 * Any /api request a browser sends on behalf of another site (`<img src>`, a form, a link, another port of this
 * host) is refused before it does anything: the browser would block the answer, but the work (an inventory's
 * fan-out) would still start. The dashboard's own requests are `same-origin`; a typed address is `none`.
 */
export function fetchSiteGuard(): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const fetchSite = c.req.header('sec-fetch-site');
    if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
      return problemResponse(
        problem(
          403,
          'Requests from another site may not use this dashboard’s API: open the dashboard itself.',
        ),
      );
    }
    await next();
  };
}

const smugglingPattern = /%2f|%5c|%2e|%00|\\|(?:^|\/)\.\.?(?:\/|$)/i;

/** The request target as the client sent it (before URL normalisation removed `..`), when the server kept it. */
function rawTarget(c: Context<ProxyEnv>): string {
  // Undefined when the app is called directly (`app.fetch(request)`), whatever the type says.
  const env = c.env as ProxyEnv['Bindings'] | undefined;
  const raw = env?.incoming?.url;
  if (typeof raw === 'string' && raw !== '') return raw;
  const url = new URL(c.req.url);
  return url.pathname;
}

export function pathGuard(): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const target = rawTarget(c);
    const queryStart = target.indexOf('?');
    const path = queryStart === -1 ? target : target.slice(0, queryStart);
    if (smugglingPattern.test(path)) {
      return problemResponse(
        problem(
          400,
          'The path contains `..`, an encoded slash or dot, or a backslash, which are never forwarded.',
        ),
      );
    }
    await next();
  };
}
