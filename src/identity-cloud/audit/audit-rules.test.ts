import { describe, expect, it } from 'vitest';
import { evaluateInventory } from '../findings/evaluate-inventory.ts';
import {
  buildInventory,
  configurationClient,
  confidentialClient,
  publicClient,
  tokenPolicyA,
  referencedPolicies,
} from '../inventory-fixtures.ts';
import type { AuditPolicy } from './audit-policy.ts';
import { isHostAllowed } from './audit-rules.ts';

const policies = referencedPolicies;
const now = new Date('2026-12-01T12:00:00Z');

/** A rule's findings under a policy, as [subject id, matched value] pairs. */
function hitsOf(ruleId: string, clients = defaultClients, tokenPolicies = policies.tokenPolicies) {
  return (policy: AuditPolicy) =>
    evaluateInventory(buildInventory({ clients, ...policies, tokenPolicies }), { policy, now })
      .all.filter((finding) => finding.ruleId === ruleId)
      .map((finding) => [finding.subject.id, finding.detail ?? null]);
}

const defaultClients = [
  publicClient('spa', [
    'https://app.example.com/cb',
    'https://shop.example.com/cb',
    'https://evil.example.net/cb',
  ]),
  publicClient('native', ['com.example.app:/cb', 'myapp:/cb', 'http://127.0.0.1:7000/cb']),
];

describe('isHostAllowed', () => {
  it('matches exact names without case or trailing dot, and *.suffix below the suffix only', () => {
    expect(isHostAllowed('App.Example.com.', ['app.example.com'])).toBe(true);
    expect(isHostAllowed('a.b.example.com', ['*.example.com'])).toBe(true);
    expect(isHostAllowed('example.com', ['*.example.com'])).toBe(false);
    expect(isHostAllowed('badexample.com', ['*.example.com'])).toBe(false);
    expect(isHostAllowed('app.example.com.evil.net', ['app.example.com'])).toBe(false);
  });
});

describe('redirect-uri-host-not-allowed', () => {
  const hits = hitsOf('redirect-uri-host-not-allowed');
  it('reports a web redirect whose host the allow list lacks, one finding per URI', () => {
    expect(hits({ allowedRedirectHosts: ['app.example.com'] })).toEqual([
      ['spa', 'https://shop.example.com/cb'],
      ['spa', 'https://evil.example.net/cb'],
    ]);
  });
  it('is silent for allowed hosts and patterns, loopback, and without the key', () => {
    expect(hits({ allowedRedirectHosts: ['*.example.com', 'evil.example.net'] })).toEqual([]);
    expect(hits({})).toEqual([]);
  });
  it('with an empty list, allows no host at all', () => {
    expect(hits({ allowedRedirectHosts: [] })).toHaveLength(3);
  });
});

describe('redirect-uri-custom-scheme-not-allowed', () => {
  const hits = hitsOf('redirect-uri-custom-scheme-not-allowed');
  it('reports a custom scheme the allow list lacks', () => {
    expect(hits({ allowedCustomSchemes: ['com.example.app'] })).toEqual([['native', 'myapp:/cb']]);
  });
  it('is silent for listed schemes (any case), web URIs, and without the key', () => {
    expect(hits({ allowedCustomSchemes: ['COM.example.app', 'myapp'] })).toEqual([]);
    expect(hits({})).toEqual([]);
  });
});

describe('token-policy-lifetime-above-maximum', () => {
  const long = { ...tokenPolicyA, accessTokenLifetime: 7200, refreshTokenLifetime: 31_536_000 };
  const hits = hitsOf('token-policy-lifetime-above-maximum', [], [long]);
  it('reports each lifetime above its maximum, with the lifetime as the matched value', () => {
    expect(hits({ maxAccessTokenLifetime: 3600, maxRefreshTokenLifetime: 7_776_000 })).toEqual([
      ['tp-a', 'accessTokenLifetime 7200 s'],
      ['tp-a', 'refreshTokenLifetime 31536000 s'],
    ]);
  });
  it('is silent at the maximum exactly, and without the keys', () => {
    expect(hits({ maxAccessTokenLifetime: 7200, maxRefreshTokenLifetime: 31_536_000 })).toEqual([]);
    expect(hits({})).toEqual([]);
  });
});

describe('client-configuration-count-above-maximum', () => {
  const clients = [configurationClient('cfg1'), configurationClient('cfg2'), confidentialClient('web')];
  const hits = hitsOf('client-configuration-count-above-maximum', clients);
  it('reports every configuration client when there are more than allowed', () => {
    expect(hits({ maxConfigurationClients: 1 })).toEqual([
      ['cfg1', null],
      ['cfg2', null],
    ]);
  });
  it('is silent at the maximum, and without the key', () => {
    expect(hits({ maxConfigurationClients: 2 })).toEqual([]);
    expect(hits({})).toEqual([]);
  });
});

describe('severity overrides and disabled rules', () => {
  const clients = [
    publicClient('spa', ['https://10.0.0.1/cb', 'https://a.example.com/cb', 'https://a.example.com/cb']),
  ];
  const inventory = buildInventory({ clients, ...policies });
  it('an override changes the severity a finding is counted and sorted under', () => {
    const before = evaluateInventory(inventory);
    const after = evaluateInventory(inventory, {
      policy: { severity: { 'redirect-uri-ip-literal': 'critical' } },
      now,
    });
    expect(before.all.find((f) => f.ruleId === 'redirect-uri-ip-literal')?.severity).toBe('low');
    expect(after.all[0]).toMatchObject({ ruleId: 'redirect-uri-ip-literal', severity: 'critical' });
    expect(after.countsBySeverity.critical).toBe(1);
  });
  it('a disabled rule reports nothing, anywhere', () => {
    const result = evaluateInventory(inventory, {
      policy: { disabledRules: ['redirect-uri-duplicate'] },
      now,
    });
    expect(result.countsByRule['redirect-uri-duplicate']).toBe(0);
    expect(result.byClientId.get('spa')?.map((f) => f.ruleId)).toEqual(['redirect-uri-ip-literal']);
    expect(evaluateInventory(inventory).countsByRule['redirect-uri-duplicate']).toBe(1);
  });
});
