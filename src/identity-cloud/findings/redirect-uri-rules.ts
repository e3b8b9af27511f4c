// Rules on one client's redirect URIs. Each URI is read once with the WHATWG URL parser (the global URL class),
// plus checks on the raw string, because the parser silently repairs what an authorization server compares
// byte for byte.
import type { Client } from '../schemas.ts';
import type { Finding, FindingSubject } from './finding.ts';
import type { RuleGroup } from './rule-description.ts';
import { createFinding } from './rule-description.ts';

/** This group's rules, worst first: what the catalogue, the docs and every finding of them say. */
export const redirectUriRules = {
  'redirect-uri-dangerous-scheme': {
    id: 'redirect-uri-dangerous-scheme',
    severity: 'critical',
    subjectKind: 'client',
    title: 'Redirect URI uses a javascript:, data: or vbscript: scheme',
    explanation:
      'Such a URI runs script or renders content in the browser instead of reaching the app: the authorization response, code included, lands in attacker-controlled content (cross-site scripting through the login flow).',
    recommendation: 'Remove the URI now, and find out who registered it and why.',
    reference: 'RFC 9700 §4.1',
  },
  'redirect-uri-malformed': {
    id: 'redirect-uri-malformed',
    severity: 'high',
    subjectKind: 'client',
    title: 'Redirect URI is malformed',
    explanation:
      'The URI is not an absolute URI (or carries spaces, control characters or backslashes, or an http(s) URI lacks "//"). Browsers and servers repair such strings differently, so the redirect may go somewhere else than intended, or nowhere.',
    recommendation: 'Replace it with the exact absolute URI the app receives the response on.',
    reference: 'RFC 3986 §4.3, RFC 6749 §3.1.2',
  },
  'redirect-uri-wildcard': {
    id: 'redirect-uri-wildcard',
    severity: 'high',
    subjectKind: 'client',
    title: 'Redirect URI contains a wildcard',
    explanation:
      'A "*" widens the set of accepted redirects: any matching host or path (a forgotten subdomain, an open redirector, user content) can receive authorization codes.',
    recommendation:
      'Register every redirect URI exactly, one per app instance; OAuth requires exact matching.',
    reference: 'RFC 9700 §4.1.1, §2.1',
  },
  'redirect-uri-plain-http': {
    id: 'redirect-uri-plain-http',
    severity: 'high',
    subjectKind: 'client',
    title: 'Redirect URI uses plain http to a non-loopback host',
    explanation:
      'The authorization response, with its code, travels unencrypted over the network, where it can be read or altered. Plain http is acceptable only for loopback redirects (127.0.0.1, [::1], localhost).',
    recommendation: 'Use https for this host, or remove the URI if it is a leftover.',
    reference: 'RFC 6749 §3.1.2.1, RFC 8252 §7.3',
  },
  'redirect-uri-fragment': {
    id: 'redirect-uri-fragment',
    severity: 'medium',
    subjectKind: 'client',
    title: 'Redirect URI contains a fragment',
    explanation:
      'OAuth forbids a fragment ("#…") in a redirect URI: the response parameters may be appended to it, mangled or exposed to scripts, and matching becomes ambiguous.',
    recommendation: 'Remove the fragment; let the app route after it receives the response.',
    reference: 'RFC 6749 §3.1.2',
  },
  'redirect-uri-loopback-in-confidential-client': {
    id: 'redirect-uri-loopback-in-confidential-client',
    severity: 'medium',
    subjectKind: 'client',
    title: 'Confidential client redirects to loopback or localhost',
    explanation:
      'A server-side app never receives its responses on the end user’s own machine: a loopback redirect here is a developer leftover, and lets any program listening on that port of a user’s machine receive codes for this client.',
    recommendation: 'Remove loopback URIs from production clients; give developers a separate client.',
  },
  'redirect-uri-ip-literal': {
    id: 'redirect-uri-ip-literal',
    severity: 'low',
    subjectKind: 'client',
    title: 'Redirect URI uses a raw IP address as host',
    explanation:
      'An IP address rarely has a valid certificate, can change hands without notice and hides who owns the endpoint. Loopback addresses are not reported here: RFC 8252 recommends them for native apps, and a confidential client using them is reported by its own rule.',
    recommendation: 'Use a DNS name under the organisation’s control.',
    reference: 'RFC 8252 §7.3, §8.3',
  },
  'redirect-uri-custom-scheme-not-reverse-domain': {
    id: 'redirect-uri-custom-scheme-not-reverse-domain',
    severity: 'low',
    subjectKind: 'client',
    title: 'Custom URI scheme is not a reverse domain name',
    explanation:
      'Any app can claim a short scheme such as "myapp:" on the device and intercept the redirect. Native apps must use a scheme based on a domain they control, in reverse order (com.example.app:/callback).',
    recommendation:
      'Switch the app to a reverse-domain scheme or, better, to a claimed https URI (universal / app link).',
    reference: 'RFC 8252 §7.1',
  },
  'redirect-uri-duplicate': {
    id: 'redirect-uri-duplicate',
    severity: 'low',
    subjectKind: 'client',
    title: 'Redirect URI is registered more than once',
    explanation:
      'The same URI (after normalising case of scheme and host, and default ports) appears several times: harmless in itself, but a sign of hand-edited configuration that nobody reviews.',
    recommendation: 'Keep one copy.',
  },
} as const satisfies RuleGroup;

