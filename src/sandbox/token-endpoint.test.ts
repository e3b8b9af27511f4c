import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oauthErrorSchema, tokenResponseSchema } from '../identity-cloud/schemas.ts';
import { referenceClients } from './seed-special-clients.ts';
import { startSandbox } from './start-sandbox.ts';
import type { RunningSandbox } from './start-sandbox.ts';
import { basicAuthorization, getConfig, requestToken } from '../test-support/node/sandbox-http.ts';

let sandbox: RunningSandbox;

beforeEach(async () => {
  sandbox = await startSandbox({ quiet: true });
});
afterEach(async () => {
  await sandbox.close();
});

async function expectOAuthError(response: Response, status: number, error: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = oauthErrorSchema.parse(await response.json());
  expect(body.error).toBe(error);
  return body.error_description ?? '';
}

describe('POST /{customerId}/login/token', () => {
  it('answers the documented token response for an urlencoded body', async () => {
    const response = await requestToken(sandbox, { scope: '*:config/**' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = tokenResponseSchema.parse(await response.json());
    expect(body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{64}$/) as unknown,
      expires_in: 3600,
      token_type: 'Bearer',
      scope: '*:config/**',
    });
    expect(sandbox.stats().tokenExchanges).toBe(1);
  });

  it('accepts a multipart/form-data body, as the reference also shows', async () => {
    const form = new FormData();
    form.set('grant_type', 'client_credentials');
    form.set('scope', '*:config/**');
    const response = await requestToken(sandbox, { body: form });
    expect(response.status).toBe(200);
    const body = tokenResponseSchema.parse(await response.json());
    expect((await getConfig(sandbox, 'clients', body.access_token)).status).toBe(200);
  });

  it("grants the client's whole allowed scope when none is requested", async () => {
    const body = tokenResponseSchema.parse(await (await requestToken(sandbox)).json());
    expect(body.scope).toBe('*:config/**');
  });

  it('issues a different opaque token on every exchange', async () => {
    const tokens = await Promise.all(
      [1, 2, 3].map(
        async () => tokenResponseSchema.parse(await (await requestToken(sandbox)).json()).access_token,
      ),
    );
    expect(new Set(tokens).size).toBe(3);
  });

  it('grants a narrower requested scope, and the token is limited to it', async () => {
    const response = await requestToken(sandbox, { scope: 'GET:config/clients GET:config/clients/*' });
    const body = tokenResponseSchema.parse(await response.json());
    expect(body.scope).toBe('GET:config/clients GET:config/clients/*');
    expect((await getConfig(sandbox, 'clients', body.access_token)).status).toBe(200);
    expect((await getConfig(sandbox, 'loginPolicies', body.access_token)).status).toBe(403);
  });

  it('refuses a scope wider than allowed, or not in the grammar, with invalid_scope', async () => {
    sandbox.addConfigurationClient({
      clientId: 'narrow',
      clientSecret: 'narrow-secret',
      scope: 'GET:config/clients/**',
    });
    const narrow = { clientId: 'narrow', clientSecret: 'narrow-secret' };
    await expectOAuthError(
      await requestToken(sandbox, { ...narrow, scope: '*:config/**' }),
      400,
      'invalid_scope',
    );
    await expectOAuthError(
      await requestToken(sandbox, { ...narrow, scope: 'GET:config/**' }),
      400,
      'invalid_scope',
    );
    await expectOAuthError(await requestToken(sandbox, { scope: 'config/**' }), 400, 'invalid_scope');
    const granted = await requestToken(sandbox, { ...narrow, scope: 'GET:config/clients' });
    expect(granted.status).toBe(200);
    expect(sandbox.stats().tokenExchanges).toBe(1);
  });

  it('accepts credentials form-encoded before Basic encoding (RFC 6749 §2.3.1) as well as raw', async () => {
    const secret = 'p@ss w+rd:%x';
    sandbox.addConfigurationClient({ clientId: 'special', clientSecret: secret, scope: '*:config/**' });
    const encoded = basicAuthorization('special', encodeURIComponent(secret).replace(/%20/g, '+'));
    expect((await requestToken(sandbox, { authorization: encoded })).status).toBe(200);
    expect((await requestToken(sandbox, { clientId: 'special', clientSecret: secret })).status).toBe(200);
  });

  it('answers 401 invalid_client with a Basic challenge for wrong or missing credentials', async () => {
    const attempts = [
      await requestToken(sandbox, { clientSecret: 'wrong' }),
      await requestToken(sandbox, { clientId: 'unknown-client' }),
      await requestToken(sandbox, { authorization: null }),
      await requestToken(sandbox, { authorization: 'Basic !!!not-base64!!!' }),
      await requestToken(sandbox, { authorization: `Basic ${Buffer.from('no-colon').toString('base64')}` }),
      await requestToken(sandbox, {
        authorization: `Basic ${Buffer.from([0xff, 0xfe, 0x3a]).toString('base64')}`,
      }),
      await requestToken(sandbox, { authorization: 'Bearer something' }),
    ];
    for (const response of attempts) {
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      await expectOAuthError(response, 401, 'invalid_client');
    }
    expect(sandbox.stats().tokenExchanges).toBe(0);
  });

  it('refuses public clients, which cannot authenticate', async () => {
    const description = await expectOAuthError(
      await requestToken(sandbox, { clientId: referenceClients.training.id, clientSecret: 'anything' }),
      401,
      'invalid_client',
    );
    expect(description).toMatch(/public/i);
  });

  it('answers 400 for a missing or unsupported grant type', async () => {
    await expectOAuthError(
      await requestToken(sandbox, { body: 'scope=*:config/**' }),
      400,
      'invalid_request',
    );
    await expectOAuthError(
      await requestToken(sandbox, { body: 'grant_type=password&username=a&password=b' }),
      400,
      'unsupported_grant_type',
    );
    await expectOAuthError(
      await requestToken(sandbox, { body: 'grant_type=authorization_code&code=x' }),
      400,
      'unsupported_grant_type',
    );
  });

  it('answers 400 invalid_request for a body in another encoding or a broken multipart body', async () => {
    await expectOAuthError(
      await requestToken(sandbox, {
        body: '{"grant_type":"client_credentials"}',
        contentType: 'application/json',
      }),
      400,
      'invalid_request',
    );
    await expectOAuthError(
      await requestToken(sandbox, { body: 'garbage', contentType: 'multipart/form-data; boundary=xyz' }),
      400,
      'invalid_request',
    );
  });

  it('answers 413 for a body over 64 kB, without reading it all', async () => {
    const huge = `grant_type=client_credentials&padding=${'x'.repeat(70 * 1024)}`;
    await expectOAuthError(await requestToken(sandbox, { body: huge }), 413, 'invalid_request');
  });

  it('answers 405 with Allow: POST to other methods', async () => {
    const url = `${sandbox.identityDomain}/${sandbox.customerId}/login/token`;
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await fetch(url, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(await response.json()).toEqual({ errors: 'Method Not Allowed' });
    }
  });

  it('answers 404 with an errors string for an unknown customer', async () => {
    const response = await fetch(
      `${sandbox.identityDomain}/01000000-0000-3000-9000-00000000ffff/login/token`,
      {
        method: 'POST',
        headers: {
          authorization: basicAuthorization(sandbox.clientId, sandbox.clientSecret),
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      },
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: 'Customer not found' });
  });

  it('never echoes the secret in an error', async () => {
    const response = await requestToken(sandbox, { clientSecret: 'recognisable-wrong-secret' });
    expect(await response.text()).not.toContain('recognisable-wrong-secret');
  });
});
