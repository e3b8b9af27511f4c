// Readiness of each client for one target: what it becomes there, a verdict and every reason for it. Pure: the
// page, the CLI and the file builders all read the same plan.
import type { ClientKind } from '../client-kind.ts';
import { classifyClient } from '../client-kind.ts';
import { clientDisplayName } from '../client-model.ts';
import type { InventoryFindings } from '../findings/evaluate-inventory.ts';
import type { Finding } from '../findings/finding.ts';
import type { Inventory } from '../inventory.ts';
import type { Client, LoginPolicy, TokenPolicy } from '../schemas.ts';
import { lifetimeLimits, lifetimeProblem } from './lifetime-limits.ts';
import type { MigrationTarget, TargetType } from './migration-target.ts';
import { migrationTargetLabels, targetTypeOf } from './migration-target.ts';
import { missingItems } from './missing-items.ts';
import type { MissingItem } from './missing-items.ts';
import { redirectUriSupport } from './redirect-uri-support.ts';

export const verdicts = ['ready', 'change', 'reimagine'] as const;
export type Verdict = (typeof verdicts)[number];

export const verdictLabels: Record<Verdict, string> = {
  ready: 'Ready',
  change: 'Change required',
  reimagine: 'Reimagine',
};

/** `info` reasons are things to know that do not stop the client from moving as it is. */
export type ReasonLevel = 'info' | Exclude<Verdict, 'ready'>;

