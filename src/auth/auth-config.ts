// The sign-in settings of the environment (AUTH_*, OIDC_*), read into one value. Pure, so that every rule is
// unit-tested; the server refuses to start on any error.
import ipaddr from 'ipaddr.js';

type Environment = Readonly<Record<string, string | undefined>>;

export const authModes = ['none', 'oidc', 'proxy'] as const;
export type AuthMode = (typeof authModes)[number];

/** Who may enter: subjects or emails, and groups (oidc only). `*` in users lets every signed-in person in. */
export interface AccessRules {
  users: readonly string[];
  groups: readonly string[];
  groupsClaim: string;
}

export interface SessionTimeouts {
  /** A dashboard session unused this long ends. */
  idleMs: number;
  /** A dashboard session ends this long after sign-in, however busy. */
  absoluteMs: number;
}

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUri: URL;
  scopes: string;
  /** Tolerated difference between this server's clock and the provider's, in seconds. */
  clockToleranceSeconds: number;
  /** Where the provider sends the browser back after RP-initiated logout. */
  postLogoutRedirectUri: URL;
}

export type TrustedRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface ProxyHeaderSettings {
  userHeader: string;
  trustedProxies: readonly TrustedRange[];
  /** Where Sign out sends the browser (the proxy's own sign-out), when there is one. */
  signOutUrl: string | null;
}

export type AuthConfig =
  | { mode: 'none' }
  | { mode: 'oidc'; oidc: OidcSettings; access: AccessRules; timeouts: SessionTimeouts }
  | { mode: 'proxy'; proxy: ProxyHeaderSettings; access: AccessRules };

export const authDefaults = {
  scopes: 'openid email profile',
  groupsClaim: 'groups',
  clockToleranceSeconds: 30,
  idleMinutes: 60,
  absoluteHours: 12,
} as const;

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackUrl(url: URL): boolean {
  return loopbackNames.has(url.hostname) || url.hostname.endsWith('.localhost');
}

function present(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function list(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Plain addresses become single-address ranges; IPv4-mapped IPv6 is compared as IPv4. */
export function parseTrustedRange(text: string): TrustedRange | null {
  try {
    if (text.includes('/')) {
      const [address, prefix] = ipaddr.parseCIDR(text);
      return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96
        ? [(address as ipaddr.IPv6).toIPv4Address(), prefix - 96]
        : [address, prefix];
    }
    const address = ipaddr.process(text);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return null;
  }
}

function httpUrl(
  env: Environment,
  name: string,
  errors: string[],
  { required }: { required: boolean },
): URL | undefined {
  const raw = present(env, name);
  if (raw === undefined) {
    if (required) errors.push(`${name} is required with AUTH_MODE=oidc.`);
    return undefined;
  }
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('not http');
    if (url.username !== '' || url.password !== '') throw new TypeError('credentials');
    return url;
  } catch {
    errors.push(`${name} must be an http(s) URL without credentials (got "${raw}").`);
    return undefined;
  }
}

function positive(env: Environment, name: string, fallback: number, errors: string[], min = 1): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > 1_000_000) {
    errors.push(`${name} must be an integer from ${min} to 1000000 (got "${raw}").`);
    return fallback;
  }
  return value;
}

/** Minutes, fractions allowed (0.5 is 30 s): short idle timeouts are for demonstrations and tests. */
function minutes(env: Environment, name: string, fallback: number, errors: string[]): number {
  const raw = present(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || value < 0.05 || value > 1_000_000) {
    errors.push(`${name} must be a number of minutes from 0.05 (3 s) to 1000000 (got "${raw}").`);
    return fallback;
  }
  return value;
}

function readAccessRules(env: Environment, mode: 'oidc' | 'proxy', errors: string[]): AccessRules {
  const users = list(present(env, 'AUTH_ALLOWED_USERS'));
  const groups = list(present(env, 'AUTH_ALLOWED_GROUPS'));
  if (mode === 'proxy' && groups.length > 0) {
    errors.push(
      'AUTH_ALLOWED_GROUPS applies to AUTH_MODE=oidc only: with proxy, let the proxy check groups.',
    );
  }
  // Many providers let anyone on the internet sign in: letting every account in must be said explicitly.
  if (mode === 'oidc' && users.length === 0 && groups.length === 0) {
    errors.push(
      'AUTH_MODE=oidc needs AUTH_ALLOWED_USERS and/or AUTH_ALLOWED_GROUPS (AUTH_ALLOWED_USERS=* lets every account of the provider in).',
    );
  }
  return { users, groups, groupsClaim: present(env, 'AUTH_GROUPS_CLAIM') ?? authDefaults.groupsClaim };
}

