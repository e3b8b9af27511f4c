// Facts of a request the sign-in layer decides on: the socket's address (never a forwarded header), whether a
// browser page of this origin sent it, and whether it came over https.
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

export type AuthContext = Context<{ Bindings: HttpBindings }>;

/** The TCP peer: the only address a client cannot choose. Undefined when the app is called without a socket. */
export function socketAddress(c: AuthContext): string | undefined {
  // Undefined when the app is called directly (`app.fetch(request)`), whatever the type says.
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming?.socket.remoteAddress;
}

/** A browser page of another origin (Origin or Sec-Fetch-Site say so); requests without either are not pages. */
export function isCrossOrigin(c: AuthContext): boolean {
  const origin = c.req.header('origin');
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return true;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return true;
  }
}

export function useSecureCookie(c: AuthContext, setting: boolean | 'auto'): boolean {
  if (setting !== 'auto') return setting;
  return new URL(c.req.url).protocol === 'https:';
}

export function isPageRequest(c: AuthContext): boolean {
  return (
    (c.req.method === 'GET' || c.req.method === 'HEAD') &&
    !c.req.path.startsWith('/api/') &&
    (c.req.header('accept') ?? '').includes('text/html')
  );
}

function isControlCode(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** C0 and C1 controls and the Unicode line separators: line breaks, escapes, log forgeries. */
export function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (isControlCode(text.charCodeAt(index))) return true;
  }
  return false;
}

/** For log lines: values from headers and tokens may carry line breaks or escapes. */
export function printable(text: string): string {
  return Array.from(text.slice(0, 200), (character) =>
    isControlCode(character.charCodeAt(0)) ? '?' : character,
  ).join('');
}
