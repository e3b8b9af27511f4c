// What a rule says about itself. Each rule group declares its rules' descriptions beside their checks, and makes
// its findings from them; rule-catalogue.ts only gathers the groups.
import type { Finding, FindingSubject, Severity } from './finding.ts';
import type { RuleDefinition } from './rule-catalogue.ts';

export type RuleSubjectKind = FindingSubject['kind'];

export interface RuleDescription<Id extends string = string> {
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

/** A group's rules keyed by id, worst first within the group (the catalogue keeps that order per severity). */
export type RuleGroup = Record<string, RuleDescription>;

/** A finding of a rule, with the rule's texts unless the caller gives a more specific explanation. */
export function createFinding(
  rule: RuleDefinition,
  subject: FindingSubject,
  options: { detail?: string | undefined; explanation?: string | undefined } = {},
): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.title,
    explanation: options.explanation ?? rule.explanation,
    recommendation: rule.recommendation,
    subject,
  };
  if (options.detail !== undefined) finding.detail = options.detail;
  return finding;
}
