import { describe, expect, it } from 'vitest';
import { emptyInventory } from '../../../identity-cloud/inventory.ts';
import { findingsOf } from '../../../lib/inventory/inventory-findings.ts';
import { snapshotOf } from '../../../lib/inventory/inventory-snapshot.ts';
import { compareSortKeys, textSortKey, toClientRows } from './client-rows.ts';

describe('client rows', () => {
  const summaries = [
    { id: 'a', name: 'Zoë app' },
    { id: 'b', name: 'zoe portal' },
  ];

  function inventoryWith(clients: { id: string; name: string; type: string; loginPolicy?: string }[]) {
    const inventory = emptyInventory();
    inventory.summaries = summaries;
    inventory.total = summaries.length;
    for (const client of clients) inventory.clientsById.set(client.id, client);
    return inventory;
  }

  it('derives a row per summary, pending until its details arrive', () => {
    const rows = toClientRows(
      snapshotOf(inventoryWith([{ id: 'a', name: 'Zoë app', type: 'public' }]), false),
    );
    expect(rows.map((row) => [row.id, row.status, row.kindLabel])).toEqual([
      ['a', 'loaded', 'Public'],
      ['b', 'pending', ''],
    ]);
  });

  it('keeps the row objects whose inputs did not change from one publish to the next', () => {
    const inventory = inventoryWith([{ id: 'a', name: 'Zoë app', type: 'public' }]);
    const first = toClientRows(snapshotOf(inventory, false));
    inventory.clientsById.set('b', { id: 'b', name: 'zoe portal', type: 'confidential', loginPolicy: 'p' });
    const second = toClientRows(snapshotOf(inventory, false));
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.loginPolicy).toEqual({ id: 'p', title: null, problem: 'unreadable' });
    inventory.loginPoliciesById.set('p', { id: 'p', title: 'Portal sign-in' });
    const third = toClientRows(snapshotOf(inventory, false));
    expect(third[1]?.loginPolicyTitle).toBe('Portal sign-in');
  });

  const publicClientRedirectingTo = (uri: string) => ({
    id: 'a',
    name: 'Zoë app',
    type: 'public',
    redirectURIs: [uri],
  });

  it('keeps a row when a new evaluation finds the same findings, not when they change', () => {
    const inventory = inventoryWith([
      { id: 'a', name: 'Zoë app', type: 'public' },
      { id: 'b', name: 'zoe portal', type: 'confidential' },
    ]);
    inventory.clientsById.set('a', publicClientRedirectingTo('http://app.example'));
    const snapshot = snapshotOf(inventory, true);
    const first = toClientRows(snapshot, findingsOf(snapshot, false));
    const again = snapshotOf(inventory, true);
    const evaluatedAgain = findingsOf(again, false);
    expect(evaluatedAgain.findings.byClientId.get('a')).not.toBe(
      findingsOf(snapshot, false).findings.byClientId.get('a'),
    );
    const second = toClientRows(again, evaluatedAgain);
    expect(second[0]).toBe(first[0]);
    expect(second[0]?.findingsCount).toBeGreaterThan(0);

    inventory.clientsById.set('a', publicClientRedirectingTo('https://app.example'));
    const changed = snapshotOf(inventory, true);
    const third = toClientRows(changed, findingsOf(changed, false));
    expect(third[0]).not.toBe(first[0]);
    expect(third[0]?.findingsCount).not.toBe(first[0]?.findingsCount);
    expect(third[1]).toBe(first[1]);
  });

  it('sorts text ignoring case and accents, with a plain comparator', () => {
    const names = ['zoe portal', 'Zoë app', 'Adam', 'émile'];
    const sorted = [...names].sort((a, b) => compareSortKeys(textSortKey(a), textSortKey(b)));
    expect(sorted).toEqual(['Adam', 'émile', 'Zoë app', 'zoe portal']);
  });
});
