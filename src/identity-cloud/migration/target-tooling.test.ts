// Each target's output checked by that target's own rules where they run here: Keycloak's published types,
// the Auth0 Deploy CLI's shipped clients schema (ajv), and the PingOne provider's documented attributes.
import type ClientRepresentation from '@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js';
import type RealmRepresentation from '@keycloak/keycloak-admin-client/lib/defs/realmRepresentation.js';
import { Ajv } from 'ajv';
import { schema as auth0ClientsSchema } from 'auth0-deploy-cli/lib/tools/auth0/handlers/clients.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { KeycloakClient, KeycloakRealm } from './keycloak-realm.ts';
import { fileContent } from './migration-fixture.ts';

describe('Keycloak output', () => {
  it('is assignable to keycloak-admin-client 26 RealmRepresentation and ClientRepresentation', () => {
    expectTypeOf<KeycloakRealm>().toExtend<RealmRepresentation>();
    expectTypeOf<KeycloakClient>().toExtend<ClientRepresentation>();
    const realm: RealmRepresentation = JSON.parse(
      fileContent('keycloak', 'keycloak/realm-import.json'),
    ) as KeycloakRealm;
    expect(realm.clients).toHaveLength(6);
  });

  it('uses only ClientRepresentation fields, with string attributes', () => {
    const realm = JSON.parse(fileContent('keycloak', 'keycloak/realm-import.json')) as KeycloakRealm;
    // The fields of ClientRepresentation (lib/defs/clientRepresentation.d.ts of the package), as a runtime list.
    const documented = new Set<keyof ClientRepresentation>([
      'clientId',
      'name',
      'description',
      'enabled',
      'protocol',
      'publicClient',
      'redirectUris',
      'standardFlowEnabled',
      'implicitFlowEnabled',
      'directAccessGrantsEnabled',
      'serviceAccountsEnabled',
      'clientAuthenticatorType',
      'attributes',
      'secret',
      'webOrigins',
      'rootUrl',
      'baseUrl',
    ]);
    for (const client of realm.clients) {
      for (const key of Object.keys(client))
        expect(documented.has(key as keyof ClientRepresentation)).toBe(true);
      for (const value of Object.values(client.attributes)) expect(typeof value).toBe('string');
    }
  });
});

describe('Auth0 output', () => {
  it('validates against the clients schema auth0-deploy-cli 8.44.0 ships', () => {
    const tenant = parseYaml(fileContent('auth0', 'auth0/tenant.yaml')) as { clients: unknown[] };
    const validate = new Ajv({ strict: false, allErrors: true }).compile(auth0ClientsSchema);
    const valid = validate(tenant.clients);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(tenant.clients).toHaveLength(6);
  });

  it('the schema check fails on what the Deploy CLI refuses (it guards something)', () => {
    const validate = new Ajv({ strict: false }).compile(auth0ClientsSchema);
    expect(validate([{ name: '' }])).toBe(false);
    expect(validate([{ app_type: 'spa' }])).toBe(false);
  });
});

// The attributes of `pingone_application` that the provider documents (pingidentity/terraform-provider-pingone,
// docs/resources/application.md at cef5208af78019b95a0146818839f63237659b4e), limited to those a mapping may use.
const pingOneApplicationAttributes = new Set([
  'environment_id',
  'name',
  'description',
  'enabled',
  'oidc_options',
  'login_page_url',
  'tags',
  'hidden_from_app_portal',
  'icon',
  'access_control_role_type',
  'access_control_group_options',
]);
const pingOneOidcOptions = new Set([
  'type',
  'grant_types',
  'response_types',
  'token_endpoint_auth_method',
  'pkce_enforcement',
  'redirect_uris',
  'post_logout_redirect_uris',
  'allow_wildcard_in_redirect_uris',
  'refresh_token_duration',
  'refresh_token_rolling_duration',
  'refresh_token_rolling_grace_period_duration',
  'home_page_url',
  'initiate_login_uri',
  'target_link_uri',
  'cors_settings',
  'par_requirement',
  'par_timeout',
  'additional_refresh_token_replay_protection_enabled',
  'mobile_app',
  'jwks',
  'jwks_url',
]);
const pingOneEnums: Record<string, readonly string[]> = {
  type: ['CUSTOM_APP', 'NATIVE_APP', 'SERVICE', 'SINGLE_PAGE_APP', 'WEB_APP', 'WORKER'],
  grant_types: [
    'AUTHORIZATION_CODE',
    'CIBA',
    'CLIENT_CREDENTIALS',
    'DEVICE_CODE',
    'IMPLICIT',
    'REFRESH_TOKEN',
    'TOKEN_EXCHANGE',
  ],
  response_types: ['CODE', 'ID_TOKEN', 'TOKEN'],
  token_endpoint_auth_method: [
    'CLIENT_SECRET_BASIC',
    'CLIENT_SECRET_JWT',
    'CLIENT_SECRET_POST',
    'NONE',
    'PRIVATE_KEY_JWT',
  ],
  pkce_enforcement: ['OPTIONAL', 'REQUIRED', 'S256_REQUIRED'],
};

describe('PingOne output', () => {
  it('is Terraform JSON syntax using only documented pingone_application attributes and values', () => {
    const parsed = JSON.parse(fileContent('pingone', 'pingone/applications.tf.json')) as {
      terraform: unknown;
      variable: Record<string, unknown>;
      resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(Object.keys(parsed.resource)).toEqual(['pingone_application']);
    const applications = Object.entries(parsed.resource.pingone_application ?? {});
    expect(applications).toHaveLength(6);
    for (const [name, application] of applications) {
      expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
      for (const key of Object.keys(application)) expect(pingOneApplicationAttributes).toContain(key);
      const oidc = application.oidc_options as Record<string, unknown>;
      for (const key of ['type', 'grant_types', 'token_endpoint_auth_method'])
        expect(oidc).toHaveProperty(key);
      for (const [key, value] of Object.entries(oidc)) {
        expect(pingOneOidcOptions).toContain(key);
        const allowed = pingOneEnums[key];
        if (allowed) for (const item of [value].flat()) expect(allowed).toContain(item);
      }
      const duration = oidc.refresh_token_duration;
      if (typeof duration === 'number') {
        expect(duration).toBeGreaterThanOrEqual(60);
        expect(duration).toBeLessThanOrEqual(Number(oidc.refresh_token_rolling_duration));
      }
      expect(application.environment_id).toBe('${var.pingone_environment_id}');
    }
    expect(parsed.variable).toHaveProperty('pingone_environment_id');
  });
});
