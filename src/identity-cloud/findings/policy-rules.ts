// Rules on login and token policies.
import type { LoginPolicy, TokenPolicy } from '../schemas.ts';
import type { PolicyKind } from '../config-resources.ts';
import type { Finding, FindingSubject } from './finding.ts';
import { createFinding } from './rule-catalogue.ts';

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
      createFinding('token-policy-long-refresh-lifetime', subject, {
        detail: `refreshTokenLifetime ${lifetime} s (${days(lifetime)})`,
      }),
    );
  }
  if (context.usedBy === 0) findings.push(createFinding('token-policy-unused', subject));
  return findings;
}

export function loginPolicyFindings(policy: LoginPolicy, context: PolicyRuleContext): Finding[] {
  if (context.usedBy !== 0) return [];
  return [createFinding('login-policy-unused', policySubject('loginPolicy', policy))];
}
