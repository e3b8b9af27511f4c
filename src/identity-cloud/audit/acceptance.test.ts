import { describe, expect, it } from 'vitest';
import type { Acceptance } from './acceptance.ts';
import { isExpired } from './acceptance.ts';
import {
  evaluateSpa,
  policyFileAcceptance,
  storedWildcardAcceptance,
  wildcard,
} from './acceptance-fixtures.ts';
import type { AuditPolicy } from './audit-policy.ts';

const storeAcceptance: Acceptance = { ...storedWildcardAcceptance, id: '7', expires: '2027-06-30' };

function wildcardState(uris: string[], acceptances: Acceptance[], now: Date, policy: AuditPolicy = {}) {
  const { result, open } = evaluateSpa(uris, acceptances, now, policy);
  return { open, accepted: result.accepted.map((entry) => entry.acceptance.id), result };
}

const today = new Date('2026-12-01T12:00:00Z');

describe('the acceptance lifecycle', () => {
  it('open before, accepted after: the finding leaves every count and is listed apart', () => {
    expect(wildcardState([wildcard], [], today).open).toBe(1);
    const { open, accepted, result } = wildcardState([wildcard], [storeAcceptance], today);
    expect(open).toBe(0);
    expect(accepted).toEqual(['7']);
    expect(result.countsByRule['redirect-uri-wildcard']).toBe(0);
    expect(result.countsBySeverity.high).toBe(0);
    expect(result.byClientId.has('spa')).toBe(false);
    expect(result.accepted[0]?.finding.detail).toBe(wildcard);
  });

  it('holds through its expiry day (UTC) and lapses the day after', () => {
    expect(isExpired(storeAcceptance, new Date('2027-06-30T23:59:59Z'))).toBe(false);
    expect(isExpired(storeAcceptance, new Date('2027-07-01T00:00:00Z'))).toBe(true);
    expect(wildcardState([wildcard], [storeAcceptance], new Date('2027-07-01T00:00:00Z'))).toMatchObject({
      open: 1,
      accepted: [],
    });
  });

  it('lapses when the matched value changes: a different redirect URI is a new finding', () => {
    const changed = wildcardState(['https://*.staging.example.com/cb'], [storeAcceptance], today);
    expect(changed).toMatchObject({ open: 1, accepted: [] });
  });

  it('without a value, covers every finding of the rule on that client; by exact name as well as id', () => {
    const anyValue = { ...storeAcceptance, value: undefined, client: 'Public spa' };
    expect(wildcardState([wildcard, 'https://*.staging.example.com/cb'], [anyValue], today)).toMatchObject({
      open: 0,
      accepted: ['7', '7'],
    });
  });

  it('does not cover another rule or another client', () => {
    expect(wildcardState([wildcard], [{ ...storeAcceptance, client: 'other' }], today).open).toBe(1);
    expect(
      wildcardState([wildcard], [{ ...storeAcceptance, rule: 'redirect-uri-plain-http' }], today).open,
    ).toBe(1);
  });

  it('revoked (no longer given), the finding is open again', () => {
    expect(wildcardState([wildcard], [storeAcceptance], today).open).toBe(0);
    expect(wildcardState([wildcard], [], today).open).toBe(1);
  });

  it('reads acceptances from the policy file, which win over the store for the same finding', () => {
    const policy = policyFileAcceptance('sec', '2027-01-01');
    const { open, accepted, result } = wildcardState([wildcard], [storeAcceptance], today, policy);
    expect(open).toBe(0);
    expect(accepted).toEqual(['file:0']);
    expect(result.accepted[0]?.acceptance).toMatchObject({ source: 'policy-file', reason: 'In the file' });
  });

  it('judges an accepted finding by its overridden severity, and ignores findings of disabled rules', () => {
    const { result } = wildcardState([wildcard], [storeAcceptance], today, {
      severity: { 'redirect-uri-wildcard': 'low' },
    });
    expect(result.accepted[0]?.finding.severity).toBe('low');
    expect(
      wildcardState([wildcard], [storeAcceptance], today, { disabledRules: ['redirect-uri-wildcard'] })
        .accepted,
    ).toEqual([]);
  });
});
