import { describe, expect, it } from 'vitest';
import {
  buildInventory,
  configurationClient,
  confidentialClient,
  loginPolicyA,
  loginPolicyB,
  publicClient,
  tokenPolicyA,
  tokenPolicyConfig,
  referencedPolicies,
} from '../inventory-fixtures.ts';
import type { Client } from '../schemas.ts';
import { evaluateInventory, summarizeFindings } from './evaluate-inventory.ts';

const healthyPolicies = referencedPolicies;

describe('evaluateInventory on a complete inventory', () => {
  const inventory = buildInventory({
    clients: [
      publicClient('spa', ['http://shop.example.com/cb', 'https://shop.example.com/cb#x']),
      confidentialClient('web', ['javascript:alert(1)']),
      configurationClient('cfg'),
      configurationClient('cfg2'),
      publicClient('clean'),
    ],
    loginPolicies: [loginPolicyA, loginPolicyB],
    tokenPolicies: [{ ...tokenPolicyA, refreshTokenLifetime: 31_557_600 }, tokenPolicyConfig],
  });
  const result = evaluateInventory(inventory);

  it('lists findings worst first, in inventory order within a severity', () => {
    expect(result.all.map((finding) => [finding.severity, finding.ruleId, finding.subject.id])).toEqual([
      ['critical', 'redirect-uri-dangerous-scheme', 'web'],
      ['high', 'redirect-uri-plain-http', 'spa'],
      ['medium', 'redirect-uri-fragment', 'spa'],
      ['medium', 'token-policy-long-refresh-lifetime', 'tp-a'],
      ['low', 'login-policy-unused', 'lp-b'],
      ['info', 'client-configuration', 'cfg'],
      ['info', 'client-configuration', 'cfg2'],
    ]);
  });

  it('indexes findings by client and by policy, leaving clean subjects out', () => {
    expect(result.byClientId.get('spa')?.map((finding) => finding.ruleId)).toEqual([
      'redirect-uri-plain-http',
      'redirect-uri-fragment',
    ]);
    expect(result.byClientId.has('clean')).toBe(false);
    expect(result.byLoginPolicyId.get('lp-b')?.[0]?.ruleId).toBe('login-policy-unused');
    expect(result.byLoginPolicyId.has('lp-a')).toBe(false);
    expect(result.byTokenPolicyId.get('tp-a')?.[0]?.ruleId).toBe('token-policy-long-refresh-lifetime');
  });

  it('counts by severity and by rule, with zeros for rules that did not match', () => {
    expect(result.countsBySeverity).toEqual({ critical: 1, high: 1, medium: 2, low: 1, info: 2 });
    expect(result.countsByRule['client-configuration']).toBe(2);
    expect(result.countsByRule['redirect-uri-wildcard']).toBe(0);
    expect(Object.values(result.countsByRule).reduce((sum, count) => sum + count, 0)).toBe(result.all.length);
  });

  it('tells each configuration client how many there are', () => {
    expect(result.byClientId.get('cfg')?.[0]?.explanation).toContain('This tenant has 2 of them');
  });

  it('reports no limitation when everything was read', () => {
    expect(result.limitations).toEqual([]);
    expect(result.coverage).toMatchObject({
      finished: true,
      allClientDetailsLoaded: true,
      loginPolicyListLoaded: true,
    });
  });

  it('summarises a client for the grid: count, worst severity, rule ids', () => {
    expect(summarizeFindings(result.byClientId.get('spa'))).toEqual({
      count: 2,
      worst: 'high',
      ruleIds: ['redirect-uri-plain-http', 'redirect-uri-fragment'],
    });
    expect(summarizeFindings(result.byClientId.get('clean'))).toEqual({ count: 0, worst: null, ruleIds: [] });
  });

  it('names a nameless client as the grid does', () => {
    const unnamed: Client = { ...configurationClient('anon'), name: null };
    const named = evaluateInventory(buildInventory({ clients: [unnamed], ...healthyPolicies }));
    expect(named.byClientId.get('anon')?.[0]?.subject).toEqual({
      kind: 'client',
      id: 'anon',
      name: 'Unnamed client (anon)',
    });
  });
});

