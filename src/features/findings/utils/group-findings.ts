import type { Finding, RuleId, Severity } from '../../../identity-cloud/findings/finding.ts';
import { severities } from '../../../identity-cloud/findings/finding.ts';
import type { RuleDefinition } from '../../../identity-cloud/findings/rule-catalogue.ts';
import { ruleCatalogue, ruleIds } from '../../../identity-cloud/findings/rule-catalogue.ts';

export interface RuleGroup {
  rule: RuleDefinition;
  /** In inventory order (clients in list order, then policies). */
  findings: Finding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  /** Rules in catalogue order; only rules that found something. */
  rules: RuleGroup[];
}

/** The Findings page's `?severity=` filter: one severity, or all of them. */
export function parseSeverityParam(value: string | null): Severity | null {
  return value !== null && (severities as readonly string[]).includes(value) ? (value as Severity) : null;
}

/**
 * Findings grouped by severity (worst first), then by rule (catalogue order). Severities without findings are
 * left out; `only` keeps a single severity.
 */
export function groupFindings(findings: readonly Finding[], only: Severity | null = null): SeverityGroup[] {
  const byRule = new Map<RuleId, Finding[]>();
  for (const finding of findings) {
    if (only !== null && finding.severity !== only) continue;
    const group = byRule.get(finding.ruleId);
    if (group === undefined) byRule.set(finding.ruleId, [finding]);
    else group.push(finding);
  }
  const groups: SeverityGroup[] = [];
  for (const severity of severities) {
    const rules: RuleGroup[] = [];
    for (const ruleId of ruleIds) {
      const found = byRule.get(ruleId);
      // A finding carries its own severity; the catalogue's is the default, so group by what the finding says.
      const matching = found?.filter((finding) => finding.severity === severity) ?? [];
      if (matching.length > 0) rules.push({ rule: ruleCatalogue[ruleId], findings: matching });
    }
    const count = rules.reduce((sum, group) => sum + group.findings.length, 0);
    if (count > 0) groups.push({ severity, count, rules });
  }
  return groups;
}
