import { describe, expect, it } from 'vitest';
import { isAllowed } from './access-rules.ts';
import { parseTrustedRange, type TrustedRange } from './auth-config.ts';
import { isTrustedAddress, proxyIdentity } from './proxy-header-identity.ts';

const ranges = (...texts: string[]): TrustedRange[] =>
  texts.map((text) => {
    const range = parseTrustedRange(text);
    if (range === null) throw new Error(text);
    return range;
  });

describe('isTrustedAddress', () => {
  it('matches addresses inside the ranges, v4-mapped v6 as v4, and nothing else', () => {
    const trusted = ranges('10.0.0.0/8', '192.0.2.7', 'fd00::/8');
    expect(isTrustedAddress('10.1.2.3', trusted)).toBe(true);
    expect(isTrustedAddress('::ffff:10.1.2.3', trusted)).toBe(true);
    expect(isTrustedAddress('192.0.2.7', trusted)).toBe(true);
    expect(isTrustedAddress('fd12::1', trusted)).toBe(true);
    expect(isTrustedAddress('192.0.2.8', trusted)).toBe(false);
    expect(isTrustedAddress('127.0.0.1', trusted)).toBe(false);
    expect(isTrustedAddress('::1', trusted)).toBe(false);
    expect(isTrustedAddress(undefined, trusted)).toBe(false);
    expect(isTrustedAddress('not an address', trusted)).toBe(false);
  });
});

describe('proxyIdentity', () => {
  const settings = { userHeader: 'x-forwarded-email', trustedProxies: ranges('127.0.0.1'), signOutUrl: null };

  it('believes the header from a trusted peer only', () => {
    expect(proxyIdentity(settings, '127.0.0.1', 'alice@example.com')).toEqual({
      kind: 'user',
      user: {
        id: 'alice@example.com',
        displayName: 'alice@example.com',
        email: 'alice@example.com',
        groups: [],
      },
    });
    expect(proxyIdentity(settings, '10.0.0.9', 'alice@example.com')).toEqual({ kind: 'untrusted-peer' });
  });

  it('treats an empty or control-laden header as no user', () => {
    expect(proxyIdentity(settings, '127.0.0.1', undefined)).toEqual({ kind: 'no-user-header' });
    expect(proxyIdentity(settings, '127.0.0.1', '  ')).toEqual({ kind: 'no-user-header' });
    expect(proxyIdentity(settings, '127.0.0.1', 'alice\r\nx')).toEqual({ kind: 'no-user-header' });
  });
});

describe('isAllowed', () => {
  const alice = { id: 'sub-1', displayName: 'a', email: 'Alice@Example.com', groups: ['idc-readers'] };

  it('lets in a listed subject or email (any case), a member of a listed group, or everyone with *', () => {
    expect(isAllowed(alice, { users: ['sub-1'], groups: [], groupsClaim: 'groups' })).toBe(true);
    expect(isAllowed(alice, { users: ['alice@example.com'], groups: [], groupsClaim: 'groups' })).toBe(true);
    expect(isAllowed(alice, { users: [], groups: ['idc-readers'], groupsClaim: 'groups' })).toBe(true);
    expect(isAllowed(alice, { users: ['*'], groups: [], groupsClaim: 'groups' })).toBe(true);
  });

  it('keeps out everyone else; subjects compare exactly', () => {
    expect(
      isAllowed(alice, {
        users: ['SUB-1', 'bob@example.com'],
        groups: ['idc-admins'],
        groupsClaim: 'groups',
      }),
    ).toBe(false);
  });
});
