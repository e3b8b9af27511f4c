// Risks accepted in the dashboard, from the stored record to the evaluation: accepted, expired, the matched
// value changed, revoked; and the request's checks, each naming its field.
import { describe, expect, it } from 'vitest';
import {
  evaluateSpa,
  policyFileAcceptance,
  storedWildcardAcceptance,
  wildcard,
} from './acceptance-fixtures.ts';
import type { AuditPolicy } from './audit-policy.ts';
import {
  acceptancesFromStore,
  checkAcceptanceRequest,
  defaultExpiry,
  latestExpiry,
  type StoredAcceptance,
} from './stored-acceptance.ts';

const stored: StoredAcceptance = {
  id: 'a1',
  rule: 'redirect-uri-wildcard',
  clientId: 'spa',
  clientName: 'Public spa',
  value: wildcard,
  reason: 'Preview deployments, reviewed by security',
  owner: 'security@example.com',
  acceptedBy: 'alice@example.com',
  acceptedAt: '2026-12-01T10:00:00.000Z',
  expires: '2027-03-01',
};

function state(uris: string[], standing: StoredAcceptance[], now: Date, policy: AuditPolicy = {}) {
  const { result, open } = evaluateSpa(uris, acceptancesFromStore(standing), now, policy);
  return { open, accepted: result.accepted.map((entry) => entry.acceptance) };
}

const day = new Date('2026-12-02T12:00:00Z');

describe('a stored acceptance through its lifecycle', () => {
  it('accepted: the finding is no longer open and carries who, why and until when', () => {
    expect(state([wildcard], [], day).open).toBe(1);
    const { open, accepted } = state([wildcard], [stored], day);
    expect(open).toBe(0);
    expect(accepted).toEqual([storedWildcardAcceptance]);
  });

  it('expired: open again the day after its last day', () => {
    expect(state([wildcard], [stored], new Date('2027-03-01T23:59:59Z')).open).toBe(0);
    expect(state([wildcard], [stored], new Date('2027-03-02T00:00:00Z'))).toEqual({ open: 1, accepted: [] });
  });

  it('value changed: a different redirect URI is a new, open finding', () => {
    expect(state(['https://*.staging.example.com/cb'], [stored], day)).toEqual({ open: 1, accepted: [] });
  });

  it('revoked: no longer standing, the finding is open again', () => {
    expect(state([wildcard], [stored], day).open).toBe(0);
    expect(state([wildcard], [], day)).toEqual({ open: 1, accepted: [] });
  });

  it('without a value: every finding of the rule on that client', () => {
    const anyValue = { ...stored, value: null };
    expect(state([wildcard, 'https://*.staging.example.com/cb'], [anyValue], day).open).toBe(0);
  });

  it('beside the policy file: the file’s acceptance is the one shown for the same finding', () => {
    const policy = policyFileAcceptance('ciso@example.com', '2027-06-30');
    expect(state([wildcard], [stored], day, policy).accepted.map((entry) => entry.source)).toEqual([
      'policy-file',
    ]);
  });
});

describe('an acceptance request', () => {
  const request = {
    rule: 'redirect-uri-wildcard',
    clientId: 'spa',
    clientName: 'Public spa',
    value: wildcard,
    reason: 'Preview deployments',
    owner: 'security@example.com',
    expires: '2027-03-01',
  };
  const context = { today: '2026-12-02', ownerRequired: true };

  it('passes with every field, and trims the texts', () => {
    const checked = checkAcceptanceRequest({ ...request, reason: '  Preview deployments ' }, context);
    expect(checked).toEqual({ ok: true, request: { ...request, reason: 'Preview deployments' } });
  });

  it('names each field that is wrong, once', () => {
    const checked = checkAcceptanceRequest(
      { ...request, reason: '', owner: undefined, expires: '2026-12-01', rule: 'nope' },
      context,
    );
    expect(checked).toEqual({
      ok: false,
      errors: [
        { field: 'rule', message: 'must be a rule id (see docs/findings.md)' },
        { field: 'reason', message: 'Say why the risk is accepted.' },
        { field: 'owner', message: 'Say who owns the risk.' },
        { field: 'expires', message: 'must not be in the past' },
      ],
    });
  });

  it('takes today and the same day next year, and nothing after', () => {
    expect(checkAcceptanceRequest({ ...request, expires: '2026-12-02' }, context).ok).toBe(true);
    expect(checkAcceptanceRequest({ ...request, expires: '2027-12-02' }, context).ok).toBe(true);
    expect(checkAcceptanceRequest({ ...request, expires: '2027-12-03' }, context)).toEqual({
      ok: false,
      errors: [{ field: 'expires', message: 'must be at most one year ahead (2027-12-02 or before)' }],
    });
    expect(checkAcceptanceRequest({ ...request, expires: 'next week' }, context)).toMatchObject({
      ok: false,
      errors: [{ field: 'expires', message: 'must be a date written YYYY-MM-DD' }],
    });
  });

  it('needs no owner when the signed-in person owns it', () => {
    const withoutOwner = { ...request, owner: undefined };
    expect(checkAcceptanceRequest(withoutOwner, { ...context, ownerRequired: false }).ok).toBe(true);
  });

  it('reads an empty matched value as none', () => {
    const checked = checkAcceptanceRequest({ ...request, value: '' }, context);
    expect(checked.ok && checked.request.value).toBeNull();
  });

  it('has a year at most, 29 February included, and a default of 90 days', () => {
    expect(latestExpiry('2028-02-29')).toBe('2029-02-28');
    expect(latestExpiry('2026-12-02')).toBe('2027-12-02');
    expect(defaultExpiry('2026-12-02')).toBe('2027-03-02');
  });
});
