import { describe, expect, it } from 'vitest';
import { toClient, toClients } from './routes.ts';

describe('client route builders', () => {
  it('encode ids so that no id can change the path', () => {
    expect(toClient({ clientId: 'a/b?c' })).toBe('/clients/a%2Fb%3Fc');
  });

  it('keep the list filters in the query string', () => {
    expect(toClients(new URLSearchParams({ q: 'web', kind: 'public' }))).toBe('/clients?q=web&kind=public');
    expect(toClients()).toBe('/clients');
  });
});
