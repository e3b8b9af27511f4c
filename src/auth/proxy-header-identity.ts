// AUTH_MODE=proxy: the user named by the authenticating proxy's header, believed only when the TCP peer is one of
// the trusted proxies. From anywhere else the header is ignored and the request refused.
import ipaddr from 'ipaddr.js';
import type { ProxyHeaderSettings, TrustedRange } from './auth-config.ts';
import { hasControlCharacter } from './request-facts.ts';
import type { SignedInUser } from './signed-in-user.ts';

export function isTrustedAddress(address: string | undefined, ranges: readonly TrustedRange[]): boolean {
  if (address === undefined) return false;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process(): an IPv4-mapped IPv6 peer (::ffff:10.0.0.1 on a dual-stack socket) is compared as IPv4.
    parsed = ipaddr.process(address);
  } catch {
    return false;
  }
  return ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

export type ProxyIdentity =
  { kind: 'user'; user: SignedInUser } | { kind: 'untrusted-peer' } | { kind: 'no-user-header' };

export function proxyIdentity(
  settings: ProxyHeaderSettings,
  address: string | undefined,
  headerValue: string | undefined,
): ProxyIdentity {
  if (!isTrustedAddress(address, settings.trustedProxies)) return { kind: 'untrusted-peer' };
  const value = headerValue?.trim() ?? '';
  if (value === '' || value.length > 320 || hasControlCharacter(value)) return { kind: 'no-user-header' };
  return {
    kind: 'user',
    user: { id: value, displayName: value, email: value.includes('@') ? value : null, groups: [] },
  };
}
