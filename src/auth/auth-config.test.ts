import { describe, expect, it } from 'vitest';
import { readAuthConfig } from './auth-config.ts';

const oidcEnv = {
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'https://login.example.com/realms/acme',
  OIDC_CLIENT_ID: 'client-inventory',
  OIDC_CLIENT_SECRET: 'oidc-secret',
  OIDC_REDIRECT_URI: 'https://inventory.example.com/auth/callback',
  AUTH_ALLOWED_GROUPS: 'idc-admins',
};

describe('readAuthConfig', () => {
  it('is none by default, with no error', () => {
    expect(readAuthConfig({})).toEqual({ auth: { mode: 'none' }, errors: [] });
  });

  it('names an unknown mode', () => {
    expect(readAuthConfig({ AUTH_MODE: 'ldap' }).errors).toEqual([
      'AUTH_MODE must be none, oidc or proxy (got "ldap").',
    ]);
  });

  it('reads oidc with its defaults', () => {
    const { auth, errors } = readAuthConfig(oidcEnv);
    expect(errors).toEqual([]);
    expect(auth.mode).toBe('oidc');
    if (auth.mode !== 'oidc') return;
    expect(auth.oidc.scopes).toBe('openid email profile');
    expect(auth.oidc.postLogoutRedirectUri.href).toBe('https://inventory.example.com/auth/signed-out');
    expect(auth.access).toEqual({ users: [], groups: ['idc-admins'], groupsClaim: 'groups' });
    expect(auth.timeouts).toEqual({ idleMs: 3_600_000, absoluteMs: 12 * 3_600_000 });
  });

  it('names every missing oidc setting', () => {
    const { errors } = readAuthConfig({ AUTH_MODE: 'oidc' });
    expect(errors).toEqual(
      expect.arrayContaining([
        'OIDC_ISSUER is required with AUTH_MODE=oidc.',
        'OIDC_REDIRECT_URI is required with AUTH_MODE=oidc.',
        'OIDC_CLIENT_ID is required with AUTH_MODE=oidc.',
        'OIDC_CLIENT_SECRET is required with AUTH_MODE=oidc.',
      ]),
    );
    expect(errors.some((error) => error.startsWith('AUTH_MODE=oidc needs AUTH_ALLOWED_USERS'))).toBe(true);
  });

  it('refuses a plain-http issuer beyond loopback, a redirect URI elsewhere than the callback, scopes without openid', () => {
    const { errors } = readAuthConfig({
      ...oidcEnv,
      OIDC_ISSUER: 'http://login.example.com',
      OIDC_REDIRECT_URI: 'https://inventory.example.com/callback',
      OIDC_SCOPES: 'email',
    });
    expect(errors).toEqual([
      'OIDC_SCOPES must include openid (got "email").',
      'OIDC_ISSUER must be https (plain http only for a provider on loopback; got "http://login.example.com/").',
      'OIDC_REDIRECT_URI must end in /auth/callback (got "https://inventory.example.com/callback").',
    ]);
    expect(readAuthConfig({ ...oidcEnv, OIDC_ISSUER: 'http://localhost:8080' }).errors).toEqual([]);
  });

  it('reads the session timeouts and names a bad one', () => {
    const { auth } = readAuthConfig({
      ...oidcEnv,
      AUTH_SESSION_IDLE_MINUTES: '15',
      AUTH_SESSION_MAX_HOURS: '8',
    });
    expect(auth.mode === 'oidc' && auth.timeouts).toEqual({ idleMs: 15 * 60_000, absoluteMs: 8 * 3_600_000 });
    const short = readAuthConfig({ ...oidcEnv, AUTH_SESSION_IDLE_MINUTES: '0.05' }).auth;
    expect(short.mode === 'oidc' && short.timeouts.idleMs).toBe(3_000);
    expect(readAuthConfig({ ...oidcEnv, AUTH_SESSION_IDLE_MINUTES: '1e3' }).errors).toHaveLength(1);
    expect(readAuthConfig({ ...oidcEnv, AUTH_SESSION_IDLE_MINUTES: '0' }).errors).toEqual([
      'AUTH_SESSION_IDLE_MINUTES must be a number of minutes from 0.05 (3 s) to 1000000 (got "0").',
    ]);
  });

  it('reads proxy mode: header lowercased, addresses and ranges, v4-mapped ranges as IPv4', () => {
    const { auth, errors } = readAuthConfig({
      AUTH_MODE: 'proxy',
      AUTH_PROXY_USER_HEADER: 'X-Forwarded-Email',
      AUTH_TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7, ::ffff:172.16.0.0/108, fd00::/8',
    });
    expect(errors).toEqual([]);
    expect(auth.mode).toBe('proxy');
    if (auth.mode !== 'proxy') return;
    expect(auth.proxy.userHeader).toBe('x-forwarded-email');
    expect(auth.proxy.trustedProxies.map(([range, bits]) => `${range.toString()}/${bits}`)).toEqual([
      '10.0.0.0/8',
      '192.0.2.7/32',
      '172.16.0.0/12',
      'fd00::/8',
    ]);
  });

  it('names what proxy mode lacks or cannot read', () => {
    expect(readAuthConfig({ AUTH_MODE: 'proxy' }).errors).toEqual([
      'AUTH_PROXY_USER_HEADER is required with AUTH_MODE=proxy (e.g. X-Forwarded-Email).',
      'AUTH_TRUSTED_PROXIES is required with AUTH_MODE=proxy: the addresses or CIDR ranges of the authenticating proxy.',
    ]);
    expect(
      readAuthConfig({
        AUTH_MODE: 'proxy',
        AUTH_PROXY_USER_HEADER: 'X-Forwarded-Email',
        AUTH_TRUSTED_PROXIES: '10.0.0.0/33,proxy.internal',
      }).errors,
    ).toEqual([
      'AUTH_TRUSTED_PROXIES: "10.0.0.0/33" is not an IP address or CIDR range.',
      'AUTH_TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range.',
    ]);
  });
});
