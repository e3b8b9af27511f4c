import { describe, expect, it } from 'vitest';
import { auditRules } from '../audit/audit-rules.ts';
import { clientRules } from './client-rules.ts';
import { severities } from './finding.ts';
import { policyRules } from './policy-rules.ts';
import { redirectUriRules } from './redirect-uri-rules.ts';
import type { RuleId } from './rule-catalogue.ts';
import { ruleDefinitions, ruleIds } from './rule-catalogue.ts';
import type { RuleDescription } from './rule-description.ts';

// The documented order of the rules as they were when the groups came to declare them: a rule added later may
// stand anywhere its severity puts it, but these keep their places relative to each other.
const documentedOrder: readonly RuleId[] = [
  'redirect-uri-dangerous-scheme',
  'redirect-uri-malformed',
  'redirect-uri-wildcard',
  'redirect-uri-plain-http',
  'client-dangling-policy',
  'redirect-uri-host-not-allowed',
  'redirect-uri-custom-scheme-not-allowed',
  'redirect-uri-fragment',
  'redirect-uri-loopback-in-confidential-client',
  'client-public-without-redirect-uri',
  'token-policy-long-refresh-lifetime',
  'token-policy-lifetime-above-maximum',
  'client-configuration-count-above-maximum',
  'redirect-uri-ip-literal',
  'redirect-uri-custom-scheme-not-reverse-domain',
  'redirect-uri-duplicate',
  'login-policy-unused',
  'token-policy-unused',
  'client-configuration',
];

const groups = { redirectUriRules, clientRules, policyRules, auditRules };

describe('rule catalogue, gathered from the rule groups', () => {
  it('keeps the documented order of the rules, worst first', () => {
    expect(ruleIds.filter((id) => documentedOrder.includes(id))).toEqual(documentedOrder);
    const ranks = ruleDefinitions.map((rule) => severities.indexOf(rule.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('holds every rule of every group once, each under its own id', () => {
    const declared = Object.values(groups).flatMap((group) => Object.entries<RuleDescription>(group));
    for (const [key, rule] of declared) expect(rule.id).toBe(key);
    expect([...ruleIds].sort()).toEqual(declared.map(([key]) => key).sort());
  });
});