// The audit policy's redirect rules (allowed hosts and schemes) live with the policy, in audit/audit-rules.ts.
export type RedirectUriRuleId = keyof typeof redirectUriRules;

const dangerousSchemes = new Set(['javascript:', 'data:', 'vbscript:']);
// Whitespace, C0 controls, DEL and backslash: the URL parser strips or rewrites them, a string compare does not.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeCharacters = /[\s\u0000-\u001f\u007f\\]/;
const ipv4Host = /^\d{1,3}(\.\d{1,3}){3}$/;
// RFC 8252 §7.1: a domain name in reverse order, so at least two dot-separated labels.
const reverseDomainScheme = /^[a-z][a-z0-9+-]*(\.[a-z0-9][a-z0-9+-]*)+$/;

export interface RedirectUriContext {
  /** Public clients (SPAs, native apps) may use loopback redirects (RFC 8252 §7.3); confidential ones should not. */
  clientIsPublic: boolean;
}

/** Loopback per RFC 8252 §8.3 and RFC 6761: 127.0.0.0/8, ::1 (also IPv4-mapped), localhost and *.localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (ipv4Host.test(host)) return host.startsWith('127.');
  // The URL parser gives IPv6 in brackets, compressed; IPv4-mapped 127.x.y.z comes out as ::ffff:7fxx:xxxx.
  return host === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}

export function isIpLiteralHost(hostname: string): boolean {
  return ipv4Host.test(hostname) || hostname.startsWith('[');
}

function parse(uri: string): URL | null {
  if (uri.trim() === '' || unsafeCharacters.test(uri)) return null;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  // "https:example.com" parses (the parser adds the slashes), yet it is not the URI a server would compare.
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !/^https?:\/\//i.test(uri)) return null;
  return url;
}

function schemeOf(uri: string, url: URL | null): string {
  if (url) return url.protocol;
  // Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), so must this check.
  // eslint-disable-next-line no-control-regex -- see above
  const compact = uri.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  return match ? `${match[1] ?? ''}:` : '';
}

/** The rules one redirect URI breaks, worst first. Duplicates are a property of the list: see redirectUriFindings. */
export function checkRedirectUri(uri: string, context: RedirectUriContext): RedirectUriRuleId[] {
  return checkParsedRedirectUri(uri, parse(uri), context);
}

function checkParsedRedirectUri(
  uri: string,
  url: URL | null,
  context: RedirectUriContext,
): RedirectUriRuleId[] {
  const scheme = schemeOf(uri, url);
  // A script URI is a single, critical problem; its other traits (no host, odd scheme) would only be noise.
  if (dangerousSchemes.has(scheme)) return ['redirect-uri-dangerous-scheme'];

  const broken: RedirectUriRuleId[] = [];
  if (!url) broken.push('redirect-uri-malformed');
  if (uri.includes('*')) broken.push('redirect-uri-wildcard');
  if (url) {
    const isWeb = url.protocol === 'http:' || url.protocol === 'https:';
    const loopback = isWeb && isLoopbackHost(url.hostname);
    if (url.protocol === 'http:' && !loopback) broken.push('redirect-uri-plain-http');
    // url.hash is "" for a bare trailing "#", hence the raw test.
    if (uri.includes('#')) broken.push('redirect-uri-fragment');
    if (loopback && !context.clientIsPublic) broken.push('redirect-uri-loopback-in-confidential-client');
    if (isWeb && !loopback && isIpLiteralHost(url.hostname)) broken.push('redirect-uri-ip-literal');
    if (!isWeb && !reverseDomainScheme.test(url.protocol.slice(0, -1))) {
      broken.push('redirect-uri-custom-scheme-not-reverse-domain');
    }
  } else if (uri.includes('#')) {
    broken.push('redirect-uri-fragment');
  }
  return broken;
}

export function redirectUriFindings(
  client: Pick<Client, 'type' | 'redirectURIs'>,
  subject: FindingSubject,
): Finding[] {
  const uris = client.redirectURIs ?? [];
  const context: RedirectUriContext = { clientIsPublic: client.type === 'public' };
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const reportedDuplicates = new Set<string>();
  for (const uri of uris) {
    const url = parse(uri);
    // Scheme and host in lower case, default port dropped: the forms a person would call "the same URI".
    const key = url?.href ?? uri;
    if (seen.has(key)) {
      if (!reportedDuplicates.has(key)) {
        reportedDuplicates.add(key);
        findings.push(createFinding(redirectUriRules['redirect-uri-duplicate'], subject, { detail: uri }));
      }
      continue;
    }
    seen.add(key);
    for (const ruleId of checkParsedRedirectUri(uri, url, context)) {
      findings.push(createFinding(redirectUriRules[ruleId], subject, { detail: uri }));
    }
  }
  return findings;
}
