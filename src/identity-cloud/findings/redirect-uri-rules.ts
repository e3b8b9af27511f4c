// Rules on one client's redirect URIs. Each URI is read once with the WHATWG URL parser (the global URL class),
// plus checks on the raw string, because the parser silently repairs what an authorization server compares
// byte for byte.
import type { Client } from '../schemas.ts';
import type { Finding, FindingSubject, RuleId } from './finding.ts';
import { createFinding } from './rule-catalogue.ts';

export type RedirectUriRuleId = Extract<RuleId, `redirect-uri-${string}`>;

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
        findings.push(createFinding('redirect-uri-duplicate', subject, { detail: uri }));
      }
      continue;
    }
    seen.add(key);
    for (const ruleId of checkParsedRedirectUri(uri, url, context)) {
      findings.push(createFinding(ruleId, subject, { detail: uri }));
    }
  }
  return findings;
}
