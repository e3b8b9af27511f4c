// A snapshot is a file that lives for months: it is redacted with the proxy's own rules, not a weaker list.
import { expect, it } from 'vitest';
import { emptyInventory } from './inventory.ts';
import { createSnapshot, toJsonExport } from './snapshot.ts';

it('redacts every secret-bearing field the proxy redacts, at any depth', () => {
  const inventory = emptyInventory();
  inventory.summaries = [{ id: 'c1', name: 'Client one' }];
  inventory.clientsById.set('c1', {
    id: 'c1',
    name: 'Client one',
    tokenPolicy: 'tp1',
    settings: { pwd: 'LEAK1', privateKeyPem: 'LEAK2', 'x-api-key': 'LEAK3', token: 'LEAK4' },
    jwks: { keys: [{ kty: 'RSA', n: 'public-modulus', e: 'AQAB', d: 'LEAK5', p: 'LEAK6', q: 'LEAK7' }] },
    credentials: { user: 'LEAK8' },
  });
  inventory.tokenPoliciesById.set('tp1', { id: 'tp1', accessTokenLifetime: 3600 });
  const text = toJsonExport(
    createSnapshot(inventory, {
      identityDomain: 'https://v1.api.us.janrain.com',
      customerId: '01000000-0000-3000-9000-000000000000',
      exportedAt: new Date('2026-01-01T00:00:00Z'),
    }),
  );
  expect(text).not.toMatch(/LEAK\d/);
  expect(text).toContain('public-modulus');
  expect(text).toContain('"accessTokenLifetime": 3600');
  expect(text).toContain('"tokenPolicy": "tp1"');
});
