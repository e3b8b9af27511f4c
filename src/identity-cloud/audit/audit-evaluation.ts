// What the audit policy and the accepted risks do to the findings of an inventory: extra rules, severities
// overridden, rules turned off, accepted findings set apart. `evaluateInventory` calls these in its single pass.
import type { Finding } from '../findings/finding.ts';
import type { AuditPolicy } from './audit-policy.ts';
import type { Acceptance, AcceptedFinding } from './acceptance.ts';
import { acceptancesFromPolicy, indexAcceptances } from './acceptance.ts';

export interface AuditSettings {
  policy: AuditPolicy;
  /** Acceptances from the store; the policy file's own are added from `policy.acceptedFindings`. */
  acceptances?: readonly Acceptance[];
  /** When acceptances are judged (expiry). */
  now: Date;
}

export interface FindingTriage {
  /** The open findings among these, with the policy's severities; accepted ones go to `accepted`. */
  triage: (findings: readonly Finding[]) => Finding[];
  accepted: AcceptedFinding[];
}

export function createTriage(settings: AuditSettings | undefined): FindingTriage {
  const accepted: AcceptedFinding[] = [];
  if (settings === undefined) return { triage: (findings) => [...findings], accepted };
  const { policy } = settings;
  const disabled = new Set(policy.disabledRules ?? []);
  const overrides = policy.severity ?? {};
  const index = indexAcceptances(
    [...acceptancesFromPolicy(policy.acceptedFindings), ...(settings.acceptances ?? [])],
    settings.now,
  );
  return {
    accepted,
    triage: (findings) => {
      const open: Finding[] = [];
      for (const original of findings) {
        if (disabled.has(original.ruleId)) continue;
        const severity = overrides[original.ruleId];
        const finding = severity === undefined ? original : { ...original, severity };
        const acceptance = index.find(finding);
        if (acceptance === null) open.push(finding);
        else accepted.push({ finding, acceptance });
      }
      return open;
    },
  };
}
