// The rules the audit policy enables: redirect hosts and custom schemes outside the organisation's allow lists,
// token lifetimes above its maxima, more configuration clients than it allows. Without the policy key, no finding.
import { isLoopbackHost } from '../findings/redirect-uri-rules.ts';
import type { Finding, FindingSubject } from '../findings/finding.ts';
import type { RuleGroup } from '../findings/rule-description.ts';
import { createFinding } from '../findings/rule-description.ts';
import type { Client, TokenPolicy } from '../schemas.ts';
import type { AuditPolicy } from './audit-policy.ts';

/** This group's rules, worst first: what the catalogue, the docs and every finding of them say. */
export const auditRules = {
  'redirect-uri-host-not-allowed': {
    id: 'redirect-uri-host-not-allowed',
    severity: 'high',
    subjectKind: 'client',
    title: 'Redirect URI host is not in the organisation’s allow list',
    explanation:
      'The audit policy (idc-audit.yaml, allowedRedirectHosts) lists the hosts the organisation runs its apps on; this redirect sends authorization responses, codes included, to a host outside that list: a partner, a forgotten test domain or an attacker’s. Loopback hosts are judged by their own rules.',
    recommendation:
      'Remove the URI, or, if the host is the organisation’s, add it (or a *.domain pattern) to allowedRedirectHosts.',
    reference: 'RFC 9700 §4.1',
  },
  'redirect-uri-custom-scheme-not-allowed': {
    id: 'redirect-uri-custom-scheme-not-allowed',
    severity: 'high',
    subjectKind: 'client',
    title: 'Custom URI scheme is not in the organisation’s allow list',
    explanation:
      'The audit policy (idc-audit.yaml, allowedCustomSchemes) lists the native apps’ URI schemes; a scheme outside it belongs to an app nobody declared, and any app on the device that claims it receives the authorization codes.',
    recommendation:
      'Remove the URI, or, if the native app is the organisation’s, add its scheme to allowedCustomSchemes.',
    reference: 'RFC 8252 §7.1, §8.4',
  },
  'token-policy-lifetime-above-maximum': {
    id: 'token-policy-lifetime-above-maximum',
    severity: 'medium',
    subjectKind: 'tokenPolicy',
    title: 'Token policy exceeds the organisation’s maximum token lifetime',
    explanation:
      'The audit policy (idc-audit.yaml, maxAccessTokenLifetime or maxRefreshTokenLifetime) sets how long the organisation lets a token live; this policy issues tokens that live longer, so a stolen token stays usable beyond what was agreed.',
    recommendation:
      'Lower the policy’s lifetime to the maximum, or record why this policy needs more as an accepted finding.',
    reference: 'RFC 9700 §2.2.2, §4.14',
  },
  'client-configuration-count-above-maximum': {
    id: 'client-configuration-count-above-maximum',
    severity: 'medium',
    subjectKind: 'client',
    title: 'More configuration clients than the organisation allows',
    explanation:
      'The audit policy (idc-audit.yaml, maxConfigurationClients) caps how many clients may hold the right to read and change the whole tenant; this tenant has more, and each extra one is another secret that can take it over.',
    recommendation:
      'Delete the configuration clients nobody needs any more, or accept the ones that have an owner and a reason.',
  },
} as const satisfies RuleGroup;

/** Host names compare without case and without a trailing dot; `*.example.com` covers hosts below it only. */
export function isHostAllowed(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return allowed.some((pattern) => {
    const entry = pattern.toLowerCase().replace(/\.$/, '');
    if (entry.startsWith('*.')) return host.endsWith(entry.slice(1)) && host.length > entry.length - 1;
    return host === entry;
  });
}

function parsed(uri: string): URL | null {
  try {
    return new URL(uri);
  } catch {
    // Malformed URIs are their own finding.
    return null;
  }
}

const scriptSchemes = new Set(['javascript:', 'data:', 'vbscript:']);

export function redirectUriPolicyFindings(
  client: Pick<Client, 'redirectURIs'>,
  subject: FindingSubject,
  policy: AuditPolicy,
): Finding[] {
  const { allowedRedirectHosts: hosts, allowedCustomSchemes: schemes } = policy;
  if (hosts === undefined && schemes === undefined) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const uri of client.redirectURIs ?? []) {
    if (seen.has(uri)) continue;
    seen.add(uri);
    const url = parsed(uri);
    if (url === null || scriptSchemes.has(url.protocol)) continue;
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      if (hosts === undefined || isLoopbackHost(url.hostname)) continue;
      if (!isHostAllowed(url.hostname, hosts)) {
        findings.push(
          createFinding(auditRules['redirect-uri-host-not-allowed'], subject, {
            detail: uri,
            explanation: `The redirect sends authorization responses, codes included, to ${url.hostname}, which allowedRedirectHosts in the audit policy does not list: a partner, a forgotten test domain or an attacker’s.`,
          }),
        );
      }
    } else if (schemes !== undefined) {
      const scheme = url.protocol.slice(0, -1).toLowerCase();
      if (!schemes.some((allowed) => allowed.toLowerCase() === scheme)) {
        findings.push(
          createFinding(auditRules['redirect-uri-custom-scheme-not-allowed'], subject, {
            detail: uri,
            explanation: `The scheme "${scheme}:" is not listed in allowedCustomSchemes of the audit policy: it belongs to an app nobody declared, and any app on the device that claims it receives the authorization codes.`,
          }),
        );
      }
    }
  }
  return findings;
}

export function tokenLifetimePolicyFindings(
  tokenPolicy: TokenPolicy,
  subject: FindingSubject,
  policy: AuditPolicy,
): Finding[] {
  const checks = [
    ['accessTokenLifetime', tokenPolicy.accessTokenLifetime, policy.maxAccessTokenLifetime],
    ['refreshTokenLifetime', tokenPolicy.refreshTokenLifetime, policy.maxRefreshTokenLifetime],
  ] as const;
  const findings: Finding[] = [];
  for (const [field, lifetime, maximum] of checks) {
    if (typeof lifetime !== 'number' || maximum === undefined || lifetime <= maximum) continue;
    findings.push(
      createFinding(auditRules['token-policy-lifetime-above-maximum'], subject, {
        // The lifetime, not the maximum: a changed lifetime is a new finding, a changed maximum is not.
        detail: `${field} ${lifetime} s`,
        explanation: `The policy’s ${field} is ${lifetime} s; the audit policy allows at most ${maximum} s, so a stolen token stays usable beyond what the organisation agreed.`,
      }),
    );
  }
  return findings;
}

/** Reported on every configuration client, so each one can be accepted (or deleted) on its own. */
export function configurationCountPolicyFindings(
  subject: FindingSubject,
  configurationClientCount: number,
  policy: AuditPolicy,
): Finding[] {
  const maximum = policy.maxConfigurationClients;
  if (maximum === undefined || configurationClientCount <= maximum) return [];
  return [
    // No detail: the count is not what an acceptance of this client is about.
    createFinding(auditRules['client-configuration-count-above-maximum'], subject, {
      explanation: `The tenant has ${configurationClientCount} configuration clients; the audit policy allows ${maximum}. Each one can read and change the whole tenant: check that this one is still needed and has an owner.`,
    }),
  ];
}
