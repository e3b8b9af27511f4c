import { describe, expect, it } from 'vitest';
import { classifyClient } from '../identity-cloud/client-kind.ts';
import { evaluateInventory } from '../identity-cloud/findings/evaluate-inventory.ts';
import { ruleIds } from '../identity-cloud/findings/rule-catalogue.ts';
import { emptyInventory } from '../identity-cloud/inventory.ts';
import { clientSchema, loginPolicySchema, tokenPolicySchema } from '../identity-cloud/schemas.ts';
import { referenceClients } from './seed-special-clients.ts';
import { seedTenant } from './seed-tenant.ts';
import type { SeedOptions } from './seed-tenant.ts';
import type { SandboxTenant } from './tenant-types.ts';
import { specialClientKeys } from './tenant-types.ts';

const customerId = '01000000-0000-3000-9000-000000000000';
const configurationClient = {
  clientId: 'config-client',
  clientSecret: 'config-secret',
  scope: '*:config/**',
};

function tenant(overrides: Partial<SeedOptions> = {}): SandboxTenant {
  return seedTenant({ seed: 1, clients: 60, customerId, configurationClient, ...overrides });
}

function special(data: SandboxTenant, key: (typeof specialClientKeys)[number]) {
  const client = data.clients.find((candidate) => candidate.id === data.special.clients[key]);
  if (!client) throw new Error(`special client ${key} missing`);
  return client;
}

