// The README's rule table is generated from the catalogue; this keeps the two from drifting apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDefinitions } from '../identity-cloud/findings/rule-catalogue.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

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

describe('README "Findings" rule table', () => {
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
