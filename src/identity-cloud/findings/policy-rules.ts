// Rules on login and token policies.
import type { LoginPolicy, TokenPolicy } from '../schemas.ts';
import type { PolicyKind } from '../config-resources.ts';
import type { Finding, FindingSubject } from './finding.ts';
import type { RuleGroup } from './rule-description.ts';
import { createFinding } from './rule-description.ts';

/** This group's rules, worst first: what the catalogue, the docs and every finding of them say. */
export const policyRules = {
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
} as const satisfies RuleGroup;

/** Identity Cloud's default refresh token lifetime, and the threshold of the rule: 90 days in seconds. */
export const maxRecommendedRefreshTokenLifetime = 90 * 24 * 60 * 60;

export interface PolicyRuleContext {
  /** Clients referring to the policy, or null when not every client's details were read (cannot tell). */
  usedBy: number | null;
}

function days(seconds: number): string {
  const value = seconds / 86_400;
  return `${Number.isInteger(value) ? String(value) : value.toFixed(1)} days`;
}

export function policySubject(
  kind: PolicyKind,
  policy: Pick<LoginPolicy | TokenPolicy, 'id' | 'title'>,
): FindingSubject {
  return { kind, id: policy.id, name: policy.title?.trim() ? policy.title : policy.id };
}

export function tokenPolicyFindings(policy: TokenPolicy, context: PolicyRuleContext): Finding[] {
  const subject = policySubject('tokenPolicy', policy);
  const findings: Finding[] = [];
  const lifetime = policy.refreshTokenLifetime;
  if (typeof lifetime === 'number' && lifetime > maxRecommendedRefreshTokenLifetime) {
    findings.push(
      createFinding(policyRules['token-policy-long-refresh-lifetime'], subject, {
        detail: `refreshTokenLifetime ${lifetime} s (${days(lifetime)})`,
      }),
    );
  }
  if (context.usedBy === 0) findings.push(createFinding(policyRules['token-policy-unused'], subject));
  return findings;
}

export function loginPolicyFindings(policy: LoginPolicy, context: PolicyRuleContext): Finding[] {
  if (context.usedBy !== 0) return [];
  return [createFinding(policyRules['login-policy-unused'], policySubject('loginPolicy', policy))];
}
