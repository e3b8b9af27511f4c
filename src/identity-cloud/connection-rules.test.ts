import { describe, expect, it } from 'vitest';
import { checkConnection, checkIdentityDomain, isLoopbackHostname } from './connection-rules.ts';

const valid = {
  identityDomain: 'https://v1.api.us.janrain.com',
  customerId: '01000000-0000-3000-9000-000000000000',
  clientId: 'config-client',
  clientSecret: 's3cret-value',
};

describe('checkIdentityDomain', () => {
  it.each([
    ['https://v1.api.us.janrain.com', 'https://v1.api.us.janrain.com'],
    ['https://v1.api.eu.janrain.com/', 'https://v1.api.eu.janrain.com'],
    ['  https://login.example.com:8443  ', 'https://login.example.com:8443'],
    ['HTTPS://V1.API.US.JANRAIN.COM', 'https://v1.api.us.janrain.com'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.5.6.7', 'http://127.5.6.7'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://LOCALHOST:99', 'http://localhost:99'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]'],
    // Odd encodings of 127.0.0.1: the URL standard normalises them, and loopback is what they are.
    ['http://0x7f.1/', 'http://127.0.0.1'],
    ['http://2130706433/', 'http://127.0.0.1'],
    ['http://127.1/', 'http://127.0.0.1'],
    ['http://0177.0.0.1', 'http://127.0.0.1'],
    ['http://%31%32%37.0.0.1/', 'http://127.0.0.1'],
    ['https://127.0.0.1', 'https://127.0.0.1'],
  ])('accepts %s as %s', (input, origin) => {
    expect(checkIdentityDomain(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['', /Enter the identity domain/],
    ['v1.api.us.janrain.com', /https:\/\//],
    ['ftp://v1.api.us.janrain.com', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['http://v1.api.us.janrain.com', /must use https/],
    ['http://10.0.0.1', /private/],
    ['http://169.254.169.254', /private/],
    ['https://169.254.169.254', /private/],
    ['https://10.1.2.3', /private/],
    ['https://192.168.1.1', /private/],
    ['https://172.16.0.1', /private/],
    ['http://0xa9.0xfe.0xa9.0xfe', /private/],
    ['http://0/', /private/],
    ['http://0.0.0.0:80', /private/],
    ['http://[::]/', /private/],
    ['http://[::ffff:127.0.0.1]/', /private/],
    ['http://[::ffff:a9fe:a9fe]/', /private/],
    ['https://[fe80::1]', /private/],
    ['http://localhost.evil.com', /must use https/],
    ['http://127.0.0.1.nip.io', /must use https/],
    ['http://foo.localhost', /must use https/],
    ['http://localhost.', /must use https/],
    ['https://user:pw@v1.api.us.janrain.com', /user name or password/],
    ['https://@v1.api.us.janrain.com', /user name or password/],
    ['http://127.0.0.1%2f@evil.com', /user name or password/],
    ['https://v1.api.us.janrain.com/01000000-0000-3000-9000-000000000000', /without a path/],
    ['https://v1.api.us.janrain.com\\path', /without a path/],
    ['https://v1.api.us.janrain.com/?', /query/],
    ['https://v1.api.us.janrain.com?a=1', /query/],
    ['https://v1.api.us.janrain.com#x', /fragment/],
    ['https://v1.api.us.janrain.com/#', /fragment/],
    ['https://v1.api. us.janrain.com', /spaces/],
    ['https://v1.api.us\t.janrain.com', /spaces/],
    ['https://v1.api.us\u0000.janrain.com', /control/],
    [`https://${'a'.repeat(3000)}.com`, /too long/],
  ])('refuses %s', (input, message) => {
    const check = checkIdentityDomain(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });
});

describe('isLoopbackHostname', () => {
  it('knows loopback names exactly', () => {
    expect(isLoopbackHostname('127.0.0.1')).toBe(true);
    expect(isLoopbackHostname('127.255.255.254')).toBe(true);
    expect(isLoopbackHostname('localhost')).toBe(true);
    expect(isLoopbackHostname('[::1]')).toBe(true);
    expect(isLoopbackHostname('128.0.0.1')).toBe(false);
    expect(isLoopbackHostname('127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackHostname('localhost.localdomain')).toBe(false);
  });
});

describe('checkConnection', () => {
  it('accepts a valid connection and normalises it', () => {
    const check = checkConnection({
      ...valid,
      identityDomain: 'https://v1.api.us.janrain.com/',
      clientId: '  config-client ',
      scope: ' GET:config/** ',
    });
    expect(check).toEqual({
      ok: true,
      connection: { ...valid, scope: 'GET:config/**' },
    });
  });

  it('drops an empty scope so that the default applies', () => {
    const check = checkConnection({ ...valid, scope: '   ' });
    expect(check.ok && check.connection.scope).toBe(undefined);
  });

  it('reports every invalid field at once, with a message each', () => {
    const check = checkConnection({
      identityDomain: 'http://example.com',
      customerId: 'not-a-uuid',
      clientId: '',
      clientSecret: '   ',
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.map((error) => error.field)).toEqual([
      'identityDomain',
      'customerId',
      'clientId',
      'clientSecret',
    ]);
    for (const error of check.errors) expect(error.message).toMatch(/\.$/);
  });

  it.each([
    ['customerId', { customerId: '01000000-0000-3000-9000-00000000000' }],
    ['customerId', { customerId: '01000000-0000-3000-9000-000000000000/../x' }],
    ['clientId', { clientId: 'x'.repeat(257) }],
    ['clientId', { clientId: 'a\u0000b' }],
    ['clientSecret', { clientSecret: 'x'.repeat(1025) }],
    ['clientSecret', { clientSecret: 42 }],
    ['scope', { scope: 'a\nb' }],
    ['identityDomain', { identityDomain: ['https://x.com'] }],
  ])('refuses an invalid %s', (field, override) => {
    const check = checkConnection({ ...valid, ...override });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors.map((error) => error.field)).toEqual([field]);
  });

  it('treats missing input as every field empty', () => {
    const check = checkConnection(undefined);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors).toHaveLength(4);
  });

  it('never echoes the secret in a message', () => {
    const check = checkConnection({ ...valid, clientSecret: `secret-${'x'.repeat(2000)}` });
    expect(JSON.stringify(check)).not.toContain('secret-x');
  });
});
