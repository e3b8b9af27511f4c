// What a finding is: one rule that matched one subject (a client, a login policy or a token policy).
import type { RuleId } from './rule-catalogue.ts';
import type { PolicyKind } from '../config-resources.ts';

export const severities = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof severities)[number];

export const severityLabels: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

// Rule ids come from the catalogue, which gathers them from the rule groups; re-exported here because every
// finding carries one. (The list of ids is rule-catalogue.ts's: it reads the severities from here.)
export type { RuleId };

export type FindingSubjectKind = 'client' | PolicyKind;

export interface FindingSubject {
  kind: FindingSubjectKind;
  id: string;
  /** The client's name or the policy's title; the id when the resource has none. */
  name: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** One line. */
  title: string;
  explanation: string;
  recommendation: string;
  subject: FindingSubject;
  /** What exactly matched, e.g. the offending redirect URI. */
  detail?: string;
}

const severityRanks: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Sort comparator: worst first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRanks[a] - severityRanks[b];
}

export function isWorseThan(a: Severity, b: Severity): boolean {
  return severityRanks[a] < severityRanks[b];
}

/** The worst severity among the findings, or null when there are none. */
export function worstSeverity(findings: readonly Pick<Finding, 'severity'>[]): Severity | null {
  let worst: Severity | null = null;
  for (const finding of findings) {
    if (worst === null || isWorseThan(finding.severity, worst)) worst = finding.severity;
  }
  return worst;
}

/** Stable identity of a finding, for React keys and de-duplication. */
export function findingKey(finding: Pick<Finding, 'ruleId' | 'subject' | 'detail'>): string {
  return `${finding.ruleId}|${finding.subject.kind}|${finding.subject.id}|${finding.detail ?? ''}`;
}

export function emptySeverityCounts(): Record<Severity, number> {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}
