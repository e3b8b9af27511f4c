// Which redirect URIs each target accepts, from its own documentation (docs/migration.md cites each rule). A URI
// the target refuses is left out of its files and becomes a reason to change the client first.
import type { MigrationTarget } from './migration-target.ts';

export type RedirectUriVerdict = { accepted: true; note?: string } | { accepted: false; reason: string };

interface ParsedRedirect {
  scheme: string;
  host: string;
  path: string;
  hasFragment: boolean;
}

const dangerousSchemes = new Set(['javascript', 'data', 'vbscript', 'file', 'blob']);

/** Parsed without `URL`: a wildcard host (`https://*.example.com`) is not a valid URL, yet it is what we judge. */
function parseRedirect(uri: string): ParsedRedirect | null {
  const match = /^([a-z][a-z0-9+.-]*):(\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(uri.trim());
  if (!match) return null;
  const authority = match[3] ?? '';
  const host = authority
    .replace(/^[^@]*@/, '')
    .replace(/:\d*$/, '')
    .toLowerCase();
  if (/[\s[\]]/.test(host.replace(/^\[[0-9a-f:.]+\]$/i, ''))) return null;
  return {
    scheme: (match[1] ?? '').toLowerCase(),
    host,
    path: match[4] ?? '',
    hasFragment: match[6] !== undefined,
  };
}

/** Refusals every target shares: unparsable, script/data schemes, fragments (RFC 6749 §3.1.2). */
function commonRefusal(parsed: ParsedRedirect | null): string | null {
  if (parsed === null) return 'it is not a well-formed URI';
  if (dangerousSchemes.has(parsed.scheme))
    return `the ${parsed.scheme}: scheme runs or embeds content and is never a redirect URI`;
  if (parsed.hasFragment) return 'a redirect URI must not contain a fragment (#…)';
  if ((parsed.scheme === 'http' || parsed.scheme === 'https') && parsed.host === '') return 'it has no host';
  return null;
}

function pingOne(parsed: ParsedRedirect): RedirectUriVerdict {
  if (parsed.scheme === 'http' && parsed.host !== 'localhost' && parsed.host !== '127.0.0.1')
    return { accepted: false, reason: 'PingOne accepts http only for localhost and 127.0.0.1' };
  if (parsed.host.includes('*') || parsed.path.includes('*'))
    return {
      accepted: true,
      note: 'PingOne accepts wildcards only with allow_wildcard_in_redirect_uris, which these files turn on for this application',
    };
  return { accepted: true };
}

function keycloak(parsed: ParsedRedirect): RedirectUriVerdict {
  if (parsed.host.includes('*'))
    return {
      accepted: false,
      reason: 'Keycloak matches a wildcard only at the end of the path, never in the host',
    };
  const star = parsed.path.indexOf('*');
  if (star !== -1 && star !== parsed.path.length - 1)
    return { accepted: false, reason: 'Keycloak matches a wildcard only at the end of the path' };
  return { accepted: true };
}

function auth0(parsed: ParsedRedirect): RedirectUriVerdict {
  if (parsed.path.includes('*'))
    return { accepted: false, reason: 'Auth0 accepts a wildcard only as the left-most label of a subdomain' };
  if (parsed.host.includes('*')) {
    const labels = parsed.host.split('.');
    const leftMostOnly = labels[0] === '*' && labels.slice(1).every((label) => !label.includes('*'));
    if (!leftMostOnly || labels.length < 3 || parsed.scheme !== 'https')
      return {
        accepted: false,
        reason: 'Auth0 accepts a wildcard only as the left-most label of an https subdomain (*.example.com)',
      };
  }
  return { accepted: true };
}

export function redirectUriSupport(target: MigrationTarget, uri: string): RedirectUriVerdict {
  const parsed = parseRedirect(uri);
  const refusal = commonRefusal(parsed);
  if (refusal !== null || parsed === null) return { accepted: false, reason: refusal ?? 'malformed' };
  switch (target) {
    case 'pingone':
      return pingOne(parsed);
    case 'keycloak':
      return keycloak(parsed);
    case 'auth0':
      return auth0(parsed);
    case 'neutral':
      return { accepted: true };
  }
}
