// A snapshot file nested thousands deep used to parse, then overflow the stack of the drift page's comparison.
import { expect, it } from 'vitest';
import { emptyInventory } from './inventory.ts';
import { createSnapshot, parseSnapshot } from './snapshot.ts';

function snapshotWithClientField(field: string): string {
  const inventory = emptyInventory();
  inventory.summaries = [{ id: 'c1', name: 'one' }];
  inventory.clientsById.set('c1', { id: 'c1', name: 'one' });
  const snapshot = createSnapshot(inventory, {
    identityDomain: 'https://v1.api.us.janrain.com',
    customerId: '01000000-0000-3000-9000-000000000000',
    exportedAt: new Date('2026-01-01T00:00:00Z'),
  });
  const client = snapshot.clients[0];
  if (client === undefined) throw new Error('no client');
  client.extra = 'FIELD';
  return JSON.stringify(snapshot).replace('"FIELD"', field);
}

it('refuses a snapshot nested 5,000 deep with a sentence, without overflowing', () => {
  const text = snapshotWithClientField(`${'['.repeat(5_000)}${']'.repeat(5_000)}`);
  expect(parseSnapshot(text)).toEqual({
    success: false,
    error: expect.stringMatching(/^This file is nested deeper than 64 levels/) as unknown,
  });
});

it('still reads an ordinary snapshot', () => {
  expect(parseSnapshot(snapshotWithClientField('{"a":{"b":1}}')).success).toBe(true);
});
