import { describe, expect, it } from 'vitest';
import { isSecretKey, JsonTooDeepError, maxJsonDepth, redactedValue, redactSecrets } from './redact.ts';

describe('redactSecrets', () => {
  it('redacts every property named like a secret, at any depth, in any case', () => {
    const input = {
      id: 'p1',
      secret: 's1',
      clientSecret: 's2',
      client_secret: 's3',
      CLIENT_SECRET: 's4',
      access_token: 's5',
      accessToken: 's6',
      password: 's7',
      adminPassword: 's8',
      refresh_token: 's9',
      identityStoreDetails: { connectionDetails: { clientId: 'visible', clientSecret: 's10' } },
      list: [{ secretHash: 's11' }, { name: 'visible' }],
    };
    const output = redactSecrets(input) as typeof input;
    const text = JSON.stringify(output);
    for (let index = 1; index <= 11; index += 1) expect(text).not.toContain(`"s${index}"`);
    expect(output.identityStoreDetails.connectionDetails).toEqual({
      clientId: 'visible',
      clientSecret: redactedValue,
    });
    expect(output.list[1]).toEqual({ name: 'visible' });
    expect(output.id).toBe('p1');
  });

  it('keeps settings that merely mention tokens or secrets inside a longer name', () => {
    expect(isSecretKey('accessTokenLifetime')).toBe(false);
    expect(isSecretKey('refreshTokenLifetime')).toBe(false);
    expect(isSecretKey('tokenPolicy')).toBe(false);
    expect(isSecretKey('useAccessJWT')).toBe(false);
    const policy = { accessTokenLifetime: 3600, refreshTokenLifetime: 7776000 };
    expect(redactSecrets(policy)).toEqual(policy);
  });

  it('redacts string values equal to a known sensitive value, wherever they appear', () => {
    const output = redactSecrets(
      { note: 'the-session-token', nested: ['the-session-token', 'other'] },
      new Set(['the-session-token']),
    );
    expect(output).toEqual({ note: redactedValue, nested: [redactedValue, 'other'] });
  });

  it('leaves null secrets alone and does not mutate its input', () => {
    const input = { clientSecret: null, deep: { password: 'x' } };
    expect(redactSecrets(input)).toEqual({ clientSecret: null, deep: { password: redactedValue } });
    expect(input.deep.password).toBe('x');
  });

  it('refuses bodies nested deeper than the limit instead of overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < maxJsonDepth + 5; level += 1) deep = { next: deep };
    expect(() => redactSecrets(deep)).toThrow(JsonTooDeepError);
    let hostile: unknown = [];
    for (let level = 0; level < 100_000; level += 1) hostile = [hostile];
    expect(() => redactSecrets(hostile)).toThrow(JsonTooDeepError);
  });
});