export const reasonCodes = [
  'configuration-client',
  'no-redirect-uri',
  'redirect-uri-refused',
  'redirect-uri-note',
  'lifetime-out-of-range',
  'custom-claims',
  'hosted-login-v1',
  'hosted-login-v2',
  'custom-login-page',
  'finding-to-fix',
  'finding-to-know',
  'secret-redeploy',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export interface ReadinessReason {
  code: ReasonCode;
  level: ReasonLevel;
  message: string;
}

export interface ClientReadiness {
  clientId: string;
  name: string;
  kind: ClientKind;
  targetType: TargetType;
  verdict: Verdict;
  reasons: ReadinessReason[];
  /** Redirect URIs the target accepts, in the client's order (duplicates dropped): what its files hold. */
  acceptedRedirectUris: string[];
}

export interface MigrationPlan {
  target: MigrationTarget;
  clients: ClientReadiness[];
  countsByVerdict: Record<Verdict, number>;
  /** Items the inventory could not read: while any remain, no file is produced. */
  missing: MissingItem[];
  /** Clients listed, then deleted before their details were read (404): gone, not missing. */
  gone: { id: string; name: string }[];
}

const levelRank: Record<ReasonLevel, number> = { info: 0, change: 1, reimagine: 2 };

export function verdictOf(reasons: readonly ReadinessReason[]): Verdict {
  let worst = 0;
  for (const reason of reasons) worst = Math.max(worst, levelRank[reason.level]);
  return worst === 2 ? 'reimagine' : worst === 1 ? 'change' : 'ready';
}

const blockingSeverities = new Set(['critical', 'high', 'medium']);

function findingReasons(findings: readonly Finding[]): ReadinessReason[] {
  return findings
    .filter((finding) => finding.ruleId !== 'client-configuration')
    .map((finding) => {
      const detail = finding.detail ? ` (${finding.detail})` : '';
      return blockingSeverities.has(finding.severity)
        ? {
            code: 'finding-to-fix',
            level: 'change',
            message: `Fix before migrating, rather than carry it over: ${finding.title}${detail}.`,
          }
        : {
            code: 'finding-to-know',
            level: 'info',
            message: `Finding to review on the way: ${finding.title}${detail}.`,
          };
    });
}

function claimNames(policy: LoginPolicy): string[] {
  const names: string[] = [];
  for (const [where, claims] of Object.entries(policy.customClaims ?? {})) {
    if (claims !== null && typeof claims === 'object') {
      for (const claim of Object.keys(claims)) names.push(`${claim} (${where})`);
    } else if (claims !== null && claims !== undefined) {
      // Present but not a claim map (e.g. withheld on the way here): still claims to recreate.
      names.push(`the ${where} claims`);
    }
  }
  return names;
}

const claimMappingNames: Record<MigrationTarget, string> = {
  pingone: 'PingOne attribute mappings on the application or resource',
  keycloak: 'Keycloak protocol mappers (user attribute mappers)',
  auth0: 'an Auth0 Action on the post-login trigger that sets custom claims',
  neutral: "the target's claim mappings",
};

const hostedLoginTarget: Record<MigrationTarget, string> = {
  pingone: "PingOne's hosted sign-on pages",
  keycloak: "Keycloak's login theme",
  auth0: "Auth0's Universal Login",
  neutral: "the target's hosted login",
};

function loginReasons(target: MigrationTarget, policy: LoginPolicy | undefined): ReadinessReason[] {
  if (!policy) return [];
  const reasons: ReadinessReason[] = [];
  const claims = claimNames(policy);
  if (claims.length > 0) {
    reasons.push({
      code: 'custom-claims',
      level: 'change',
      message: `Login policy "${policy.title ?? policy.id}" adds custom claims ${claims.join(', ')}: recreate them as ${claimMappingNames[target]}.`,
    });
  }
  const url = typeof policy.loginURL === 'string' ? policy.loginURL.trim() : '';
  if (url === '') return reasons;
  const path = url.replace(/[?#].*$/, '').replace(/\/+$/, '');
  if (/\/auth-ui\/v2\/login$/i.test(path)) {
    reasons.push({
      code: 'hosted-login-v2',
      level: 'info',
      message: `Hosted Login v2 (${url}) is replaced by ${hostedLoginTarget[target]}: set its branding there.`,
    });
  } else if (/\/auth-ui\/login$/i.test(path)) {
    reasons.push({
      code: 'hosted-login-v1',
      level: 'change',
      message: `Hosted Login v1 (${url}): its screens and flow have no equivalent; rebuild the sign-in experience in ${hostedLoginTarget[target]} and update links the app makes to v1 pages.`,
    });
  } else {
    reasons.push({
      code: 'custom-login-page',
      level: 'change',
      message: `Signs in on the app's own page ${url}, which talks to Identity Cloud: move it to ${hostedLoginTarget[target]} or rebuild it against the target.`,
    });
  }
  return reasons;
}

function lifetimeReasons(target: MigrationTarget, policy: TokenPolicy | undefined): ReadinessReason[] {
  if (!policy) return [];
  const limits = lifetimeLimits[target];
  const problems = [
    lifetimeProblem(limits.accessToken, policy.accessTokenLifetime, 'Access token'),
    lifetimeProblem(limits.refreshToken, policy.refreshTokenLifetime, 'Refresh token'),
  ];
  return problems
    .filter((problem) => problem !== null)
    .map((problem) => ({
      code: 'lifetime-out-of-range',
      level: 'change',
      message: `${problem}: choose a lifetime ${migrationTargetLabels[target]} accepts.`,
    }));
}

const adminClientText: Record<MigrationTarget, string> = {
  pingone:
    'Configuration client: becomes a PingOne worker application; grant it only the admin roles its job needs (by hand).',
  keycloak:
    'Configuration client: becomes a service-account client; give its service account only the realm-management roles its job needs (by hand).',
  auth0:
    'Configuration client: becomes a Machine to Machine application; grant it only the Management API scopes its job needs (a client grant, by hand).',
  neutral:
    "Configuration client: recreate by hand as the target's administrative client; Identity Cloud's configuration API and its scopes have no equivalent.",
};

function redirectReasons(
  target: MigrationTarget,
  uris: readonly string[],
): { reasons: ReadinessReason[]; accepted: string[] } {
  const reasons: ReadinessReason[] = [];
  const accepted: string[] = [];
  for (const uri of new Set(uris)) {
    const support = redirectUriSupport(target, uri);
    if (support.accepted) {
      accepted.push(uri);
      if (support.note)
        reasons.push({ code: 'redirect-uri-note', level: 'info', message: `${uri}: ${support.note}.` });
    } else {
      reasons.push({
        code: 'redirect-uri-refused',
        level: 'change',
        message: `Redirect URI ${uri} is left out: ${support.reason}.`,
      });
    }
  }
  return { reasons, accepted };
}

export function clientReadiness(
  target: MigrationTarget,
  client: Client,
  inventory: Inventory,
  findings: readonly Finding[],
): ClientReadiness {
  const kind = classifyClient(client);
  const uris = client.redirectURIs ?? [];
  const targetType = targetTypeOf(kind, uris);
  const reasons: ReadinessReason[] = [];
  let accepted: string[] = [];
  if (kind === 'configuration') {
    reasons.push({ code: 'configuration-client', level: 'reimagine', message: adminClientText[target] });
  } else {
    if (uris.length === 0) {
      reasons.push({
        code: 'no-redirect-uri',
        level: 'reimagine',
        message:
          'No redirect URI: no sign-in can complete today. Decide what the app needs (a device flow, a new redirect, or retiring it) before recreating it.',
      });
    }
    const redirects = redirectReasons(target, uris);
    reasons.push(...redirects.reasons);
    accepted = redirects.accepted;
    const loginPolicy = client.loginPolicy ? inventory.loginPoliciesById.get(client.loginPolicy) : undefined;
    reasons.push(...loginReasons(target, loginPolicy));
  }
  const tokenPolicy = client.tokenPolicy ? inventory.tokenPoliciesById.get(client.tokenPolicy) : undefined;
  reasons.push(...lifetimeReasons(target, tokenPolicy));
  reasons.push(...findingReasons(findings));
  if (kind !== 'public') {
    reasons.push({
      code: 'secret-redeploy',
      level: 'change',
      message: `Its secret does not migrate: ${migrationTargetLabels[target] === migrationTargetLabels.neutral ? 'the target' : migrationTargetLabels[target]} issues a new one, which must be deployed to the app.`,
    });
  }
  return {
    clientId: client.id,
    name: clientDisplayName(client),
    kind,
    targetType,
    verdict: verdictOf(reasons),
    reasons,
    acceptedRedirectUris: accepted,
  };
}

function policyFindings(findings: InventoryFindings, client: Client): Finding[] {
  const fromToken = client.tokenPolicy ? (findings.byTokenPolicyId.get(client.tokenPolicy) ?? []) : [];
  const fromLogin = client.loginPolicy ? (findings.byLoginPolicyId.get(client.loginPolicy) ?? []) : [];
  // Unused-policy findings concern the policy, never a client that uses it.
  return [...fromLogin, ...fromToken].filter(
    (finding) => finding.ruleId !== 'login-policy-unused' && finding.ruleId !== 'token-policy-unused',
  );
}

/** Readiness of every client whose details are known, in list order, then what is missing or gone. */
export function migrationPlan(
  target: MigrationTarget,
  inventory: Inventory,
  findings: InventoryFindings,
): MigrationPlan {
  const { missing, gone } = missingItems(inventory);
  const listed = new Set(inventory.summaries.map((summary) => summary.id));
  const ids = [...listed, ...[...inventory.clientsById.keys()].filter((id) => !listed.has(id))];
  const clients: ClientReadiness[] = [];
  const countsByVerdict: Record<Verdict, number> = { ready: 0, change: 0, reimagine: 0 };
  for (const id of ids) {
    const client = inventory.clientsById.get(id);
    if (!client) continue;
    const clientFindings = [...(findings.byClientId.get(id) ?? []), ...policyFindings(findings, client)];
    const readiness = clientReadiness(target, client, inventory, clientFindings);
    countsByVerdict[readiness.verdict] += 1;
    clients.push(readiness);
  }
  return { target, clients, countsByVerdict, missing, gone };
}
