// docs/findings.md has one section per rule, headed by its id: SARIF's help URIs point at these anchors (a test
// checks that the sections and the catalogue agree).
import type { RuleId } from './finding.ts';

/** The anchor GitHub (and most Markdown renderers) give the heading "### `rule-id`". */
export function ruleAnchor(ruleId: RuleId): string {
  return ruleId;
}
