import { describe, expect, it } from 'vitest';
import {
  buildInventory,
  confidentialClient,
  publicClient,
  referencedPolicies,
} from '../inventory-fixtures.ts';
import { clientSubject, evaluateInventory } from './evaluate-inventory.ts';
import { RedirectUriFindingsMemo } from './redirect-uri-findings-memo.ts';

const ruleIdsOf = (findings: readonly { ruleId: string; subject: { id: string } }[]) =>
  findings.map((finding) => `${finding.subject.id}: ${finding.ruleId}`);

describe('redirect-URI findings made ahead', () => {
  const clients = [
    publicClient('spa', ['http://shop.example.com/cb', 'https://shop.example.com/cb#x']),
    confidentialClient('web', ['javascript:alert(1)', 'http://localhost:8080/cb']),
    publicClient('clean'),
  ];

  it('gives evaluateInventory the findings it makes without them', () => {
    const inventory = buildInventory({ clients, ...referencedPolicies });
    const memo = new RedirectUriFindingsMemo();
    for (const client of inventory.clientsById.values()) memo.of(client, clientSubject(client));
    const withMemo = evaluateInventory(inventory, undefined, memo);
    expect(withMemo.all).toEqual(evaluateInventory(inventory).all);
    expect(ruleIdsOf(withMemo.all)).toContain('web: redirect-uri-dangerous-scheme');
  });

  it('evaluates afresh a client a later line replaced (the same id, another object)', () => {
    const memo = new RedirectUriFindingsMemo();
    for (const client of clients) memo.of(client, clientSubject(client));
    const changed = buildInventory({
      clients: [publicClient('spa'), confidentialClient('web', ['https://web.example.com/*'])],
      ...referencedPolicies,
    });
    const findings = evaluateInventory(changed, undefined, memo).all;
    expect(ruleIdsOf(findings)).toEqual(ruleIdsOf(evaluateInventory(changed).all));
    expect(ruleIdsOf(findings)).toContain('web: redirect-uri-wildcard');
    expect(ruleIdsOf(findings)).not.toContain('web: redirect-uri-dangerous-scheme');
  });

  it('names the subject it is asked for', () => {
    const memo = new RedirectUriFindingsMemo();
    const [spa] = clients;
    if (spa === undefined) throw new Error('no client');
    memo.of(spa, clientSubject(spa));
    const renamed = { kind: 'client' as const, id: 'spa', name: 'Shop (renamed)' };
    expect(memo.of(spa, renamed).map((finding) => finding.subject.name)).toEqual([
      'Shop (renamed)',
      'Shop (renamed)',
    ]);
  });
});
