// The rules a connection (identity domain, customer, configuration client) must satisfy, shared by the connect
// form in the browser and the proxy, which enforces them before any upstream call. Pure: no Node or DOM APIs.
import { z } from 'zod';

export const connectionFields = [
  'identityDomain',
  'customerId',
  'clientId',
  'clientSecret',
  'scope',
] as const;
export type ConnectionField = (typeof connectionFields)[number];

export interface ConnectionFieldError {
  field: ConnectionField;
  message: string;
}

/** A validated connection: the identity domain is normalised to its origin (no trailing slash). */
export interface Connection {
  identityDomain: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

export const connectionLimits = {
  clientIdMaxLength: 256,
  clientSecretMaxLength: 1024,
  scopeMaxLength: 1024,
  identityDomainMaxLength: 2048,
} as const;

export const defaultScope = '*:config/**';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const controlCharacters = /[\u0000-\u001f\u007f]/;

function parseIpv4(hostname: string): [number, number, number, number] | null {
  const parts = hostname.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : Number.NaN));
  if (octets.some((octet) => Number.isNaN(octet) || octet > 255)) return null;
  return octets as [number, number, number, number];
}

/**
 * Loopback, after WHATWG URL normalisation (which already turns `0x7f.1`, `2130706433`, `127.1` and `0177.0.0.1`
 * into `127.0.0.1`): 127.0.0.0/8, exactly `localhost`, and `[::1]`. Deliberately NOT loopback: `foo.localhost`,
 * `localhost.` and `localhost.evil.com` (resolved by DNS, so anyone's), IPv4-mapped IPv6 such as
 * `[::ffff:127.0.0.1]` (obscure; use 127.0.0.1), and the unspecified addresses `0.0.0.0` and `[::]`.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const ipv4 = parseIpv4(host);
  return ipv4 !== null && ipv4[0] === 127;
}

/**
 * IP literals that can never be an Identity Cloud domain and are classic request-forgery targets (cloud metadata
 * at 169.254.169.254, private networks), refused even over https. Hostnames that resolve to them are not
 * detectable without DNS; only the literals are refused here.
 */
