import { describe, expect, it } from 'vitest';
import type { Inventory } from './inventory.ts';
import { applyInventoryLine, emptyInventory, freshClientCount, reloadingInventory } from './inventory.ts';
import {
  buildInventory,
  confidentialClient,
  loginPolicyA,
  loginPolicyB,
  publicClient,
  tokenPolicyA,
} from './inventory-fixtures.ts';
import type { InventoryLine } from './inventory-stream.ts';

function fold(inventory: Inventory, lines: InventoryLine[]): Inventory {
  for (const line of lines) applyInventoryLine(inventory, line);
  return inventory;
}

const a = publicClient('a');
const b = confidentialClient('b', undefined, { loginPolicy: 'lp-b' });
const c = publicClient('c');

function previousLoad(): Inventory {
  return buildInventory({
    clients: [a, b],
    loginPolicies: [loginPolicyA, loginPolicyB],
    tokenPolicies: [tokenPolicyA],
    extraSummaries: [{ id: 'x', name: 'Failed before' }],
    failures: [{ resource: 'client', id: 'x', status: 500 }],
  });
}

describe('applyInventoryLine', () => {
  it('folds a first load: names first, then details; a later success clears a failure', () => {
    const inventory = fold(emptyInventory(), [
      { kind: 'list', total: 2, clients: [{ id: 'a', name: a.name }, { id: 'c' }] },
      { kind: 'error', resource: 'client', id: 'c', status: 502, detail: 'upstream' },
    ]);
    expect(inventory.summaries.map((summary) => summary.id)).toEqual(['a', 'c']);
    expect(freshClientCount(inventory)).toBe(0);
    expect(inventory.failures.get('client:c')?.status).toBe(502);

    fold(inventory, [
      { kind: 'client', client: a },
      { kind: 'client', client: c },
      { kind: 'done', clients: 2, failed: 0, ms: 5 },
    ]);
    expect(freshClientCount(inventory)).toBe(2);
    expect(inventory.failures.size).toBe(0);
    expect(inventory.done).toEqual({ clients: 2, failed: 0, ms: 5 });
    expect(inventory.carriedOver.size).toBe(0);
  });
});

describe('reloadingInventory (Refresh)', () => {
  it('keeps the previous names and details on screen, counts none of them as read again, forgets failures', () => {
    const previous = previousLoad();
    const reloading = reloadingInventory(previous);
    expect(reloading.summaries).toBe(previous.summaries);
    expect([...reloading.clientsById.keys()]).toEqual(['a', 'b']);
    expect(reloading.loginPoliciesById.size).toBe(2);
    expect(freshClientCount(reloading)).toBe(0);
    expect(reloading.failures.size).toBe(0);
    expect(reloading.done).toBeNull();
    // The previous load is not touched.
    expect(previous.carriedOver.size).toBe(0);
    expect(previous.failures.size).toBe(1);
  });

  it('replaces each detail as its fresh copy arrives, and drops clients that left the list at once', () => {
    const reloading = reloadingInventory(previousLoad());
    const renamed = { ...a, name: 'Renamed' };
    fold(reloading, [
      { kind: 'list', total: 2, clients: [{ id: 'a' }, { id: 'c' }] },
      { kind: 'client', client: renamed },
    ]);
    expect(reloading.clientsById.get('a')?.name).toBe('Renamed');
    expect(reloading.clientsById.has('b')).toBe(false);
    expect(freshClientCount(reloading)).toBe(1);
    // Policies wait for the end of the stream: a client still to come may reference them.
    expect(reloading.loginPoliciesById.has('lp-b')).toBe(true);
  });

  it('lets a fresh failure replace the old copy, so the row says what happened now', () => {
    const reloading = fold(reloadingInventory(previousLoad()), [
      { kind: 'list', total: 2, clients: [{ id: 'a' }, { id: 'b' }] },
      { kind: 'error', resource: 'client', id: 'b', status: 404, detail: 'gone' },
    ]);
    expect(reloading.clientsById.has('b')).toBe(false);
    expect(reloading.failures.get('client:b')?.status).toBe(404);
    expect(reloading.clientsById.has('a')).toBe(true);
  });

  it('at the end, drops whatever was not read again (a policy no client uses any more)', () => {
    const reloading = fold(reloadingInventory(previousLoad()), [
      { kind: 'list', total: 1, clients: [{ id: 'a' }] },
      { kind: 'client', client: a },
      { kind: 'loginPolicy', policy: loginPolicyA },
      { kind: 'tokenPolicy', policy: tokenPolicyA },
      { kind: 'done', clients: 1, failed: 0, ms: 3 },
    ]);
    expect([...reloading.loginPoliciesById.keys()]).toEqual(['lp-a']);
    expect([...reloading.tokenPoliciesById.keys()]).toEqual(['tp-a']);
    expect(reloading.carriedOver.size).toBe(0);
    expect(freshClientCount(reloading)).toBe(1);
  });
});
