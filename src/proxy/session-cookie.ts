// The session cookie. `__Host-` makes the browser refuse a copy set with another Path or a Domain, or without
// Secure (browsers treat http://localhost and http://127.0.0.1 as secure, so it works on loopback too): a page on
// another port of the same host can no longer plant a second cookie that shadows the user's for one API path.
// Plain http on a non-loopback name cannot carry Secure cookies; there the cookie is `idc_session` (Path=/), and a
// request that carries the session cookie more than once is refused outright (docs/security.md says what remains).
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { requestHost, hostNameOf } from './request-guards.ts';
import { loopbackHostNames } from './proxy-options.ts';

export const secureSessionCookieName = '__Host-idc_session';
export const plainSessionCookieName = 'idc_session';
/** Paths an older build or a tossing page may have used, cleared whenever the cookies are cleared. */
const clearedPaths = ['/', '/api', '/api/session', '/api/inventory', '/api/config'];

const loopbackNames = new Set<string>(loopbackHostNames);

/** Secure cookies: always, never, or when the request came over https or by a loopback name ('auto'). */
export function useSecureCookie(c: Context, setting: boolean | 'auto'): boolean {
  if (setting !== 'auto') return setting;
  if (new URL(c.req.url).protocol === 'https:') return true;
  const name = hostNameOf(requestHost(c));
  return name !== null && (loopbackNames.has(name) || /^127\.\d+\.\d+\.\d+$/.test(name));
}

export function sessionCookieNameFor(c: Context, setting: boolean | 'auto'): string {
  return useSecureCookie(c, setting) ? secureSessionCookieName : plainSessionCookieName;
}

export type SessionCookieRead =
  | { kind: 'absent' }
  | { kind: 'one'; value: string; values: [string] }
  /** The same cookie name more than once: one of them was planted (cookie tossing). */
  | { kind: 'duplicated'; values: string[] };

export function readSessionCookie(c: Context, setting: boolean | 'auto'): SessionCookieRead {
  const name = sessionCookieNameFor(c, setting);
  const values: string[] = [];
  for (const part of (c.req.header('cookie') ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) values.push(part.slice(separator + 1).trim());
  }
  const [first, ...rest] = values;
  if (first === undefined) return { kind: 'absent' };
  if (rest.length > 0) return { kind: 'duplicated', values };
  return { kind: 'one', value: first, values: [first] };
}

export function setSessionCookie(c: Context, setting: boolean | 'auto', id: string): void {
  const secure = useSecureCookie(c, setting);
  setCookie(c, secure ? secureSessionCookieName : plainSessionCookieName, id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
  });
}

/** Set-Cookie values that expire every copy the browser may hold: both names, on the paths in use now and before. */
export function clearedSessionCookies(c: Context, setting: boolean | 'auto'): string[] {
  const secure = useSecureCookie(c, setting);
  const expired = 'Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict';
  return [
    `${secureSessionCookieName}=; Path=/; ${expired}; Secure`,
    ...clearedPaths.map(
      (path) => `${plainSessionCookieName}=; Path=${path}; ${expired}${secure ? '; Secure' : ''}`,
    ),
  ];
}

/** `response` with the session cookies cleared. */
export function withClearedSessionCookies(
  c: Context,
  setting: boolean | 'auto',
  response: Response,
): Response {
  for (const value of clearedSessionCookies(c, setting)) response.headers.append('set-cookie', value);
  return response;
}
