import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluateInventory } from '../findings/evaluate-inventory.ts';
import { buildInventory } from '../inventory-fixtures.ts';
import type { Auth0Tenant } from './auth0-tenant.ts';
import type { KeycloakRealm } from './keycloak-realm.ts';
import { fileContent, filesFor, mixedFixture } from './migration-fixture.ts';
import { mappingHeader, migrationFiles } from './migration-files.ts';
import { migrationTargets } from './migration-target.ts';
import { secretPlaceholder } from './neutral-export.ts';
import type { PingOneTerraform } from './pingone-terraform.ts';
import { migrationPlan } from './readiness.ts';

function csvRows(text: string): string[][] {
  // The fixture's cells hold no quotes or commas except where the test says so.
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('migration files', () => {
  it.each([
    ['pingone', ['pingone/applications.tf.json', 'client-id-mapping.csv', 'TODO.md']],
    ['keycloak', ['keycloak/realm-import.json', 'client-id-mapping.csv', 'TODO.md']],
    ['auth0', ['auth0/tenant.yaml', 'client-id-mapping.csv', 'TODO.md']],
    [
      'neutral',
      [
        'neutral/clients.json',
        'neutral/clients.csv',
        'neutral/policies.csv',
        'client-id-mapping.csv',
        'TODO.md',
      ],
    ],
  ] as const)('%s gets its files, the id mapping and a to-do list', (target, paths) => {
    expect(filesFor(target).map((entry) => entry.path)).toEqual(paths);
  });

  it.each(migrationTargets)(
    'no file for %s holds a secret; the login policy secret becomes a placeholder',
    (target) => {
      for (const entry of filesFor(target)) expect(entry.content).not.toContain('owner-secret-value');
    },
  );

  it('an inventory with a failed item produces no file and says what is missing', () => {
    const inventory = buildInventory({
      ...mixedFixture,
      extraSummaries: [{ id: 'broken', name: 'Broken' }],
      failures: [{ resource: 'client', id: 'broken', status: 503 }],
    });
    const result = migrationFiles(
      migrationPlan('auth0', inventory, evaluateInventory(inventory)),
      inventory,
      {
        customerId: 'c',
      },
    );
    expect(result).toEqual({
      kind: 'incomplete',
      missing: [
        { resource: 'client', id: 'broken', reason: 'Client Broken could not be read (HTTP 503: HTTP 503).' },
      ],
    });
  });

  it('a client deleted after listing does not block the files and is listed as gone in the to-do', () => {
    const inventory = buildInventory({
      ...mixedFixture,
      extraSummaries: [{ id: 'deleted', name: 'Deleted app' }],
      failures: [{ resource: 'client', id: 'deleted', status: 404 }],
    });
    const todo = filesFor('keycloak', inventory).find((entry) => entry.path === 'TODO.md')?.content ?? '';
    expect(todo).toContain('- Deleted app (deleted)');
  });

  it('the mapping CSV maps every Identity Cloud client id to its new name and identifier', () => {
    const rows = csvRows(fileContent('pingone', 'client-id-mapping.csv'));
    expect(rows[0]).toEqual([...mappingHeader]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['spa-1', 'spa-2', 'native', 'wild', 'web', 'cfg']);
    const identifiers = rows.slice(1).map((row) => row[4]);
    expect(new Set(identifiers).size).toBe(6);
    expect(identifiers[0]).toMatch(/^pingone_application\.idc_public_spa_1_spa1$/);
    expect(identifiers[1]).toMatch(/^pingone_application\.idc_public_spa_1_spa2$/);
  });

  it('the to-do list has a line for every confidential client secret, and for refused redirect URIs', () => {
    const todo = fileContent('auth0', 'TODO.md');
    expect(todo).toMatch(/## &lt;b&gt;|## [^\n]*Orders[^\n]*\(web\): Change required/);
    expect(todo).toMatch(/\(web\)[\s\S]*secret does not migrate/);
    expect(todo).toMatch(/\(cfg\)[\s\S]*Machine to Machine/);
    expect(todo).toMatch(/\(wild\)[\s\S]*Redirect URI https:\/\/ok\.example\.com\/cb#frag is left out/);
  });
});

describe('PingOne mapping', () => {
  const terraform = (): PingOneTerraform =>
    JSON.parse(fileContent('pingone', 'pingone/applications.tf.json')) as PingOneTerraform;
  const app = (slug: string) => terraform().resource.pingone_application[slug]?.oidc_options;

  it('public clients: SPA or native type, no client authentication, PKCE S256 required, code flow', () => {
    expect(app('idc_public_spa_1_spa1')).toMatchObject({
      type: 'SINGLE_PAGE_APP',
      grant_types: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
      response_types: ['CODE'],
      token_endpoint_auth_method: 'NONE',
      pkce_enforcement: 'S256_REQUIRED',
      redirect_uris: ['https://spa-1.example.com/callback'],
      refresh_token_duration: 7_776_000,
      refresh_token_rolling_duration: 7_776_000,
    });
    expect(app('idc_public_native')?.type).toBe('NATIVE_APP');
  });

  it('confidential: web app with a client secret; configuration: worker with client credentials only', () => {
    expect(app('idc_b_orders_b_returns')).toMatchObject({
      type: 'WEB_APP',
      token_endpoint_auth_method: 'CLIENT_SECRET_BASIC',
    });
    expect(app('idc_config_cfg')).toEqual({
      type: 'WORKER',
      grant_types: ['CLIENT_CREDENTIALS'],
      token_endpoint_auth_method: 'CLIENT_SECRET_BASIC',
    });
  });

  it('a wildcard redirect turns on allow_wildcard_in_redirect_uris; a refused one is left out', () => {
    expect(app('idc_public_wild')).toMatchObject({
      redirect_uris: ['https://*.preview.example.com/cb'],
      allow_wildcard_in_redirect_uris: true,
    });
  });
});

describe('Keycloak mapping', () => {
  const realm = () => JSON.parse(fileContent('keycloak', 'keycloak/realm-import.json')) as KeycloakRealm;
  const client = (id: string) => realm().clients.find((entry) => entry.clientId === id);

  it('keeps the Identity Cloud client id as clientId, so apps keep their client_id', () => {
    expect(realm().clients.map((entry) => entry.clientId)).toEqual([
      'spa-1',
      'spa-2',
      'native',
      'wild',
      'web',
      'cfg',
    ]);
    expect(realm().realm).toBe('identity-cloud-cust-1');
  });

  it('public: publicClient, standard flow, PKCE S256 attribute, lifespans as attributes', () => {
    expect(client('spa-1')).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      serviceAccountsEnabled: false,
      attributes: {
        'pkce.code.challenge.method': 'S256',
        'access.token.lifespan': '3600',
        'client.session.max.lifespan': '7776000',
      },
    });
    expect(realm().ssoSessionMaxLifespan).toBe(7_776_000);
  });

  it('confidential: no secret written; configuration: service account only', () => {
    expect(client('web')).toMatchObject({ publicClient: false, clientAuthenticatorType: 'client-secret' });
    expect(client('web')).not.toHaveProperty('secret');
    expect(client('cfg')).toMatchObject({
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      redirectUris: [],
    });
  });

  it('refuses a host wildcard and a fragment, keeping the rest', () => {
    expect(client('wild')?.redirectUris).toEqual([]);
    expect(client('native')?.redirectUris).toEqual([
      'com.example.app:/oauth2redirect',
      'http://127.0.0.1:8080/cb',
    ]);
  });
});

describe('Auth0 mapping', () => {
  const tenant = () => parseYaml(fileContent('auth0', 'auth0/tenant.yaml')) as Auth0Tenant;
  const byName = (name: string) => tenant().clients.find((entry) => entry.name === name);

  it('names are unique (the Deploy CLI matches by name) and free of < and >', () => {
    const names = tenant().clients.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('b Orders /b & returns');
    expect(names.filter((name) => name.startsWith('Public spa-1'))).toEqual([
      'Public spa-1 (spa1)',
      'Public spa-1 (spa2)',
    ]);
  });

  it.each([
    [
      'Public spa-1 (spa1)',
      {
        app_type: 'spa',
        callbacks: ['https://spa-1.example.com/callback'],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        jwt_configuration: { alg: 'RS256' },
        refresh_token: { rotation_type: 'rotating', expiration_type: 'expiring', token_lifetime: 7_776_000 },
      },
    ],
    ['Public native', { app_type: 'native' }],
    ['b Orders /b & returns', { app_type: 'regular_web', token_endpoint_auth_method: 'client_secret_post' }],
    ['Config cfg', { app_type: 'non_interactive', grant_types: ['client_credentials'], callbacks: [] }],
  ])('%s: app type, callbacks, auth method, grants, refresh token settings', (name, settings) => {
    expect(byName(name)).toMatchObject(settings);
  });
});

describe('Neutral export', () => {
  it('holds every field of every client (unknown ones too) and every policy, secrets replaced', () => {
    const json = JSON.parse(fileContent('neutral', 'neutral/clients.json')) as {
      clients: Record<string, unknown>[];
      loginPolicies: { identityStoreDetails: { connectionDetails: Record<string, unknown> } }[];
      tokenPolicies: unknown[];
    };
    expect(json.clients).toHaveLength(6);
    expect(json.clients[4]).toMatchObject({
      id: 'web',
      extraField: { nested: [1, 2] },
      migration: { verdict: 'Change required' },
    });
    expect(json.loginPolicies[0]?.identityStoreDetails.connectionDetails.clientSecret).toBe(
      secretPlaceholder,
    );
    expect(json.tokenPolicies).toHaveLength(2);
  });

  it('the CSVs have one column per field, found across all rows', () => {
    const clients = fileContent('neutral', 'neutral/clients.csv');
    const header = clients.replace(/^\uFEFF/, '').split('\r\n')[0] ?? '';
    expect(header.split(',').slice(0, 2)).toEqual(['id', 'name']);
    expect(header).toContain('extraField.nested');
    expect(header).toContain('_links.applicationClient.href');
    expect(header).toContain('migration.verdict');
    const policies = fileContent('neutral', 'neutral/policies.csv');
    expect(policies).toContain('identityStoreDetails.connectionDetails.clientSecret');
    expect(policies).toContain('customClaims.id_token.tier');
    expect(policies).not.toContain('owner-secret-value');
  });
});
