import { describe, expect, it } from 'vitest';
import { classifyClient } from '../identity-cloud/client-kind.ts';
import {
  clientListSchema,
  clientSchema,
  configErrorSchema,
  loginPolicyListSchema,
  loginPolicySchema,
  tokenPolicyListSchema,
  tokenPolicySchema,
} from '../identity-cloud/schemas.ts';
import { referenceClients } from './seed-special-clients.ts';
import { startSandbox } from './start-sandbox.ts';
import type { RunningSandbox } from './start-sandbox.ts';
import {
  accessToken,
  configUrl,
  getConfig,
  requestToken,
  sandboxForEachTest,
} from '../test-support/node/sandbox-http.ts';

let sandbox: RunningSandbox;
let token: string;
sandboxForEachTest((started, startedToken) => {
  sandbox = started;
  token = startedToken;
});

async function expectConfigError(response: Response, status: number, errors: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(configErrorSchema.parse(await response.json())).toEqual({ errors });
}

describe('configuration lists', () => {
  it('lists every client as HAL summaries with a total, the reference examples included', async () => {
    const response = await getConfig(sandbox, 'clients', token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const raw = (await response.json()) as { total: number; _embedded: { clients: unknown[] } };
    const list = clientListSchema.parse(raw);
    expect(list.total).toBe(60);
    expect(list.items).toHaveLength(60);
    expect(Object.keys(raw)).toEqual(['total', '_embedded']);
    const documentation = list.items.find((item) => item.id === referenceClients.documentation.id);
    expect(documentation).toEqual({
      id: referenceClients.documentation.id,
      name: referenceClients.documentation.name,
      _links: {
        self: { href: `/${sandbox.customerId}/config/clients/${referenceClients.documentation.id}` },
      },
    });
    expect(list.items.map((item) => item.id)).toEqual(sandbox.data.clients.map((client) => client.id));
  });

  it('lists login and token policies as summaries with titles', async () => {
    const logins = loginPolicyListSchema.parse(
      await (await getConfig(sandbox, 'loginPolicies', token)).json(),
    );
    expect(logins.total).toBe(sandbox.data.loginPolicies.length);
    expect(logins.items[0]).toEqual({
      id: sandbox.data.loginPolicies[0]?.id,
      title: sandbox.data.loginPolicies[0]?.title,
      _links: sandbox.data.loginPolicies[0]?._links,
    });
    const tokens = tokenPolicyListSchema.parse(
      await (await getConfig(sandbox, 'tokenPolicies', token)).json(),
    );
    expect(tokens.items.map((item) => item.title)).toEqual(
      sandbox.data.tokenPolicies.map((policy) => policy.title),
    );
  });
});

describe('configuration items', () => {
  it('answers each client in full, classifiable by the documented rule', async () => {
    const configuration = clientSchema.parse(
      await (await getConfig(sandbox, `clients/${sandbox.clientId}`, token)).json(),
    );
    expect(classifyClient(configuration)).toBe('configuration');
    const documentation = clientSchema.parse(
      await (await getConfig(sandbox, `clients/${referenceClients.documentation.id}`, token)).json(),
    );
    expect(documentation).toEqual(sandbox.data.clients.find((client) => client.id === documentation.id));
    expect(classifyClient(documentation)).toBe('confidential');
    expect(JSON.stringify(documentation)).not.toMatch(/secret/i);
  });

  it('answers login policies with their connection secret, and token policies', async () => {
    const [login] = sandbox.data.loginPolicies;
    const [tokenPolicy] = sandbox.data.tokenPolicies;
    const loginBody = loginPolicySchema.parse(
      await (await getConfig(sandbox, `loginPolicies/${login?.id ?? ''}`, token)).json(),
    );
    expect(loginBody.identityStoreDetails?.connectionDetails?.clientSecret).toBe(
      login?.identityStoreDetails.connectionDetails.clientSecret,
    );
    const tokenBody = tokenPolicySchema.parse(
      await (await getConfig(sandbox, `tokenPolicies/${tokenPolicy?.id ?? ''}`, token)).json(),
    );
    expect(tokenBody).toEqual(tokenPolicy);
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await getConfig(sandbox, 'clients', token, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['clients', 'Client not found'],
    ['loginPolicies', 'Login policy not found'],
    ['tokenPolicies', 'Token policy not found'],
  ])('answers 404 with an errors string for an unknown %s id', async (collection, errors) => {
    await expectConfigError(
      await getConfig(sandbox, `${collection}/00000000-0000-4000-8000-000000000000`, token),
      404,
      errors,
    );
  });

  it('answers 404 for an unknown customer, before looking at the token', async () => {
    const url = `${sandbox.identityDomain}/01000000-0000-3000-9000-00000000ffff/config/clients`;
    await expectConfigError(
      await fetch(url, { headers: { authorization: `Bearer ${token}` } }),
      404,
      'Customer not found',
    );
    await expectConfigError(await fetch(url), 404, 'Customer not found');
  });

  it('answers 405 with Allow to writes, which the sandbox does not implement', async () => {
    for (const [method, path] of [
      ['POST', 'clients'],
      ['PUT', `clients/${sandbox.clientId}`],
      ['DELETE', `clients/${sandbox.clientId}`],
      ['PATCH', 'loginPolicies'],
      ['POST', 'tokenPolicies'],
    ] as const) {
      const response = await getConfig(sandbox, path, token, { method });
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      await expectConfigError(response, 405, 'Method Not Allowed');
    }
    expect((await getConfig(sandbox, 'clients', token)).status).toBe(200);
  });

  it('answers 404 to paths it does not know under the customer', async () => {
    await expectConfigError(await getConfig(sandbox, 'applications', token), 404, 'Not Found');
    await expectConfigError(
      await getConfig(sandbox, `clients/${sandbox.clientId}/secret`, token),
      404,
      'Not Found',
    );
  });
});

describe('bearer authentication and scope on /config', () => {
  it('answers 401 with a Bearer challenge without a token, with a malformed one, or with an unknown one', async () => {
    const url = configUrl(sandbox, 'clients');
    for (const authorization of [
      undefined,
      '',
      'Bearer',
      'Bearer a b',
      'Basic abc',
      `Token ${token}`,
      'Bearer unknown-token',
    ]) {
      const response = await fetch(url, { headers: authorization === undefined ? {} : { authorization } });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      await expectConfigError(response, 401, 'Unauthorized');
    }
  });

  it('answers 403 {"errors":"Forbidden"} once the token has expired, as documented', async () => {
    sandbox.update({ tokenLifetimeSeconds: 1 });
    const shortLived = await accessToken(sandbox);
    expect((await getConfig(sandbox, 'clients', shortLived)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await expectConfigError(await getConfig(sandbox, 'clients', shortLived), 403, 'Forbidden');
    expect((await getConfig(sandbox, 'clients', await accessToken(sandbox))).status).toBe(200);
  });

  it('reports the lifetime it applies in expires_in', async () => {
    sandbox.update({ tokenLifetimeSeconds: 5 });
    const response: unknown = await (await requestToken(sandbox)).json();
    expect(response).toMatchObject({ expires_in: 5 });
  });

  it('answers 403 {"errors":"Forbidden"} to revoked tokens, and new ones work', async () => {
    sandbox.revokeTokens();
    await expectConfigError(await getConfig(sandbox, 'clients', token), 403, 'Forbidden');
    expect((await getConfig(sandbox, 'clients', await accessToken(sandbox))).status).toBe(200);
  });

  it('answers 403 naming the endpoint when the scope does not cover it', async () => {
    const clientsOnly = await accessToken(sandbox, { scope: 'GET:config/clients' });
    expect((await getConfig(sandbox, 'clients', clientsOnly)).status).toBe(200);
    await expectConfigError(
      await getConfig(sandbox, `clients/${sandbox.clientId}`, clientsOnly),
      403,
      'Insufficient scope for GET config/clients/{id}',
    );
    await expectConfigError(
      await getConfig(sandbox, 'loginPolicies', clientsOnly),
      403,
      'Insufficient scope for GET config/loginPolicies',
    );
  });

  it('seeds a second, read-only configuration client limited to the clients endpoints', async () => {
    const [, second] = sandbox.data.configurationClients;
    if (!second) throw new Error('the default tenant has a second configuration client');
    const narrow = await accessToken(sandbox, {
      clientId: second.clientId,
      clientSecret: second.clientSecret,
    });
    expect((await getConfig(sandbox, `clients/${sandbox.clientId}`, narrow)).status).toBe(200);
    expect((await getConfig(sandbox, 'tokenPolicies', narrow)).status).toBe(403);
  });

  it('uses the allowed scope given at start', async () => {
    const readOnly = await startSandbox({ quiet: true, scope: 'GET:config/clients/**' });
    try {
      const response = await requestToken(readOnly);
      const { access_token: granted, scope } = (await response.json()) as {
        access_token: string;
        scope: string;
      };
      expect(scope).toBe('GET:config/clients/**');
      expect((await getConfig(readOnly, 'clients', granted)).status).toBe(200);
      expect((await getConfig(readOnly, 'loginPolicies', granted)).status).toBe(403);
    } finally {
      await readOnly.close();
    }
  });
});

describe('changing the data at runtime', () => {
  it('deleteClient removes the client from the list and its detail answers 404', async () => {
    const victim = referenceClients.training.id;
    sandbox.deleteClient(victim);
    const list = clientListSchema.parse(await (await getConfig(sandbox, 'clients', token)).json());
    expect(list.total).toBe(59);
    expect(list.items.some((item) => item.id === victim)).toBe(false);
    await expectConfigError(await getConfig(sandbox, `clients/${victim}`, token), 404, 'Client not found');
    expect(sandbox.data.clients).toHaveLength(59);
    expect(() => sandbox.deleteClient(victim)).toThrow(RangeError);
  });

  it('addConfigurationClient adds a credential and a configuration client to the list', async () => {
    sandbox.addConfigurationClient({
      clientId: 'audit-bot',
      clientSecret: 'audit-secret',
      scope: 'GET:config/**',
    });
    const auditToken = await accessToken(sandbox, { clientId: 'audit-bot', clientSecret: 'audit-secret' });
    const client = clientSchema.parse(
      await (await getConfig(sandbox, 'clients/audit-bot', auditToken)).json(),
    );
    expect(classifyClient(client)).toBe('configuration');
    const list = clientListSchema.parse(await (await getConfig(sandbox, 'clients', token)).json());
    expect(list.total).toBe(61);
    expect(() => {
      sandbox.addConfigurationClient({ clientId: 'bad', clientSecret: 'x', scope: 'not a scope' });
    }).toThrow(RangeError);
  });
});
