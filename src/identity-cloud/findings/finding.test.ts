import { describe, expect, it } from 'vitest';
import type { Severity } from './finding.ts';
import { compareSeverity, findingKey, severities, worstSeverity } from './finding.ts';
import { ruleCatalogue, ruleDefinitions, ruleIds } from './rule-catalogue.ts';

describe('severity order', () => {
  it('sorts worst first', () => {
    const shuffled: Severity[] = ['low', 'critical', 'info', 'medium', 'high'];
    expect([...shuffled].sort(compareSeverity)).toEqual([...severities]);
  });

  it('finds the worst severity, or null for no findings', () => {
    expect(worstSeverity([{ severity: 'low' }, { severity: 'high' }, { severity: 'info' }])).toBe('high');
    expect(worstSeverity([])).toBeNull();
  });

  it('keys findings by rule, subject and detail', () => {
    const subject = { kind: 'client' as const, id: 'c1', name: 'A' };
    expect(findingKey({ ruleId: 'redirect-uri-duplicate', subject, detail: 'x' })).not.toBe(
      findingKey({ ruleId: 'redirect-uri-duplicate', subject, detail: 'y' }),
    );
  });
});

describe('rule catalogue', () => {
  it('describes every rule once, worst first, with one-line titles', () => {
    expect(ruleDefinitions.map((rule) => rule.id)).toEqual([...ruleIds]);
    const ranks = ruleDefinitions.map((rule) => severities.indexOf(rule.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const rule of ruleDefinitions) {
      expect(rule.title).not.toMatch(/\n/);
      expect(rule.explanation.length).toBeGreaterThan(40);
      expect(rule.recommendation.length).toBeGreaterThan(5);
    }
  });

  it('has the severities the issue asks for', () => {
    expect(ruleCatalogue['redirect-uri-dangerous-scheme'].severity).toBe('critical');
    expect(ruleCatalogue['redirect-uri-plain-http'].severity).toBe('high');
    expect(ruleCatalogue['redirect-uri-fragment'].severity).toBe('medium');
    expect(ruleCatalogue['redirect-uri-duplicate'].severity).toBe('low');
    expect(ruleCatalogue['client-configuration'].severity).toBe('info');
  });
});
