// The documentation's rule table (docs/findings.md) is written from the catalogue; this keeps the two from
// drifting apart.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDefinitions } from '../identity-cloud/findings/rule-catalogue.ts';

const findingsDoc = new URL('../../docs/findings.md', import.meta.url);
const readme = existsSync(findingsDoc) ? readFileSync(findingsDoc, 'utf8') : '';

function readmeRuleRows(): Map<string, { severity: string; title: string }> {
  const rows = new Map<string, { severity: string; title: string }>();
  for (const line of readme.split('\n')) {
    // Rows of other tables look alike (the sandbox's `| \`--max-concurrency\` | unlimited |`): a severity is required.
    const match = /^\|\s*`([a-z][a-z-]*)`\s*\|\s*(critical|high|medium|low|info)\s*\|\s*(.*?)\s*\|/.exec(
      line,
    );
    if (match?.[1] && match[2] && match[3] !== undefined)
      rows.set(match[1], { severity: match[2], title: match[3] });
  }
  return rows;
}

// The findings documentation arrives with its own branch; until then there is no table to hold to the catalogue.
describe.skipIf(!existsSync(findingsDoc))('docs/findings.md rule table', () => {
  it('lists every rule of the catalogue, with its severity and title, and no other', () => {
    const rows = readmeRuleRows();
    expect([...rows.keys()].sort()).toEqual(ruleDefinitions.map((rule) => rule.id).sort());
    for (const rule of ruleDefinitions) {
      expect(rows.get(rule.id)).toEqual({
        severity: rule.severity,
        title: rule.title.replaceAll('*', '\\*'),
      });
    }
  });
});
