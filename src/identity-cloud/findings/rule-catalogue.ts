// Every rule, gathered from the rule groups that declare them beside their checks: the list of rule ids, the rule
// table in docs/findings.md, the Findings page and the exports read from here. A new rule is an entry in its
// group, its check there, that group's test, and its row and section in docs/findings.md.
import { auditRules } from '../audit/audit-rules.ts';
import { clientRules } from './client-rules.ts';
import { severities } from './finding.ts';
import { policyRules } from './policy-rules.ts';
import { redirectUriRules } from './redirect-uri-rules.ts';
import type { RuleDescription } from './rule-description.ts';

// The groups in this order, each in its own order: the order of the rules within one severity.
const catalogue = { ...redirectUriRules, ...clientRules, ...policyRules, ...auditRules };

export type RuleId = keyof typeof catalogue;
export type RuleDefinition = RuleDescription<RuleId>;

export const ruleCatalogue: Readonly<Record<RuleId, RuleDefinition>> = catalogue;

/** The catalogue as a list, worst first. */
export const ruleDefinitions: readonly RuleDefinition[] = severities.flatMap((severity) =>
  Object.values(ruleCatalogue).filter((rule) => rule.severity === severity),
);

/** Every rule id, worst first. */
export const ruleIds: readonly RuleId[] = ruleDefinitions.map((rule) => rule.id);
