// Accepted risks: a finding someone reviewed, with a reason, an owner and an end date, from the policy file or
// the dashboard's store. An acceptance lapses when it expires, or when the matched value changes (a different
// redirect URI is a different finding); it never hides a finding it does not match exactly.
import type { Finding, RuleId } from '../findings/finding.ts';
import type { PolicyAcceptance } from './audit-policy.ts';

export type AcceptanceSource = 'policy-file' | 'store';

export interface Acceptance {
  /** The store's id; policy-file acceptances get `file:<index>`. */
  id: string;
  source: AcceptanceSource;
  rule: RuleId;
  /** The subject's id or exact name (client, or policy for policy rules). */
  client: string;
  /** Only this matched value (the finding's detail); absent: any finding of the rule on that subject. */
  value?: string | undefined;
  reason: string;
  owner: string;
  /** Last day the acceptance holds, `YYYY-MM-DD` (UTC). */
  expires: string;
  /** Who recorded it and when (store acceptances). */
  acceptedBy?: string | undefined;
  acceptedAt?: string | undefined;
}

export interface AcceptedFinding {
  finding: Finding;
  acceptance: Acceptance;
}

export function acceptancesFromPolicy(accepted: readonly PolicyAcceptance[] | undefined): Acceptance[] {
  return (accepted ?? []).map((entry, index) => ({
    id: `file:${index}`,
    source: 'policy-file',
    rule: entry.rule,
    client: entry.client,
    value: entry.value,
    reason: entry.reason,
    owner: entry.owner,
    expires: entry.expires,
  }));
}

/** The acceptance holds through its expiry day (UTC), and lapses the day after. */
export function isExpired(acceptance: Pick<Acceptance, 'expires'>, now: Date): boolean {
  return now.getTime() >= Date.parse(`${acceptance.expires}T00:00:00Z`) + 86_400_000;
}

export function acceptanceMatches(acceptance: Acceptance, finding: Finding): boolean {
  if (acceptance.rule !== finding.ruleId) return false;
  if (acceptance.client !== finding.subject.id && acceptance.client !== finding.subject.name) return false;
  return acceptance.value === undefined || acceptance.value === finding.detail;
}

/** Acceptances that apply at `now`, indexed for a linear pass over findings (rule, then subject). */
export interface AcceptanceIndex {
  find(finding: Finding): Acceptance | null;
}

export function indexAcceptances(acceptances: readonly Acceptance[], now: Date): AcceptanceIndex {
  const byRule = new Map<RuleId, Acceptance[]>();
  for (const acceptance of acceptances) {
    if (isExpired(acceptance, now)) continue;
    const list = byRule.get(acceptance.rule) ?? [];
    list.push(acceptance);
    byRule.set(acceptance.rule, list);
  }
  return {
    find(finding) {
      const candidates = byRule.get(finding.ruleId);
      if (candidates === undefined) return null;
      // The file's word comes first: it cannot be revoked from the dashboard, so it is the one to show.
      let match: Acceptance | null = null;
      for (const acceptance of candidates) {
        if (!acceptanceMatches(acceptance, finding)) continue;
        if (acceptance.source === 'policy-file') return acceptance;
        match ??= acceptance;
      }
      return match;
    },
  };
}
