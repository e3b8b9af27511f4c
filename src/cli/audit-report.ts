// The audit's result as every output format sees it: each finding once, open or accepted, with a fingerprint
// that stays the same from run to run while the finding does (rule, subject, matched value).
import { createHash } from 'node:crypto';
import type { Acceptance } from '../identity-cloud/audit/acceptance.ts';
import type { InventoryFindings } from '../identity-cloud/findings/evaluate-inventory.ts';
import { clientSubject } from '../identity-cloud/findings/evaluate-inventory.ts';
import type { Finding, FindingSubject, Severity } from '../identity-cloud/findings/finding.ts';
import type { Inventory } from '../identity-cloud/inventory.ts';
import { policySubject } from '../identity-cloud/findings/policy-rules.ts';
import {
  compareSeverity,
  emptySeverityCounts,
  findingKey,
  severities,
} from '../identity-cloud/findings/finding.ts';
import type { FailOn } from './audit-options.ts';

export interface AuditEntry {
  finding: Finding;
  state: 'open' | 'accepted';
  acceptance: Acceptance | null;
  fingerprint: string;
}

export interface AuditReport {
  tenant: { identityDomain: string; customerId: string };
  generatedAt: string;
  /** The policy file read, or null when none applies. */
  policyFile: string | null;
  entries: AuditEntry[];
  /** Every client and policy read, in inventory order: JUnit has a test case per subject and rule. */
  subjects: FindingSubject[];
  openBySeverity: Record<Severity, number>;
  acceptedCount: number;
  /** Rules that could not be checked everywhere, and why. */
  limitations: { ruleIds: string[]; reason: string }[];
}

function subjectsOf(inventory: Inventory): FindingSubject[] {
  const subjects: FindingSubject[] = [];
  for (const summary of inventory.summaries) {
    const client = inventory.clientsById.get(summary.id);
    if (client !== undefined) subjects.push(clientSubject(client));
  }
  for (const policy of inventory.loginPoliciesById.values())
    subjects.push(policySubject('loginPolicy', policy));
  for (const policy of inventory.tokenPoliciesById.values())
    subjects.push(policySubject('tokenPolicy', policy));
  return subjects;
}

export function fingerprintOf(finding: Finding): string {
  return createHash('sha256').update(findingKey(finding)).digest('hex').slice(0, 32);
}

export function buildAuditReport(
  findings: InventoryFindings,
  context: {
    identityDomain: string;
    customerId: string;
    generatedAt: Date;
    policyFile: string | null;
    inventory: Inventory;
  },
): AuditReport {
  const open = findings.all.map((finding): AuditEntry => ({
    finding,
    state: 'open',
    acceptance: null,
    fingerprint: fingerprintOf(finding),
  }));
  const accepted = findings.accepted.map(({ finding, acceptance }): AuditEntry => ({
    finding,
    state: 'accepted',
    acceptance,
    fingerprint: fingerprintOf(finding),
  }));
  return {
    tenant: { identityDomain: context.identityDomain, customerId: context.customerId },
    generatedAt: context.generatedAt.toISOString(),
    policyFile: context.policyFile,
    subjects: subjectsOf(context.inventory),
    entries: [...open, ...accepted].sort((a, b) => compareSeverity(a.finding.severity, b.finding.severity)),
    openBySeverity: { ...emptySeverityCounts(), ...findings.countsBySeverity },
    acceptedCount: accepted.length,
    limitations: findings.limitations.map((limitation) => ({ ...limitation })),
  };
}

/** Whether an open finding is at or above the threshold. */
export function failsAt(report: AuditReport, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = severities.indexOf(failOn);
  return severities.some((severity, index) => index <= threshold && report.openBySeverity[severity] > 0);
}
