// Who is on the other end of a request's socket. The Host header says which name the browser used; only the
// socket says where the request came from, and that is what decides whether the server's default connection
// (which needs no sign-in) may be used.
import ipaddr from 'ipaddr.js';
import type { Context } from 'hono';
import type { ProxyEnv } from './proxy-env.ts';

/** The socket's remote address; null when the app is called in-process (no socket: the export CLI, tests). */
export function clientAddress(c: Context<ProxyEnv>): string | null {
  // Undefined when the app is called directly (`app.fetch(request)`), whatever the type says.
  const env = c.env as ProxyEnv['Bindings'] | undefined;
  return env?.incoming?.socket.remoteAddress ?? null;
}

export function isLoopbackAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'loopback';
}

/** In-process callers are this process itself; socket peers must be on this machine's loopback. */
export function isLocalClient(c: Context<ProxyEnv>): boolean {
  const address = clientAddress(c);
  return address === null || isLoopbackAddress(address);
}
