import { describe, expect, it } from 'vitest';
import type { Finding, RuleId, Severity } from '../../../identity-cloud/findings/finding.ts';
import { groupFindings, parseSeverityParam } from './group-findings.ts';

function finding(ruleId: RuleId, severity: Severity, subjectId: string): Finding {
  return {
    ruleId,
    severity,
    title: ruleId,
    explanation: '',
    recommendation: '',
    subject: { kind: 'client', id: subjectId, name: subjectId },
  };
}

describe('groupFindings', () => {
  const findings = [
    finding('redirect-uri-dangerous-scheme', 'critical', 'a'),
    finding('redirect-uri-plain-http', 'high', 'b'),
    finding('redirect-uri-wildcard', 'high', 'c'),
    finding('redirect-uri-plain-http', 'high', 'a'),
    finding('token-policy-unused', 'low', 'tp'),
  ];

  it('groups by severity, worst first, then by rule in catalogue order, keeping inventory order inside', () => {
    const groups = groupFindings(findings);
    expect(groups.map((group) => [group.severity, group.count])).toEqual([
      ['critical', 1],
      ['high', 3],
      ['low', 1],
    ]);
    const high = groups[1];
    expect(high?.rules.map((rule) => rule.rule.id)).toEqual([
      'redirect-uri-wildcard',
      'redirect-uri-plain-http',
    ]);
    expect(high?.rules[1]?.findings.map((item) => item.subject.id)).toEqual(['b', 'a']);
  });

  it('keeps one severity when asked', () => {
    expect(groupFindings(findings, 'low').map((group) => group.severity)).toEqual(['low']);
    expect(groupFindings([], null)).toEqual([]);
  });

  it('reads the severity filter from the URL, ignoring nonsense', () => {
    expect(parseSeverityParam('high')).toBe('high');
    expect(parseSeverityParam('HIGH')).toBeNull();
    expect(parseSeverityParam(null)).toBeNull();
  });
});
