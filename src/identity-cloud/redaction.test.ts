import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  isSecretKey,
  JsonTooDeepError,
  maxJsonDepth,
  redactedValue,
  redactSecrets,
} from './redaction.ts';

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

  it("keeps a login policy's claim sets, which are named after the tokens they fill but hold claim mappings", () => {
    const claims = {
      id_token: { email: 'email', given_name: 'givenName' },
      access_token: { groups: 'groups' },
    };
    expect(redactSecrets({ customClaims: claims })).toEqual({ customClaims: claims });
    // A token-named value that is not a claim set, there or anywhere else, is still hidden; so is a secret-named
    // key inside a claim set, and a known secret value.
    expect(
      redactSecrets(
        {
          customClaims: {
            id_token: 'eyJhbGciOi.x.y',
            access_token: { password: 'p', groups: 'the-session-token' },
            client_secret: { value: 's' },
          },
          id_token: { email: 'email' },
        },
        ['the-session-token'],
      ),
    ).toEqual({
      customClaims: {
        id_token: redactedValue,
        access_token: { password: redactedValue, groups: redactedValue },
        client_secret: redactedValue,
      },
      id_token: redactedValue,
    });
  });

  it('redacts string values equal to a known sensitive value, wherever they appear', () => {
    const output = redactSecrets({ note: 'the-session-token', nested: ['the-session-token', 'other'] }, [
      'the-session-token',
    ]);
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

describe('the gaps an attacker found', () => {
  it('redacts the secret-bearing spellings that used to pass', () => {
    const keys = [
      'token',
      'access-token',
      'x-api-key',
      'privateKeyPem',
      'pwd',
      'passphrase',
      'credentials',
      'd',
      'p',
      'q',
      'dp',
      'dq',
      'qi',
      'k',
      'ｓｅｃｒｅｔ', // fullwidth
      '𝐬𝐞𝐜𝐫𝐞𝐭', // mathematical bold
      'ѕесrеt', // Cyrillic look-alikes
      'se\u200bcret', // zero-width space
      'sécret',
      'Client.Secret',
    ];
    for (const key of keys) expect(isSecretKey(key), key).toBe(true);
    const output = JSON.stringify(redactSecrets(Object.fromEntries(keys.map((key) => [key, 'LEAK']))));
    expect(output).not.toContain('LEAK');
  });

  it('keeps lifetimes and references that merely mention a secret word', () => {
    for (const key of [
      'accessTokenLifetime',
      'refresh_token_lifetime',
      'idTokenTTL',
      'tokenPolicy',
      'tokenEndpointAuthMethod',
      'id',
      'name',
      'redirectURIs',
    ]) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it('finds a known value inside longer strings: raw, URL-encoded, base64 at any alignment, a Basic pair', () => {
    const token = 'eyJhbGciOi.session-token-value_0123456789';
    const secret = 'p@ss:word with spaces/and+plus';
    const redactor = createRedactor([token, secret]);
    const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    const hostile = [
      `auth was Bearer ${token} ok`,
      `callback?secret=${encodeURIComponent(secret)}&x=1`,
      `form: ${encodeURIComponent(secret).replace(/%20/g, '+')}`,
      `Basic ${base64(`config-client:${secret}`)}`,
      `Basic ${base64(`id:${encodeURIComponent(secret)}`)}`,
      base64(`a${token}`),
      base64(`ab${token}tail`),
      base64(`xy${token}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''),
    ];
    for (const text of hostile) {
      const output = JSON.stringify(redactor.value({ note: text }));
      expect(output, text).toContain(redactedValue);
      expect(output).not.toContain(token.slice(0, 20));
    }
    expect(redactor.text('nothing secret here')).toBe('nothing secret here');
  });
});
