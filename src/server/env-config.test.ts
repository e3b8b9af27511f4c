import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerConfig } from './env-config.ts';

describe('readServerConfig', () => {
  it('defaults to 127.0.0.1:5173 with the embedded sandbox', () => {
    expect(readServerConfig({})).toEqual({
      host: '127.0.0.1',
      port: 5173,
      proxy: {},
      embeddedSandbox: { quiet: true },
      auth: { mode: 'none' },
      allowUnauthenticatedRemote: false,
      store: { kind: 'sqlite', path: resolve('data/inventory.db') },
      historyKeepDays: 400,
      auditPolicy: { path: 'idc-audit.yaml', required: false },
      errors: [],
    });
  });

  it('reads the authentication mode and the exposure allowances, refusing unknown values', () => {
    expect(
      readServerConfig({ ALLOW_UNAUTHENTICATED_REMOTE: '1', ALLOW_LOOPBACK_IDENTITY_DOMAIN: '1' }),
    ).toMatchObject({
      auth: { mode: 'none' },
      allowUnauthenticatedRemote: true,
      proxy: { allowLoopbackIdentityDomain: true },
      errors: [],
    });
    expect(
      readServerConfig({ AUTH_MODE: 'magic', ALLOW_UNAUTHENTICATED_REMOTE: 'yes' }).errors.toSorted(),
    ).toEqual([
      'ALLOW_UNAUTHENTICATED_REMOTE must be 1 or 0 (got "yes").',
      'AUTH_MODE must be none, oidc or proxy (got "magic").',
    ]);
  });

  it('reads where history is kept, and names the variable that is wrong', () => {
    expect(readServerConfig({ IDC_STORE: 'off' }).store).toEqual({ kind: 'off', reason: 'IDC_STORE=off' });
    expect(readServerConfig({ IDC_STORE_PATH: '/var/lib/idc/h.db' }).store).toEqual({
      kind: 'sqlite',
      path: '/var/lib/idc/h.db',
    });
    expect(readServerConfig({ DATABASE_URL: 'postgres://u:p@db:5432/idc' }).store).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/idc',
    });
    expect(readServerConfig({ HISTORY_KEEP_DAYS: '30' }).historyKeepDays).toBe(30);
    expect(readServerConfig({ HISTORY_KEEP_DAYS: '0' }).errors).toEqual([
      'HISTORY_KEEP_DAYS must be an integer from 1 to 36500 (got "0").',
    ]);
    expect(readServerConfig({ IDC_STORE: 'maybe' }).errors).toEqual([
      'IDC_STORE must be on or off (got "maybe").',
    ]);
    expect(readServerConfig({ DATABASE_URL: 'mysql://x' }).errors).toEqual([
      'DATABASE_URL must be a postgres:// or postgresql:// URL.',
    ]);
  });

  it('takes the audit policy file from IDC_AUDIT_POLICY, which must then exist', () => {
    expect(readServerConfig({ IDC_AUDIT_POLICY: '/etc/idc/audit.yaml' }).auditPolicy).toEqual({
      path: '/etc/idc/audit.yaml',
      required: true,
    });
  });

  it('reads the embedded sandbox knobs', () => {
    // Each variable, its text, and the sandbox option it sets.
    const knobs = [
      ['SANDBOX_CLIENTS', '10000', { clients: 10000 }],
      ['SANDBOX_LATENCY_MS', '50', { latencyMs: 50 }],
      ['SANDBOX_SEED', '7', { seed: 7 }],
      ['SANDBOX_PORT', '4299', { port: 4299 }],
    ] as const;
    const config = readServerConfig(Object.fromEntries(knobs.map(([name, text]) => [name, text])));
    expect(config.embeddedSandbox).toEqual(
      Object.assign({ quiet: true }, ...knobs.map(([, , option]) => option)),
    );
  });

  it('uses IDC_* as the default connection instead of the sandbox', () => {
    // Each variable, the field of the connection it sets, and its value.
    const variables = [
      ['IDC_IDENTITY_DOMAIN', 'identityDomain', 'https://v1.api.us.janrain.com'],
      ['IDC_CUSTOMER_ID', 'customerId', '01000000-0000-3000-9000-000000000000'],
      ['IDC_CLIENT_ID', 'clientId', 'id'],
      ['IDC_CLIENT_SECRET', 'clientSecret', 'secret'],
      ['IDC_SCOPE', 'scope', 'GET:config/**'],
    ] as const;
    const config = readServerConfig(Object.fromEntries(variables.map(([name, , value]) => [name, value])));
    expect(config.embeddedSandbox).toBe(false);
    expect(config.proxy.defaultConnection).toEqual(
      Object.fromEntries(variables.map(([, field, value]) => [field, value])),
    );
  });

  it('refuses a partial default connection, naming what is missing but never a value', () => {
    const config = readServerConfig({
      IDC_IDENTITY_DOMAIN: 'https://x.example',
      IDC_CLIENT_SECRET: 'top-secret',
    });
    expect(config.errors).toHaveLength(1);
    expect(config.errors[0]).toMatch(/missing: IDC_CUSTOMER_ID, IDC_CLIENT_ID/);
    expect(config.errors.join(' ')).not.toContain('top-secret');
  });

  it('starts with no default at all when IDC_EMBEDDED_SANDBOX=0', () => {
    const config = readServerConfig({ IDC_EMBEDDED_SANDBOX: '0' });
    expect(config.embeddedSandbox).toBe(false);
    expect(config.proxy.defaultConnection).toBeUndefined();
  });

  it('reads the proxy settings and refuses invalid numbers', () => {
    const config = readServerConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      PROXY_MAX_CONCURRENCY: '16',
      UPSTREAM_TIMEOUT_MS: '5000',
      MAX_RESPONSE_BYTES: '1048576',
      ALLOWED_HOSTS: 'inventory.corp.example, 10.1.2.3 ,',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      proxy: {
        maxConcurrency: 16,
        upstreamTimeoutMs: 5000,
        maxResponseBytes: 1048576,
        allowedHosts: ['localhost', '127.0.0.1', '[::1]', 'inventory.corp.example', '10.1.2.3'],
      },
      errors: [],
    });
    expect(readServerConfig({ PORT: 'eighty' }).errors).toEqual([
      'PORT must be an integer from 0 to 65535 (got "eighty").',
    ]);
    expect(readServerConfig({ PROXY_MAX_CONCURRENCY: '0' }).errors).toHaveLength(1);
  });

  it('reads SECURE_COOKIES for a server behind a TLS-terminating reverse proxy', () => {
    expect(readServerConfig({}).proxy.secureCookies).toBeUndefined();
    expect(readServerConfig({ SECURE_COOKIES: 'always' }).proxy.secureCookies).toBe(true);
    expect(readServerConfig({ SECURE_COOKIES: 'Never' }).proxy.secureCookies).toBe(false);
    expect(readServerConfig({ SECURE_COOKIES: 'auto' }).proxy.secureCookies).toBe('auto');
    const wrong = readServerConfig({ SECURE_COOKIES: 'yes' });
    expect(wrong.proxy.secureCookies).toBeUndefined();
    expect(wrong.errors).toEqual(['SECURE_COOKIES must be auto, always or never (got "yes").']);
  });
});
