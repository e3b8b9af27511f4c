import { describe, expect, it } from 'vitest';
import { parseSessionFacts, sessionExpiry, shortCustomerId } from './session-facts.ts';

describe('session facts', () => {
  it('reads the proxy’s facts, tolerating extra fields and a missing scope', () => {
    const facts = parseSessionFacts({
      identityDomain: 'https://v1.api.eu.janrain.com',
      customerId: '01000000-0000-3000-9000-000000000000',
      clientId: 'config',
      expiresAt: '2030-01-01T00:00:00.000Z',
      source: 'server',
      extra: true,
    });
    expect(facts).toEqual({
      identityDomain: 'https://v1.api.eu.janrain.com',
      customerId: '01000000-0000-3000-9000-000000000000',
      clientId: 'config',
      scope: null,
      expiresAt: '2030-01-01T00:00:00.000Z',
      source: 'server',
    });
    expect(facts && sessionExpiry(facts)?.getUTCFullYear()).toBe(2030);
  });

  it('refuses an answer without the three ids', () => {
    expect(parseSessionFacts({ identityDomain: 'x', customerId: 'y' })).toBeNull();
    expect(parseSessionFacts('nope')).toBeNull();
  });

  it('shortens a customer id for the app bar', () => {
    expect(shortCustomerId('01000000-0000-3000-9000-000000000000')).toBe('01000000…');
  });
});
