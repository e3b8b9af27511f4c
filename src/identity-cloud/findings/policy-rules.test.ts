import { describe, expect, it } from 'vitest';
import { loginPolicyA, tokenPolicyA } from '../inventory-fixtures.ts';
import {
  loginPolicyFindings,
  maxRecommendedRefreshTokenLifetime,
  tokenPolicyFindings,
} from './policy-rules.ts';

describe('token-policy-long-refresh-lifetime (medium)', () => {
  it('flags a refresh lifetime above 90 days, with the lifetime in days as detail', () => {
    const findings = tokenPolicyFindings(
      { ...tokenPolicyA, refreshTokenLifetime: 31_557_600 },
      { usedBy: 2 },
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'token-policy-long-refresh-lifetime',
      severity: 'medium',
      subject: { kind: 'tokenPolicy', id: 'tp-a', name: 'Standard tokens' },
      detail: 'refreshTokenLifetime 31557600 s (365.3 days)',
    });
  });

  it('flags one second above the threshold', () => {
    const policy = { ...tokenPolicyA, refreshTokenLifetime: maxRecommendedRefreshTokenLifetime + 1 };
    expect(tokenPolicyFindings(policy, { usedBy: 1 }).map((finding) => finding.ruleId)).toEqual([
      'token-policy-long-refresh-lifetime',
    ]);
  });

  it.each([7_776_000, 86_400, null, undefined])('does not flag a lifetime of %j', (refreshTokenLifetime) => {
    expect(tokenPolicyFindings({ ...tokenPolicyA, refreshTokenLifetime }, { usedBy: 1 })).toEqual([]);
  });
});

describe('token-policy-unused and login-policy-unused (low)', () => {
  it('flags a policy no client uses', () => {
    expect(tokenPolicyFindings(tokenPolicyA, { usedBy: 0 })).toMatchObject([
      { ruleId: 'token-policy-unused', severity: 'low', subject: { kind: 'tokenPolicy', id: 'tp-a' } },
    ]);
    expect(loginPolicyFindings(loginPolicyA, { usedBy: 0 })).toMatchObject([
      {
        ruleId: 'login-policy-unused',
        severity: 'low',
        subject: { kind: 'loginPolicy', id: 'lp-a', name: 'Customer login' },
      },
    ]);
  });

  it('does not flag a used policy, nor one whose use is unknown', () => {
    expect(tokenPolicyFindings(tokenPolicyA, { usedBy: 3 })).toEqual([]);
    expect(tokenPolicyFindings(tokenPolicyA, { usedBy: null })).toEqual([]);
    expect(loginPolicyFindings(loginPolicyA, { usedBy: 1 })).toEqual([]);
    expect(loginPolicyFindings(loginPolicyA, { usedBy: null })).toEqual([]);
  });

  it('names an untitled policy by its id', () => {
    expect(loginPolicyFindings({ id: 'lp-x', title: null }, { usedBy: 0 })[0]?.subject.name).toBe('lp-x');
  });
});
