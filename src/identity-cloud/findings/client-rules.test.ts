import { describe, expect, it } from 'vitest';
import { configurationClient, confidentialClient, publicClient } from '../inventory-fixtures.ts';
import type { Client } from '../schemas.ts';
import type { ClientRuleContext, PolicyPresence } from './client-rules.ts';
import { clientFindings } from './client-rules.ts';

function context(overrides: Partial<ClientRuleContext> = {}): ClientRuleContext {
  return {
    configurationClientCount: 1,
    loginPolicyPresence: () => 'present',
    tokenPolicyPresence: () => 'present',
    ...overrides,
  };
}

function ruleIdsOf(client: Client, ruleContext: ClientRuleContext = context()) {
  return clientFindings(
    client,
    { kind: 'client', id: client.id, name: client.name ?? client.id },
    ruleContext,
  ).map((finding) => finding.ruleId);
}

const missing = (): PolicyPresence => 'missing';
const unknown = (): PolicyPresence => 'unknown';

describe('client-configuration (info)', () => {
  it('flags a configuration client, with the generic explanation when it is the only one', () => {
    const [finding] = clientFindings(
      configurationClient('cfg'),
      { kind: 'client', id: 'cfg', name: 'cfg' },
      context(),
    );
    expect(finding).toMatchObject({ ruleId: 'client-configuration', severity: 'info' });
    expect(finding?.explanation).not.toMatch(/this tenant has/i);
  });

  it('says how many there are when there is more than one', () => {
    const [finding] = clientFindings(
      configurationClient('cfg'),
      { kind: 'client', id: 'cfg', name: 'cfg' },
      context({ configurationClientCount: 3 }),
    );
    expect(finding?.explanation).toContain('This tenant has 3 of them');
  });

  it('does not flag public or confidential clients', () => {
    expect(ruleIdsOf(publicClient('p'))).toEqual([]);
    expect(ruleIdsOf(confidentialClient('c'))).toEqual([]);
  });
});

describe('client-dangling-policy (high)', () => {
  it('flags a confidential client whose login policy is missing, naming the policy', () => {
    const findings = clientFindings(
      confidentialClient('c', undefined, { loginPolicy: 'lp-gone' }),
      { kind: 'client', id: 'c', name: 'c' },
      context({ loginPolicyPresence: (id) => (id === 'lp-gone' ? 'missing' : 'present') }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'client-dangling-policy',
      severity: 'high',
      detail: 'login policy lp-gone',
    });
    expect(findings[0]?.explanation).toContain('lp-gone');
  });

  it('flags a missing token policy, also on a configuration client (confidential by type)', () => {
    expect(ruleIdsOf(confidentialClient('c'), context({ tokenPolicyPresence: missing }))).toEqual([
      'client-dangling-policy',
    ]);
    expect(ruleIdsOf(configurationClient('cfg'), context({ tokenPolicyPresence: missing }))).toEqual([
      'client-configuration',
      'client-dangling-policy',
    ]);
  });

  it('reports both references when both are missing', () => {
    const ids = ruleIdsOf(
      confidentialClient('c'),
      context({ loginPolicyPresence: missing, tokenPolicyPresence: missing }),
    );
    expect(ids).toEqual(['client-dangling-policy', 'client-dangling-policy']);
  });

  it('stays silent when presence is unknown (e.g. the policy list answered 403)', () => {
    expect(
      ruleIdsOf(
        confidentialClient('c'),
        context({ loginPolicyPresence: unknown, tokenPolicyPresence: unknown }),
      ),
    ).toEqual([]);
  });

  it('does not apply to public clients', () => {
    expect(
      ruleIdsOf(publicClient('p'), context({ loginPolicyPresence: missing, tokenPolicyPresence: missing })),
    ).toEqual([]);
  });

  it('ignores absent or blank references', () => {
    const client: Client = { ...confidentialClient('c'), loginPolicy: '  ', tokenPolicy: null };
    expect(
      ruleIdsOf(client, context({ loginPolicyPresence: missing, tokenPolicyPresence: missing })),
    ).toEqual([]);
  });
});

describe('client-public-without-redirect-uri (medium)', () => {
  it.each([[[]], [null], [undefined]])('flags a public client with redirectURIs %j', (redirectURIs) => {
    expect(ruleIdsOf({ ...publicClient('p'), redirectURIs })).toEqual(['client-public-without-redirect-uri']);
  });

  it('does not flag a public client with a redirect URI, nor a confidential client without one', () => {
    expect(ruleIdsOf(publicClient('p', ['https://p.example.com/cb']))).toEqual([]);
    expect(ruleIdsOf(confidentialClient('c', []))).toEqual([]);
  });
});
