// docs/findings.md's section per rule, generated from the catalogue: SARIF's help URIs point at these anchors.
import type { RuleId } from './finding.ts';
import { ruleDefinitions } from './rule-catalogue.ts';

/** The anchor GitHub (and most Markdown renderers) give the heading "### `rule-id`". */
export function ruleAnchor(ruleId: RuleId): string {
  return ruleId;
}

export function renderRuleSectionsMarkdown(): string {
  return ruleDefinitions
    .map((rule) => {
      const lines = [
        `### \`${rule.id}\``,
        '',
        `**${rule.title}** — default severity ${rule.severity}.`,
        '',
        `Why: ${rule.explanation}`,
        '',
        `What to do: ${rule.recommendation}`,
      ];
      if (rule.reference) lines.push('', `Reference: ${rule.reference}.`);
      return lines.join('\n');
    })
    .join('\n\n');
}
