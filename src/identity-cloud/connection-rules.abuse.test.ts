// Hostile identity domains, beyond the everyday cases of connection-rules.test.ts: odd encodings of loopback and
// private addresses, user info and paths hidden by URL normalisation. Pure checks: nothing here opens a socket
// (the proxy-level counterpart, src/proxy/security/identity-domain-refusals.test.ts, proves it by counting).
import { describe, expect, it } from 'vitest';
import { checkIdentityDomain } from './connection-rules.ts';

describe('checkIdentityDomain against odd encodings', () => {
  it.each([
    // Loopback, however it is spelled, is this machine: plain http is fine, and the origin comes back normalised.
    ['http://0x7f000001', 'http://127.0.0.1'],
    ['http://017700000001', 'http://127.0.0.1'],
    ['http://0177.1', 'http://127.0.0.1'],
    ['http://127.0.0.1.', 'http://127.0.0.1'],
    ['http://①②⑦.0.0.1', 'http://127.0.0.1'],
    ['http://127。0。0。1', 'http://127.0.0.1'],
    ['http://%6c%6f%63%61%6c%68%6f%73%74:4010', 'http://localhost:4010'],
    ['https://v1.api.us.janrain.com:443', 'https://v1.api.us.janrain.com'],
  ])('accepts %s only as the normalised origin %s', (input, origin) => {
    expect(checkIdentityDomain(input)).toEqual({ ok: true, origin });
  });

  it.each([
    // Private, link-local, carrier-grade NAT, multicast and broadcast literals, in every spelling.
    ['http://[::ffff:7f00:1]', /private/],
    ['http://[::127.0.0.1]', /private/],
    ['https://[::ffff:169.254.169.254]', /private/],
    ['https://[fd00::1]', /private/],
    ['https://[::]', /private/],
    ['http://0x0a.0.0.1', /private/],
    ['http://167772161', /private/],
    ['https://0xA9FEA9FE', /private/],
    ['https://100.64.0.1', /private/],
    ['https://224.0.0.1', /private/],
    ['https://255.255.255.255', /private/],
    ['http://10.0.0.1', /private/],
    ['http://169.254.169.254', /private/],
    // Names that merely start like loopback are resolved by DNS: anyone's.
    ['http://localhost.evil.example', /must use https/],
    ['http://localhost.', /must use https/],
    ['http://LOCALHOST%2e', /must use https/],
    ['http://00000127.1', /must use https/], // octal: 87.0.0.1, not loopback
    // User info, in the raw text even where the parser would keep a loopback-looking prefix.
    ['http://127.0.0.1:80@evil.example', /user name or password/],
    ['https://evil.example@v1.api.us.janrain.com', /user name or password/],
    ['http://evil.example#@127.0.0.1', /user name|fragment/],
    ['http://127.0.0.1\\@evil.example', /without a path|user name/],
    // A path, even one that the URL standard collapses to "/".
    ['https://v1.api.us.janrain.com/..', /without a path/],
    ['https://v1.api.us.janrain.com/.', /without a path/],
    ['https://v1.api.us.janrain.com/%2e%2e', /without a path/],
    ['http://127.0.0.1:4010/./', /without a path/],
    ['https://v1.api.us.janrain.com/%2F', /without a path/],
    ['https://v1.api.us.janrain.com//', /without a path/],
    // Queries and fragments, empty or not.
    ['https://v1.api.us.janrain.com/?redirect=http://127.0.0.1', /query/],
    ['https://v1.api.us.janrain.com#', /fragment/],
    // Not parseable at all.
    ['http://127.0.0.1:0x50', /full address/],
    ['http://127.0.0.1%09', /full address/],
    ['file:///etc/passwd', /https:\/\//],
    ['data:text/plain,x', /https:\/\//],
    ['ws://127.0.0.1', /https:\/\//],
  ])('refuses %s', (input, message) => {
    const check = checkIdentityDomain(input);
    expect(check.ok, `${input} must be refused`).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });
});
