// Where the proxy may connect for an identity domain typed into the form: public unicast addresses only, checked
// on the addresses DNS actually returned, at connect time (the agent's `lookup`), so that a name pointing at
// loopback, a private network or cloud metadata is refused even if it resolved elsewhere a moment before. The
// ranges are IANA's special-purpose registries as ipaddr.js knows them (v4, v6, v4-mapped v6): everything that is
// not plain unicast is refused. Loopback is allowed only when the server says so (its embedded sandbox, or
// ALLOW_LOOPBACK_IDENTITY_DOMAIN=1). The operator's own IDC_IDENTITY_DOMAIN is trusted as given.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export type AddressPolicy = { kind: 'trusted' } | { kind: 'checked'; allowLoopback: boolean };

export const trustedAddresses: AddressPolicy = { kind: 'trusted' };

export type AddressVerdict = 'allowed' | 'loopback' | 'special';

/** Code of the error a refused address raises, so that callers tell it from a network failure. */
export const refusedAddressCode = 'ERR_IDENTITY_DOMAIN_ADDRESS_REFUSED';

export function addressVerdict(address: string, policy: AddressPolicy): AddressVerdict {
  if (policy.kind === 'trusted') return 'allowed';
  if (!ipaddr.isValid(address)) return 'special';
  const range = ipaddr.process(address).range();
  if (range === 'unicast') return 'allowed';
  if (range === 'loopback') return policy.allowLoopback ? 'allowed' : 'loopback';
  return 'special';
}

/** The URL's host without IPv6 brackets. */
export function bareHostName(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}

export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (error, addresses: LookupAddress[]) => {
      if (error) reject(error);
      else resolve(addresses.map((entry) => entry.address));
    });
  });

/**
 * The verdict on every address `hostname` stands for: itself when it is an IP literal, else what DNS returns
 * (the worst one wins). Null when it does not resolve (the connection attempt will say so).
 */
export async function hostVerdict(
  hostname: string,
  policy: AddressPolicy,
  resolver: Resolver = systemResolver,
): Promise<AddressVerdict | null> {
  if (policy.kind === 'trusted') return 'allowed';
  const host = bareHostName(hostname);
  let addresses: string[];
  if (isIP(host) !== 0) {
    addresses = [host];
  } else {
    try {
      addresses = await resolver(host);
    } catch {
      return null;
    }
  }
  const verdicts = addresses.map((address) => addressVerdict(address, policy));
  if (verdicts.includes('special')) return 'special';
  if (verdicts.includes('loopback')) return 'loopback';
  return verdicts.length === 0 ? null : 'allowed';
}

export function refusedAddressMessage(verdict: Exclude<AddressVerdict, 'allowed'>): string {
  if (verdict === 'loopback') {
    return 'This identity domain is this machine itself (loopback), which the dashboard connects to only for its embedded sandbox. Use the Identity Cloud host name (an operator can allow local tenants with ALLOW_LOOPBACK_IDENTITY_DOMAIN=1).';
  }
  return 'This identity domain is, or resolves to, a private, link-local or special-purpose address, which cannot be an Identity Cloud domain. Use the Identity Cloud host name.';
}

class RefusedAddressError extends Error {
  readonly code = refusedAddressCode;
  constructor() {
    super('The identity domain resolved to an address the proxy does not connect to.');
    this.name = 'RefusedAddressError';
  }
}

/** A `lookup` for an agent: resolves as usual, then fails the connection if any address is refused. */
export function checkedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, '', 4);
        return;
      }
      if (addresses.some((entry) => addressVerdict(entry.address, policy) !== 'allowed')) {
        callback(new RefusedAddressError(), '', 4);
        return;
      }
      if (options.all === true) {
        (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        return;
      }
      const first = addresses[0];
      if (first === undefined)
        callback(Object.assign(new Error('No address.'), { code: 'ENOTFOUND' }), '', 4);
      else callback(null, first.address, first.family);
    });
  };
}
