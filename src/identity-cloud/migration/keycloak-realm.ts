// Keycloak: a realm import whose `clients` follow Keycloak's ClientRepresentation. The Identity Cloud client id
// is kept as Keycloak's clientId (any string is allowed there), so apps keep their client_id. Keycloak generates
// the secret of a confidential client imported without one: nothing secret is written.
import type { Inventory } from '../inventory.ts';
import type { ClientReadiness, MigrationPlan } from './readiness.ts';

export interface KeycloakClient {
  clientId: string;
  name: string;
  description: string;
  enabled: boolean;
  protocol: 'openid-connect';
  publicClient: boolean;
  redirectUris: string[];
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  clientAuthenticatorType?: 'client-secret';
  /** Keycloak's client attributes are strings. */
  attributes: Record<string, string>;
}

export interface KeycloakRealm {
  realm: string;
  enabled: boolean;
  /** Client session lifespans cannot outlive the realm's SSO session: raised to the longest refresh lifetime. */
  ssoSessionMaxLifespan?: number;
  clients: KeycloakClient[];
}

function client(readiness: ClientReadiness, inventory: Inventory): KeycloakClient {
  const source = inventory.clientsById.get(readiness.clientId);
  const tokenPolicy = source?.tokenPolicy ? inventory.tokenPoliciesById.get(source.tokenPolicy) : undefined;
  const admin = readiness.targetType === 'admin';
  const isPublic = readiness.kind === 'public';
  const attributes: Record<string, string> = {};
  if (isPublic) attributes['pkce.code.challenge.method'] = 'S256';
  if (typeof tokenPolicy?.accessTokenLifetime === 'number' && tokenPolicy.accessTokenLifetime > 0)
    attributes['access.token.lifespan'] = String(Math.round(tokenPolicy.accessTokenLifetime));
  if (!admin && typeof tokenPolicy?.refreshTokenLifetime === 'number' && tokenPolicy.refreshTokenLifetime > 0)
    attributes['client.session.max.lifespan'] = String(Math.round(tokenPolicy.refreshTokenLifetime));
  return {
    clientId: readiness.clientId,
    name: readiness.name,
    description: `Migrated from Identity Cloud client ${readiness.clientId}`,
    enabled: true,
    protocol: 'openid-connect',
    publicClient: isPublic,
    redirectUris: admin ? [] : readiness.acceptedRedirectUris,
    standardFlowEnabled: !admin,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: admin,
    ...(isPublic ? {} : { clientAuthenticatorType: 'client-secret' as const }),
    attributes,
  };
}

export function keycloakRealm(plan: MigrationPlan, inventory: Inventory, realm: string): KeycloakRealm {
  const clients = plan.clients.map((readiness) => client(readiness, inventory));
  let longest = 0;
  for (const entry of clients) {
    longest = Math.max(longest, Number(entry.attributes['client.session.max.lifespan'] ?? 0));
  }
  return {
    realm,
    enabled: true,
    ...(longest > 0 ? { ssoSessionMaxLifespan: longest } : {}),
    clients,
  };
}
