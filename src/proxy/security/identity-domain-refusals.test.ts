// The proxy refuses hostile identity domains before anything leaves the machine: POST /api/session answers 400 for
// each, and not one TCP connection (not even a DNS-less loopback one) is attempted. The app is called in memory
// (no socket of its own), so that every connection counted would be an upstream one.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createProxyApp, type ProxyApp } from '../create-proxy-app.ts';
import { unusedLoopbackPort } from '../../test-support/node/loopback-port.ts';
import { countSocketConnects } from '../../test-support/node/security-probes.ts';

const hostileDomains = [
  'http://example.com',
  'ftp://v1.api.us.janrain.com',
  'https://user:pw@v1.api.us.janrain.com',
  'https://v1.api.us.janrain.com/01000000-0000-3000-9000-000000000000',
  'https://v1.api.us.janrain.com/..',
  'https://v1.api.us.janrain.com?x=1',
  'https://v1.api.us.janrain.com#x',
  'http://127.0.0.1:80@evil.example',
  'http://localhost.evil.example',
  'http://169.254.169.254',
  'https://169.254.169.254',
  'https://0xA9FEA9FE',
  'http://10.0.0.1',
  'http://167772161',
  'https://192.168.0.1',
  'https://[::ffff:7f00:1]',
  'https://[::ffff:169.254.169.254]',
  'https://[fd00::1]',
  'https://[fe80::1]',
  'http://0.0.0.0',
  'javascript:alert(1)',
];

let proxy: ProxyApp;
let connects: ReturnType<typeof countSocketConnects>;
beforeEach(() => {
  // Loopback allowed, so that the last test can show a connection being counted.
  proxy = createProxyApp({ allowLoopbackIdentityDomain: true });
  connects = countSocketConnects();
});
afterEach(() => {
  connects.restore();
  proxy.close();
});

it.each(hostileDomains)('refuses %s with 400 and opens no connection', async (identityDomain) => {
  const response = await proxy.fetch(
    new Request('http://127.0.0.1:5173/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        identityDomain,
        customerId: '01000000-0000-3000-9000-000000000000',
        clientId: 'config-client',
        clientSecret: 'LEAKCANARY-secret-refused',
      }),
    }),
  );
  expect(response.status).toBe(400);
  const body = (await response.json()) as { errors: { field: string }[] };
  expect(body.errors.map((error) => error.field)).toEqual(['identityDomain']);
  expect(JSON.stringify(body)).not.toContain('LEAKCANARY');
  expect(response.headers.get('set-cookie')).toBeNull();
  expect(connects.count()).toBe(0);
  expect(proxy.sessionCount()).toBe(0);
});

it('counts connections for real (the guard above is not blind)', async () => {
  // A connection to a closed loopback port is attempted and counted: the counter sees what the proxy opens.
  const port = await unusedLoopbackPort();
  const before = connects.count();
  const response = await proxy.fetch(
    new Request('http://127.0.0.1:5173/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        identityDomain: `http://127.0.0.1:${port}`,
        customerId: '01000000-0000-3000-9000-000000000000',
        clientId: 'config-client',
        clientSecret: 'secret',
      }),
    }),
  );
  expect(response.status).toBe(502);
  expect(connects.count()).toBeGreaterThan(before);
});