describe('evaluateInventory when policies are missing or unreadable', () => {
  const dangling = confidentialClient('web', undefined, { loginPolicy: 'lp-gone' });

  it('flags a dangling reference when the policy lists were read in full', () => {
    const result = evaluateInventory(buildInventory({ clients: [dangling], ...healthyPolicies }));
    expect(result.byClientId.get('web')?.map((finding) => finding.detail)).toEqual(['login policy lp-gone']);
  });

  it('stays silent when the login policy list failed with 403, and says why', () => {
    const result = evaluateInventory(
      buildInventory({
        clients: [dangling],
        tokenPolicies: healthyPolicies.tokenPolicies,
        failures: [{ resource: 'loginPolicyList', status: 403 }],
      }),
    );
    expect(result.countsByRule['client-dangling-policy']).toBe(0);
    expect(result.limitations).toContainEqual({
      ruleIds: ['client-dangling-policy'],
      reason: expect.stringContaining('login policy list was not read in full') as string,
    });
  });

  it('flags it anyway when fetching the policy itself answered 404', () => {
    const result = evaluateInventory(
      buildInventory({
        clients: [dangling],
        tokenPolicies: healthyPolicies.tokenPolicies,
        failures: [
          { resource: 'loginPolicyList', status: 403 },
          { resource: 'loginPolicy', id: 'lp-gone', status: 404 },
        ],
      }),
    );
    expect(result.countsByRule['client-dangling-policy']).toBe(1);
  });

  it('stays silent when fetching the policy failed otherwise (500), or while the stream is unfinished', () => {
    const failed = buildInventory({
      clients: [dangling],
      ...healthyPolicies,
      failures: [{ resource: 'loginPolicy', id: 'lp-gone', status: 500 }],
    });
    expect(evaluateInventory(failed).countsByRule['client-dangling-policy']).toBe(0);
    const unfinished = buildInventory({ clients: [dangling], ...healthyPolicies, finished: false });
    expect(evaluateInventory(unfinished).countsByRule['client-dangling-policy']).toBe(0);
  });
});

describe('evaluateInventory with missing client details', () => {
  const fixture = {
    clients: [publicClient('spa', ['myapp://cb'])],
    loginPolicies: [loginPolicyA, loginPolicyB],
    tokenPolicies: [tokenPolicyA],
    extraSummaries: [{ id: 'failed-client', name: 'Failed' }],
    failures: [{ resource: 'client', id: 'failed-client', status: 500 }],
  };

  it('checks the clients it has, reports no unused policy, and explains both limits', () => {
    const result = evaluateInventory(buildInventory(fixture));
    expect(result.all.map((finding) => finding.ruleId)).toEqual([
      'redirect-uri-custom-scheme-not-reverse-domain',
    ]);
    expect(result.coverage.missingClientDetails).toBe(1);
    expect(result.limitations.map((limitation) => limitation.reason)).toEqual([
      '1 client could not be checked: their details failed or are still loading.',
      'Unused policies are not reported while 1 client lack details: they may use them.',
    ]);
  });

  it('reports the unused policy once every client is in', () => {
    const result = evaluateInventory(buildInventory({ ...fixture, extraSummaries: [], failures: [] }));
    expect(result.countsByRule['login-policy-unused']).toBe(1);
    expect(result.byLoginPolicyId.has('lp-b')).toBe(true);
  });

  it('checks nothing and says so before the client list arrived', () => {
    const result = evaluateInventory(buildInventory({ failures: [{ resource: 'clientList', status: 403 }] }));
    expect(result.all).toEqual([]);
    expect(result.limitations[0]?.reason).toMatch(/client list could not be read/);
  });
});

describe('evaluateInventory at scale', () => {
  // Correctness at scale only: timings belong to `npm run bench`, not to CI on a shared machine.
  it('evaluates 20,000 clients (60,000 redirect URIs), counting every match', () => {
    const clients: Client[] = [];
    for (let index = 0; index < 20_000; index += 1) {
      clients.push(
        index % 2 === 0
          ? publicClient(`p${index}`, [
              `https://p${index}.example.com/cb`,
              'http://localhost:3000/cb',
              `http://p${index}.example.com/`,
            ])
          : confidentialClient(`c${index}`),
      );
    }
    const inventory = buildInventory({ clients, ...healthyPolicies });
    const started = performance.now();
    const result = evaluateInventory(inventory);
    const elapsed = performance.now() - started;
    expect(result.countsByRule['redirect-uri-plain-http']).toBe(10_000);
    expect(result.countsByRule['token-policy-unused']).toBe(1);
    console.log(`evaluateInventory: 20,000 clients in ${Math.round(elapsed)} ms`);
  });
});
