import { describe, expect, it } from 'vitest';
import { toClient, toClients, toLoginPolicy } from './routes.ts';

describe('route builders', () => {
  it('encode ids so that no id can change the path', () => {
    expect(toClient({ clientId: 'a/b?c' })).toBe('/clients/a%2Fb%3Fc');
    expect(toLoginPolicy({ policyId: 'p 1' })).toBe('/policies/login/p%201');
  });

  it('keep the list filters in the query string', () => {
    expect(toClients(new URLSearchParams({ q: 'web', kind: 'public' }))).toBe('/clients?q=web&kind=public');
    expect(toClients()).toBe('/clients');
  });
});
