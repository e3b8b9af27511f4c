import { describe, expect, it } from 'vitest';
import { buildInventory, publicClient } from '../../identity-cloud/inventory-fixtures.ts';
import { findingsOf, streamingEvaluationIntervalMs, wasChecked } from './inventory-findings.ts';
import { snapshotOf } from './inventory-snapshot.ts';

describe('findingsOf', () => {
  const inventory = buildInventory({
    clients: [
      publicClient('a', ['http://app.example.com/cb']),
      publicClient('b', ['https://b.example.com/cb']),
    ],
  });

  it('evaluates one published inventory once, whoever asks', () => {
    const snapshot = snapshotOf(inventory, true);
    const first = findingsOf(snapshot, false);
    expect(findingsOf(snapshot, false)).toBe(first);
    expect(first.findings.byClientId.get('a')?.map((finding) => finding.ruleId)).toEqual([
      'redirect-uri-plain-http',
    ]);
  });

  it('while streaming, lets a recent evaluation stand in for a newer publish, and says what it checked', () => {
    const partial = buildInventory({
      clients: [publicClient('a', ['http://app.example.com/cb'])],
      extraSummaries: [{ id: 'b', name: 'b' }],
      finished: false,
    });
    const early = snapshotOf(partial, false);
    const earlyFindings = findingsOf(early, true, undefined, 10_000);
    const later = { ...early, inventory: { ...early.inventory, clientsById: inventory.clientsById } };
    expect(findingsOf(later, true, undefined, 10_000 + streamingEvaluationIntervalMs / 2)).toBe(
      earlyFindings,
    );
    expect(wasChecked(earlyFindings, 'a')).toBe(true);
    expect(wasChecked(earlyFindings, 'b')).toBe(false);
    const fresh = findingsOf(later, true, undefined, 10_000 + streamingEvaluationIntervalMs);
    expect(fresh).not.toBe(earlyFindings);
    expect(wasChecked(fresh, 'b')).toBe(true);
  });
});

describe('findingsOf with the audit policy', () => {
  it('evaluates again under a new policy, and applies it', () => {
    const inventory = buildInventory({ clients: [publicClient('a', ['http://app.example.com/cb'])] });
    const snapshot = snapshotOf(inventory, true);
    const generic = findingsOf(snapshot, false);
    const audit = { policy: { disabledRules: ['redirect-uri-plain-http' as const] }, now: new Date() };
    const withPolicy = findingsOf(snapshot, false, audit);
    expect(withPolicy).not.toBe(generic);
    expect(generic.findings.byClientId.get('a')?.map((finding) => finding.ruleId)).toEqual([
      'redirect-uri-plain-http',
    ]);
    expect(withPolicy.findings.byClientId.has('a')).toBe(false);
    expect(findingsOf(snapshot, false, audit)).toBe(withPolicy);
  });
});