function readOidc(env: Environment, errors: string[]): OidcSettings | null {
  const issuer = httpUrl(env, 'OIDC_ISSUER', errors, { required: true });
  const redirectUri = httpUrl(env, 'OIDC_REDIRECT_URI', errors, { required: true });
  const postLogout = httpUrl(env, 'OIDC_POST_LOGOUT_REDIRECT_URI', errors, { required: false });
  const clientId = present(env, 'OIDC_CLIENT_ID');
  if (clientId === undefined) errors.push('OIDC_CLIENT_ID is required with AUTH_MODE=oidc.');
  const clientSecret = present(env, 'OIDC_CLIENT_SECRET');
  if (clientSecret === undefined) errors.push('OIDC_CLIENT_SECRET is required with AUTH_MODE=oidc.');
  const scopes = present(env, 'OIDC_SCOPES') ?? authDefaults.scopes;
  if (!scopes.split(/\s+/).includes('openid')) {
    errors.push(`OIDC_SCOPES must include openid (got "${scopes}").`);
  }
  if (issuer !== undefined && issuer.protocol === 'http:' && !isLoopbackUrl(issuer)) {
    errors.push(
      `OIDC_ISSUER must be https (plain http only for a provider on loopback; got "${issuer.href}").`,
    );
  }
  if (redirectUri !== undefined && redirectUri.pathname !== callbackPath) {
    errors.push(`OIDC_REDIRECT_URI must end in ${callbackPath} (got "${redirectUri.href}").`);
  }
  const clockToleranceSeconds = positive(
    env,
    'OIDC_CLOCK_TOLERANCE_SECONDS',
    authDefaults.clockToleranceSeconds,
    errors,
    0,
  );
  if (issuer === undefined || redirectUri === undefined || clientId === undefined || !clientSecret) {
    return null;
  }
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    scopes,
    clockToleranceSeconds,
    postLogoutRedirectUri: postLogout ?? new URL(signedOutPath, redirectUri),
  };
}

function readProxyHeader(env: Environment, errors: string[]): ProxyHeaderSettings | null {
  const userHeader = present(env, 'AUTH_PROXY_USER_HEADER');
  if (userHeader === undefined) {
    errors.push('AUTH_PROXY_USER_HEADER is required with AUTH_MODE=proxy (e.g. X-Forwarded-Email).');
  } else if (!/^[A-Za-z0-9-]+$/.test(userHeader)) {
    errors.push(`AUTH_PROXY_USER_HEADER must be a header name (got "${userHeader}").`);
  }
  const trustedProxies: TrustedRange[] = [];
  const given = list(present(env, 'AUTH_TRUSTED_PROXIES'));
  if (given.length === 0) {
    errors.push(
      'AUTH_TRUSTED_PROXIES is required with AUTH_MODE=proxy: the addresses or CIDR ranges of the authenticating proxy.',
    );
  }
  for (const item of given) {
    const range = parseTrustedRange(item);
    if (range === null) errors.push(`AUTH_TRUSTED_PROXIES: "${item}" is not an IP address or CIDR range.`);
    else trustedProxies.push(range);
  }
  const signOutUrl = present(env, 'AUTH_PROXY_SIGN_OUT_URL') ?? null;
  if (signOutUrl !== null && !signOutUrl.startsWith('/') && !/^https?:\/\//.test(signOutUrl)) {
    errors.push(`AUTH_PROXY_SIGN_OUT_URL must be a path or an http(s) URL (got "${signOutUrl}").`);
  }
  if (userHeader === undefined || errors.length > 0) return null;
  return { userHeader: userHeader.toLowerCase(), trustedProxies, signOutUrl };
}

export const callbackPath = '/auth/callback';
export const signedOutPath = '/auth/signed-out';

export function readAuthConfig(env: Environment): { auth: AuthConfig; errors: string[] } {
  const errors: string[] = [];
  const raw = (present(env, 'AUTH_MODE') ?? 'none').toLowerCase();
  if (!(authModes as readonly string[]).includes(raw)) {
    return { auth: { mode: 'none' }, errors: [`AUTH_MODE must be none, oidc or proxy (got "${raw}").`] };
  }
  const mode = raw as AuthMode;
  if (mode === 'none') return { auth: { mode }, errors };
  const access = readAccessRules(env, mode, errors);
  if (mode === 'proxy') {
    const proxy = readProxyHeader(env, errors);
    return { auth: proxy === null ? { mode: 'none' } : { mode, proxy, access }, errors };
  }
  const oidc = readOidc(env, errors);
  const timeouts: SessionTimeouts = {
    idleMs: Math.round(minutes(env, 'AUTH_SESSION_IDLE_MINUTES', authDefaults.idleMinutes, errors) * 60_000),
    absoluteMs: positive(env, 'AUTH_SESSION_MAX_HOURS', authDefaults.absoluteHours, errors) * 3_600_000,
  };
  return { auth: oidc === null ? { mode: 'none' } : { mode, oidc, access, timeouts }, errors };
}
