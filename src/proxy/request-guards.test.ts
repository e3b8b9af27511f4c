import { describe, expect, it } from 'vitest';
import { hostNameOf, isAllowedHost } from './request-guards.ts';
import { resolveProxyOptions } from './proxy-options.ts';

describe('Host checks (DNS rebinding)', () => {
  const allowed = resolveProxyOptions().allowedHosts;

  it.each(['127.0.0.1:5173', 'localhost:5173', 'LOCALHOST', '[::1]:5173', '127.0.0.1'])(
    'allows %s',
    (host) => {
      expect(isAllowedHost(host, allowed)).toBe(true);
    },
  );

  it.each([
    'evil.example:5173',
    'localhost.evil.example',
    '127.0.0.1.nip.io:5173',
    '10.0.0.1:5173',
    'user@127.0.0.1',
    '127.0.0.1/path',
    '',
    '[::ffff:127.0.0.1]',
  ])('refuses %s', (host) => {
    expect(isAllowedHost(host, allowed)).toBe(false);
  });

  it('accepts configured names and the explicit wildcard', () => {
    const custom = resolveProxyOptions({ allowedHosts: ['inventory.corp.example', '::1'] }).allowedHosts;
    expect(isAllowedHost('Inventory.Corp.Example:443', custom)).toBe(true);
    expect(isAllowedHost('[::1]:80', custom)).toBe(true);
    expect(isAllowedHost('localhost', custom)).toBe(false);
    expect(isAllowedHost('anything', resolveProxyOptions({ allowedHosts: ['*'] }).allowedHosts)).toBe(true);
  });

  it('normalises host names', () => {
    expect(hostNameOf('LocalHost:80')).toBe('localhost');
    expect(hostNameOf('[::1]:8080')).toBe('[::1]');
  });
});
