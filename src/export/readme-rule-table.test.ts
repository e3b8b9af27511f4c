// docs/findings.md's rule table and rule sections are generated from the catalogue; this keeps them from drifting
// apart (the audit's SARIF help URIs point at the sections' anchors).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDefinitions } from '../identity-cloud/findings/rule-catalogue.ts';

const findingsDoc = readFileSync(new URL('../../docs/findings.md', import.meta.url), 'utf8');

function docRuleRows(): Map<string, { severity: string; title: string }> {
  const rows = new Map<string, { severity: string; title: string }>();
  for (const line of findingsDoc.split('\n')) {
    // Rows of other tables look alike (the sandbox's `| \`--max-concurrency\` | unlimited |`): a severity is required.
    const match = /^\|\s*`([a-z][a-z-]*)`\s*\|\s*(critical|high|medium|low|info)\s*\|\s*(.*?)\s*\|/.exec(
      line,
    );
    if (match?.[1] && match[2] && match[3] !== undefined)
      rows.set(match[1], { severity: match[2], title: match[3] });
  }
  return rows;
}

describe('docs/findings.md', () => {
  it('lists every rule of the catalogue in its table, with its severity and title, and no other', () => {
    const rows = docRuleRows();
    expect([...rows.keys()].sort()).toEqual(ruleDefinitions.map((rule) => rule.id).sort());
    for (const rule of ruleDefinitions) {
      expect(rows.get(rule.id)).toEqual({
        severity: rule.severity,
        title: rule.title.replaceAll('*', '\\*'),
      });
    }
  });

  it('has one section per rule, headed by its id (the anchor of its help URI), with its title and advice', () => {
    const headings = [...findingsDoc.matchAll(/^### `([a-z-]+)`$/gm)].map((match) => match[1]);
    expect(headings).toEqual(ruleDefinitions.map((rule) => rule.id));
    for (const rule of ruleDefinitions) {
      const start = findingsDoc.indexOf(`### \`${rule.id}\``);
      const next = findingsDoc.indexOf('\n### ', start + 1);
      const section = findingsDoc.slice(start, next === -1 ? undefined : next);
      const unescaped = section.replaceAll('\\*', '*').replace(/\s+/g, ' ');
      expect(unescaped).toContain(`**${rule.title}** — default severity ${rule.severity}.`);
      expect(unescaped).toContain(`What to do: ${rule.recommendation}`);
    }
  });
});