function isPrivateOrSpecialIpLiteral(hostname: string): boolean {
  const host = hostname.toLowerCase();
  const ipv4 = parseIpv4(host);
  if (ipv4 !== null) {
    const [a, b] = ipv4;
    return (
      a === 0 ||
      a === 10 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (!host.startsWith('[')) return false;
  if (host === '[::1]') return false;
  // Every other IPv6 literal: unspecified, IPv4-mapped, unique-local (fc00::/7), link-local (fe80::/10), …
  // Identity Cloud is reached by name, so refusing all other IPv6 literals costs nothing.
  return true;
}

export type IdentityDomainCheck = { ok: true; origin: string } | { ok: false; message: string };

/** An origin: https, or http for loopback only; no user info, path, query or fragment. */
export function checkIdentityDomain(rawValue: string): IdentityDomainCheck {
  const value = rawValue.trim();
  if (value === '')
    return { ok: false, message: 'Enter the identity domain, e.g. https://v1.api.us.janrain.com.' };
  if (value.length > connectionLimits.identityDomainMaxLength) {
    return { ok: false, message: 'This identity domain is too long.' };
  }
  if (controlCharacters.test(value) || /\s/.test(value)) {
    return { ok: false, message: 'The identity domain must not contain spaces or control characters.' };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      ok: false,
      message: 'Enter a full address starting with https://, e.g. https://v1.api.us.janrain.com.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The identity domain must start with https://.' };
  }
  // Checked on the raw text too: the URL parser silently drops an empty `?`, `#` or `@`.
  if (url.username !== '' || url.password !== '' || value.includes('@')) {
    return { ok: false, message: 'The identity domain must not contain a user name or password.' };
  }
  if (url.search !== '' || url.hash !== '' || value.includes('?') || value.includes('#')) {
    return { ok: false, message: 'The identity domain must not contain a query (?) or fragment (#).' };
  }
  // Also on the raw text: the parser collapses "/..", "/." and "/%2e%2e" to "/", which would hide a path.
  const rawPath = /^[a-z][a-z\d+.-]*:\/*[^/?#\\]*(.*)$/is.exec(value)?.[1] ?? '';
  if (url.pathname !== '/' || value.includes('\\') || (rawPath !== '' && rawPath !== '/')) {
    return {
      ok: false,
      message: 'Enter only the origin, without a path, e.g. https://v1.api.us.janrain.com.',
    };
  }
  const loopback = isLoopbackHostname(url.hostname);
  if (!loopback && isPrivateOrSpecialIpLiteral(url.hostname)) {
    return {
      ok: false,
      message:
        'A private, link-local or special IP address cannot be an identity domain. Use the Identity Cloud host name.',
    };
  }
  if (url.protocol === 'http:' && !loopback) {
    return {
      ok: false,
      message:
        'The identity domain must use https://. Plain http:// is allowed only for this machine (127.0.0.1, localhost or [::1]).',
    };
  }
  return { ok: true, origin: url.origin };
}

export function checkCustomerId(rawValue: string): string | null {
  const value = rawValue.trim();
  if (value === '') return 'Enter the customer ID.';
  if (!uuidPattern.test(value)) {
    return 'The customer ID is a UUID, e.g. 01000000-0000-3000-9000-000000000000.';
  }
  return null;
}

/** A text field: required unless `missing` is null, at most `maxLength` long once trimmed, no control characters. */
function checkText(rawValue: string, name: string, maxLength: number, missing: string | null): string | null {
  const value = rawValue.trim();
  if (value === '') return missing;
  if (value.length > maxLength) return `This ${name} is too long.`;
  if (controlCharacters.test(value)) return `The ${name} must not contain control characters.`;
  return null;
}

export function checkClientId(rawValue: string): string | null {
  const missing = 'Enter the configuration client’s ID.';
  return checkText(rawValue, 'client ID', connectionLimits.clientIdMaxLength, missing);
}

export function checkClientSecret(rawValue: string): string | null {
  const missing = 'Enter the configuration client’s secret.';
  return checkText(rawValue, 'client secret', connectionLimits.clientSecretMaxLength, missing);
}

export function checkScope(rawValue: string | undefined): string | null {
  if (rawValue === undefined) return null;
  return checkText(rawValue, 'scope', connectionLimits.scopeMaxLength, null);
}

const connectionInputSchema = z.object({
  identityDomain: z.unknown(),
  customerId: z.unknown(),
  clientId: z.unknown(),
  clientSecret: z.unknown(),
  scope: z.unknown().optional(),
});

export type ConnectionCheck =
  { ok: true; connection: Connection } | { ok: false; errors: ConnectionFieldError[] };

function asText(value: unknown): string | null {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : null;
}

/** Validates every field and reports all problems at once, each with a sentence a person can act on. */
export function checkConnection(input: unknown): ConnectionCheck {
  const parsed = connectionInputSchema.safeParse(input ?? {});
  const fields = parsed.success ? parsed.data : {};
  const errors: ConnectionFieldError[] = [];
  const text = (field: ConnectionField): string => {
    const value = asText((fields as Partial<Record<ConnectionField, unknown>>)[field]);
    if (value === null) {
      errors.push({ field, message: 'This field must be text.' });
      return '';
    }
    return value;
  };

  const identityDomain = text('identityDomain');
  const customerId = text('customerId');
  const clientId = text('clientId');
  const clientSecret = text('clientSecret');
  const rawScope = (fields as { scope?: unknown }).scope;
  const scope = rawScope === undefined || rawScope === null ? undefined : text('scope');
  const alreadyInvalid = new Set(errors.map((error) => error.field));

  const domain = checkIdentityDomain(identityDomain);
  if (!domain.ok && !alreadyInvalid.has('identityDomain')) {
    errors.push({ field: 'identityDomain', message: domain.message });
  }
  const fieldChecks: [ConnectionField, string | null][] = [
    ['customerId', checkCustomerId(customerId)],
    ['clientId', checkClientId(clientId)],
    ['clientSecret', checkClientSecret(clientSecret)],
    ['scope', checkScope(scope)],
  ];
  for (const [field, message] of fieldChecks) {
    if (message !== null && !alreadyInvalid.has(field)) errors.push({ field, message });
  }
  if (errors.length > 0 || !domain.ok) return { ok: false, errors };

  const trimmedScope = scope?.trim();
  return {
    ok: true,
    connection: {
      identityDomain: domain.origin,
      customerId: customerId.trim(),
      clientId: clientId.trim(),
      clientSecret: clientSecret.trim(),
      ...(trimmedScope ? { scope: trimmedScope } : {}),
    },
  };
}