describe('seeded tenant', () => {
  it('is identical for the same seed and differs for another seed', () => {
    expect(tenant()).toEqual(tenant());
    const other = tenant({ seed: 2 });
    expect(other.clients.map((client) => client.id)).not.toEqual(tenant().clients.map((client) => client.id));
    expect(other.loginPolicies[0]?.identityStoreDetails.connectionDetails.clientSecret).not.toBe(
      tenant().loginPolicies[0]?.identityStoreDetails.connectionDetails.clientSecret,
    );
  });

  it.each([1, 5, 19, 60, 2_000])('holds exactly %i clients, with unique ids and unique names', (count) => {
    const data = tenant({ clients: count });
    expect(data.clients).toHaveLength(count);
    expect(new Set(data.clients.map((client) => client.id)).size).toBe(count);
    expect(new Set(data.clients.map((client) => client.name)).size).toBe(count);
    expect(data.clients[0]?.id).toBe(configurationClient.clientId);
  });

  it('refuses counts outside 1..20,000', () => {
    expect(() => tenant({ clients: 0 })).toThrow(RangeError);
    expect(() => tenant({ clients: 20_001 })).toThrow(RangeError);
    expect(() => tenant({ clients: 2.5 })).toThrow(RangeError);
  });

  it('serves resources that the tolerant schemas accept, with self links built from the customer and id', () => {
    const data = tenant();
    for (const client of data.clients) {
      expect(clientSchema.parse(client)).toEqual(client);
      expect(client._links.self.href).toBe(`/${customerId}/config/clients/${client.id}`);
    }
    for (const policy of data.loginPolicies) expect(loginPolicySchema.parse(policy)).toEqual(policy);
    for (const policy of data.tokenPolicies) expect(tokenPolicySchema.parse(policy)).toEqual(policy);
  });

  it('contains the two clients of the reference example, by id and name', () => {
    const data = tenant();
    for (const reference of Object.values(referenceClients)) {
      expect(data.clients.find((client) => client.id === reference.id)?.name).toBe(reference.name);
    }
  });

  it('mixes public SPAs and native apps, confidential web apps and configuration clients', () => {
    const data = tenant({ clients: 1_000 });
    const kinds = data.clients.map((client) => classifyClient(client));
    const count = (kind: string) => kinds.filter((candidate) => candidate === kind).length;
    expect(count('public')).toBeGreaterThan(300);
    expect(count('confidential')).toBeGreaterThan(300);
    expect(count('configuration')).toBe(2);
    const redirects = data.clients.flatMap((client) => client.redirectURIs);
    expect(redirects.some((uri) => /^com\.example\.[a-z0-9]+:\/oauth2redirect$/.test(uri))).toBe(true);
    expect(redirects.some((uri) => uri.startsWith('http://localhost:'))).toBe(true);
    expect(redirects.filter((uri) => uri.startsWith('https://')).length).toBeGreaterThan(1_000);
    for (const client of data.clients) {
      const kind = classifyClient(client);
      if (kind === 'configuration') {
        expect(client.loginPolicy).toBeUndefined();
        expect(client._links.applicationClient).toBeUndefined();
        expect(client.tokenPolicy).toBe(data.special.configurationTokenPolicy);
      }
      if (kind === 'confidential') expect(client._links.applicationClient?.href).toMatch(/^https:\/\//);
    }
  });

  it('includes each special client once, with the property it exists for', () => {
    const data = tenant();
    for (const key of specialClientKeys) expect(data.special.clients[key]).toBeDefined();
    expect(special(data, 'scriptName').name).toContain('<script>');
    expect(special(data, 'longName').name.length).toBeGreaterThan(150);
    expect(special(data, 'nonAsciiName').name).toMatch(/[^\u0020-\u007e]/);
    expect(special(data, 'httpRedirect').redirectURIs[0]).toMatch(/^http:\/\/intranet\./);
    expect(special(data, 'wildcardRedirect').redirectURIs[0]).toContain('*');
    expect(special(data, 'javascriptRedirect').redirectURIs[0]).toMatch(/^javascript:/);
    expect(special(data, 'fragmentRedirect').redirectURIs[0]).toContain('#');
    expect(special(data, 'dataRedirect').redirectURIs[0]).toMatch(/^data:/);
    expect(special(data, 'rawIpRedirect').redirectURIs[0]).toBe('https://203.0.113.24/callback');
    expect(special(data, 'customSchemeRedirect').redirectURIs).toEqual(['myapp:/cb']);
    const loopback = special(data, 'loopbackConfidential');
    expect(loopback.type).toBe('confidential');
    expect(loopback.redirectURIs).toContain('http://localhost:8080/auth/callback');
    const [first, second] = special(data, 'duplicateRedirect').redirectURIs;
    expect(first).toBe(second);
    expect(() => new URL(special(data, 'malformedRedirect').redirectURIs[0] ?? '')).toThrow();
    expect(special(data, 'publicWithoutRedirect')).toMatchObject({ type: 'public', redirectURIs: [] });
    const dangling = special(data, 'danglingLoginPolicy');
    expect(dangling.loginPolicy).toBe(data.special.missingLoginPolicy);
    expect(data.loginPolicies.some((policy) => policy.id === dangling.loginPolicy)).toBe(false);
    expect(classifyClient(special(data, 'secondConfiguration'))).toBe('configuration');
  });

  it('keeps the configuration client and the reference examples when the count is small', () => {
    const data = tenant({ clients: 3 });
    expect(data.clients.map((client) => client.id).sort()).toEqual(
      [configurationClient.clientId, referenceClients.documentation.id, referenceClients.training.id].sort(),
    );
    expect(data.configurationClients).toEqual([configurationClient]);
  });

  it('seeds policies with secrets, realistic lifetimes, a configuration policy, and unused ones', () => {
    const data = tenant();
    expect(data.loginPolicies.length).toBeGreaterThanOrEqual(5);
    for (const policy of data.loginPolicies) {
      expect(policy.identityStoreDetails.connectionDetails.clientSecret).toMatch(/^[a-z0-9]{32}$/);
    }
    const byId = new Map(data.tokenPolicies.map((policy) => [policy.id, policy]));
    expect(byId.get(data.special.configurationTokenPolicy)?.allowedScopes).toEqual(['*:config/**']);
    expect(byId.get(data.special.longRefreshTokenPolicy)?.refreshTokenLifetime).toBeGreaterThan(90 * 86_400);
    for (const policy of data.tokenPolicies) {
      expect(policy.accessTokenLifetime).toBeGreaterThanOrEqual(60);
      expect(policy.accessTokenLifetime).toBeLessThanOrEqual(3600);
      expect(policy.refreshTokenLifetime).toBeLessThanOrEqual(31_557_600);
    }
    const referenced = new Set(data.clients.flatMap((client) => [client.loginPolicy, client.tokenPolicy]));
    expect(referenced.has(data.special.unusedLoginPolicy)).toBe(false);
    expect(referenced.has(data.special.unusedTokenPolicy)).toBe(false);
  });

  it('triggers every findings rule of the domain module at the default size', () => {
    const data = tenant();
    const inventory = emptyInventory();
    inventory.summaries = data.clients.map(({ id, name, _links }) => ({ id, name, _links }));
    inventory.total = data.clients.length;
    for (const client of data.clients) inventory.clientsById.set(client.id, client);
    for (const policy of data.loginPolicies) inventory.loginPoliciesById.set(policy.id, policy);
    for (const policy of data.tokenPolicies) inventory.tokenPoliciesById.set(policy.id, policy);
    inventory.done = { clients: data.clients.length, failed: 0, ms: 1 };
    // The audit policy's rules speak only with their keys set: the strictest values, so that each one can match.
    const strictest = {
      allowedRedirectHosts: [],
      allowedCustomSchemes: [],
      maxAccessTokenLifetime: 1,
      maxRefreshTokenLifetime: 1,
      maxConfigurationClients: 0,
    };
    const { countsByRule } = evaluateInventory(inventory, { policy: strictest, now: new Date() });
    const missing = ruleIds.filter((rule) => countsByRule[rule] === 0);
    expect(missing).toEqual([]);
  });
});
