import { describe, expect, it } from 'vitest';
import {
  clientListSchema,
  clientSchema,
  configErrorSchema,
  loginPolicyListSchema,
  loginPolicySchema,
  oauthErrorSchema,
  tokenPolicySchema,
  tokenResponseSchema,
} from './schemas.ts';

const referenceList = {
  total: 2,
  _embedded: {
    clients: [
      {
        id: 'b83fff95-a685-49db-a019-84d03275f7a0',
        name: 'Akamai Documentation Login Client',
        _links: {
          self: {
            href: '/01000000-0000-3000-9000-000000000000/config/clients/b83fff95-a685-49db-a019-84d03275f7a0',
          },
        },
      },
      {
        id: 'd4266439-dbb1-46ab-8976-1d192325b828',
        name: 'Akamai Training Login Client',
        _links: {
          self: {
            href: '/config/01000000-0000-3000-9000-000000000000/clients/d4266439-dbb1-46ab-8976-1d192325b828',
          },
        },
      },
    ],
  },
};

describe('HAL list schema', () => {
  it('reads the reference example, with either self-link shape', () => {
    const list = clientListSchema.parse(referenceList);
    expect(list.total).toBe(2);
    expect(list.items.map((item) => item.name)).toEqual([
      'Akamai Documentation Login Client',
      'Akamai Training Login Client',
    ]);
  });

  it('counts the items when total is absent, and treats a missing _embedded as empty', () => {
    expect(clientListSchema.parse({ _embedded: { clients: [{ id: 'a' }] } }).total).toBe(1);
    expect(clientListSchema.parse({ total: 0 })).toEqual({ total: 0, items: [] });
  });

  it('rejects items without an id, pointing at the item', () => {
    const result = clientListSchema.safeParse({ _embedded: { clients: [{ name: 'no id' }] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['_embedded', 'clients', 0, 'id']);
  });
});

describe('client schema', () => {
  it('keeps unknown fields and accepts null optional ones', () => {
    const client = clientSchema.parse({
      id: 'x',
      name: null,
      type: 'public',
      redirectURIs: null,
      loginPolicy: null,
      futureField: { nested: true },
    });
    expect(client).toMatchObject({ futureField: { nested: true }, redirectURIs: null });
  });
});

describe('documented example bodies', () => {
  it('reads the token response of the reference', () => {
    const example = {
      access_token: 'a8TgDYA9O2LbbLj4WjVw0ulHvgsOdCbJfHgPz2qGTfH0jq6mt6p6C3UvoRqt2Ea_',
      expires_in: 3600,
      token_type: 'Bearer',
      scope: '*:config/**',
    };
    expect(tokenResponseSchema.parse(example)).toEqual(example);
  });

  it('requires an access token in a token response', () => {
    expect(tokenResponseSchema.safeParse({ expires_in: 3600, token_type: 'Bearer' }).success).toBe(false);
    expect(tokenResponseSchema.safeParse({ access_token: '' }).success).toBe(false);
  });

  it('reads a client with every documented field, the application-client link included', () => {
    const example = {
      id: 'b83fff95-a685-49db-a019-84d03275f7a0',
      name: 'Akamai Documentation Login Client',
      type: 'confidential',
      redirectURIs: ['https://documentation.akamai.com/callback', 'com.example.app:/callback'],
      loginPolicy: '9fad3ab4-1342-4a43-8b2f-e7b3d4c5a1f0',
      tokenPolicy: 'd2a1b0c9-8e7f-4a6b-9c5d-4e3f2a1b0c9d',
      _links: {
        self: {
          href: '/01000000-0000-3000-9000-000000000000/config/clients/b83fff95-a685-49db-a019-84d03275f7a0',
        },
        applicationClient: { href: 'https://capture.example.com/apps/x/clients/y' },
      },
    };
    expect(clientSchema.parse(example)).toEqual(example);
  });

  it('reads login policy lists and a login policy with its connection secret and custom claims', () => {
    const list = loginPolicyListSchema.parse({
      total: 1,
      _embedded: {
        loginPolicies: [
          {
            id: '9fad3ab4-1342-4a43-8b2f-e7b3d4c5a1f0',
            title: 'Default',
            _links: { self: { href: '/c/config/loginPolicies/9fad3ab4-1342-4a43-8b2f-e7b3d4c5a1f0' } },
          },
        ],
      },
    });
    expect(list.items[0]?.title).toBe('Default');
    const policy = loginPolicySchema.parse({
      id: '9fad3ab4-1342-4a43-8b2f-e7b3d4c5a1f0',
      title: 'Default',
      loginURL: 'https://login.example.com/',
      identityStoreDetails: {
        type: 'janrainCapture',
        connectionDetails: {
          domain: 'example.us-dev.janraincapture.com',
          applicationId: 'abcdefghijklmnopqrstuvwxyz',
          entityType: 'user',
          clientId: '0123456789abcdef0123456789abcdef',
          clientSecret: 'fedcba9876543210fedcba9876543210',
        },
      },
      customClaims: { id_token: { email: 'email' } },
    });
    expect(policy.identityStoreDetails?.connectionDetails?.clientSecret).toBe(
      'fedcba9876543210fedcba9876543210',
    );
  });

  it('reads a token policy, including a configuration policy', () => {
    expect(
      tokenPolicySchema.parse({
        id: 't',
        title: 'Configuration',
        accessTokenLifetime: 3600,
        refreshTokenLifetime: 7776000,
        allowedScopes: ['*:config/**'],
        useAccessJWT: false,
      }).allowedScopes,
    ).toEqual(['*:config/**']);
  });

  it('reads the error bodies: errors as a string on /config, OAuth errors on the token endpoint', () => {
    expect(configErrorSchema.parse({ errors: 'Forbidden' })).toEqual({ errors: 'Forbidden' });
    expect(configErrorSchema.parse({ errors: '["name must be unique"]' }).errors).toBe(
      '["name must be unique"]',
    );
    expect(oauthErrorSchema.parse({ error: 'invalid_client', error_description: 'nope' }).error).toBe(
      'invalid_client',
    );
    expect(oauthErrorSchema.safeParse({ errors: 'Forbidden' }).success).toBe(false);
  });
});
