// The rules, described once: the list of rule ids, the rule table in docs/findings.md, the Findings page and every
// finding read from here. A new rule is an entry here, its check in a rule group, and that group's test.
import type { Finding, FindingSubject, Severity } from './finding.ts';

export type RuleSubjectKind = FindingSubject['kind'];

interface RuleDescription<Id extends string> {
  id: Id;
  severity: Severity;
  subjectKind: RuleSubjectKind;
  /** One line, generic ("Redirect URI uses plain http"). */
  title: string;
  /** Why it matters. */
  explanation: string;
  recommendation: string;
  /** Standard or document the rule rests on, when there is one. */
  reference?: string;
}

// Keyed by id, worst first: the keys' order is the order of every list of rules.
const descriptions = {
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
  'client-dangling-policy': {
    id: 'client-dangling-policy',
    severity: 'high',
    subjectKind: 'client',
    title: 'Confidential client refers to a policy missing from the tenant',
    explanation:
      'The client names a login or token policy that does not exist (any more): sign-in or token issuance for this client fails, or changes behaviour if a policy with that id is created later. Checked only when the policy lists were readable.',
    recommendation: 'Assign an existing policy to the client, or delete the client if it is no longer used.',
  },
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
  'client-public-without-redirect-uri': {
    id: 'client-public-without-redirect-uri',
    severity: 'medium',
    subjectKind: 'client',
    title: 'Public client has no redirect URI',
    explanation:
      'A public client (SPA or native app) cannot complete a sign-in without a registered redirect URI: it is either unused or misconfigured, and an unused client is one more thing to attack.',
    recommendation: 'Register the app’s redirect URIs, or delete the client if it is unused.',
  },
  'token-policy-long-refresh-lifetime': {
    id: 'token-policy-long-refresh-lifetime',
    severity: 'medium',
    subjectKind: 'tokenPolicy',
    title: 'Token policy lets refresh tokens live longer than 90 days',
    explanation:
      'A stolen refresh token stays usable for the whole lifetime. Identity Cloud’s default is 90 days (7,776,000 s); longer lifetimes widen the window of abuse.',
    recommendation: 'Lower refreshTokenLifetime to 90 days or less, unless a documented need requires more.',
    reference: 'RFC 9700 §4.14',
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
  'login-policy-unused': {
    id: 'login-policy-unused',
    severity: 'low',
    subjectKind: 'loginPolicy',
    title: 'Login policy is used by no client',
    explanation:
      'No client refers to this login policy. It still holds a connection to the identity store, with its secret. Checked only when every client’s details were read.',
    recommendation: 'Delete it if it is not being prepared for a new app.',
  },
  'token-policy-unused': {
    id: 'token-policy-unused',
    severity: 'low',
    subjectKind: 'tokenPolicy',
    title: 'Token policy is used by no client',
    explanation:
      'No client refers to this token policy: clutter that makes reviews harder, and a ready-made lifetime and scope set for whoever attaches it next. Checked only when every client’s details were read.',
    recommendation: 'Delete it if it is not being prepared for a new app.',
  },
  'client-configuration': {
    id: 'client-configuration',
    severity: 'info',
    subjectKind: 'client',
    title: 'Configuration client',
    explanation:
      'A configuration client can obtain tokens for the configuration API, and so read and change the whole tenant: the most privileged kind of client.',
    recommendation: 'Keep as few as possible, rotate their secrets, and know who holds each one.',
  },
} as const satisfies Record<string, RuleDescription<string>>;

export type RuleId = keyof typeof descriptions;
export type RuleDefinition = RuleDescription<RuleId>;

export const ruleCatalogue: Readonly<Record<RuleId, RuleDefinition>> = descriptions;

/** Every rule id, worst first. */
export const ruleIds = Object.keys(descriptions) as readonly RuleId[];

/** The catalogue as a list, worst first. */
export const ruleDefinitions: readonly RuleDefinition[] = ruleIds.map((id) => ruleCatalogue[id]);

/** A finding of a rule, with the catalogue's texts unless the caller gives a more specific explanation. */
export function createFinding(
  ruleId: RuleId,
  subject: FindingSubject,
  options: { detail?: string | undefined; explanation?: string | undefined } = {},
): Finding {
  const rule = ruleCatalogue[ruleId];
  const finding: Finding = {
    ruleId,
    severity: rule.severity,
    title: rule.title,
    explanation: options.explanation ?? rule.explanation,
    recommendation: rule.recommendation,
    subject,
  };
  if (options.detail !== undefined) finding.detail = options.detail;
  return finding;
}
