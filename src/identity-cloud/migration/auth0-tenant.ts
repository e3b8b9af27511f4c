// Auth0: the `clients` section of an Auth0 Deploy CLI tenant.yaml. The Deploy CLI matches clients by name, so
// names are made unique; Auth0 generates client ids and secrets itself: nothing secret is written.
import type { Inventory } from '../inventory.ts';
import type { TargetType } from './migration-target.ts';
import type { ClientReadiness, MigrationPlan } from './readiness.ts';

export interface Auth0Client {
  name: string;
  description: string;
  app_type: 'spa' | 'native' | 'regular_web' | 'non_interactive';
  callbacks: string[];
  token_endpoint_auth_method: 'none' | 'client_secret_post';
  grant_types: string[];
  oidc_conformant: boolean;
  jwt_configuration: { alg: 'RS256' };
  refresh_token?: {
    rotation_type: 'rotating' | 'non-rotating';
    expiration_type: 'expiring';
    token_lifetime: number;
    infinite_token_lifetime: false;
  };
}

export interface Auth0Tenant {
  clients: Auth0Client[];
}

const appTypes: Record<TargetType, Auth0Client['app_type']> = {
  spa: 'spa',
  native: 'native',
  web: 'regular_web',
  admin: 'non_interactive',
};

/** Auth0 refuses `<` and `>` in a client's name. */
export const auth0ForbiddenNameCharacters = /[<>]/g;

function client(readiness: ClientReadiness, name: string, inventory: Inventory): Auth0Client {
  const source = inventory.clientsById.get(readiness.clientId);
  const tokenPolicy = source?.tokenPolicy ? inventory.tokenPoliciesById.get(source.tokenPolicy) : undefined;
  const admin = readiness.targetType === 'admin';
  const isPublic = readiness.kind === 'public';
  const refresh = tokenPolicy?.refreshTokenLifetime;
  const refreshFits = typeof refresh === 'number' && refresh >= 1 && refresh <= 157_788_000;
  return {
    name,
    description: `Migrated from Identity Cloud client ${readiness.clientId}`,
    app_type: appTypes[readiness.targetType],
    callbacks: admin ? [] : readiness.acceptedRedirectUris,
    token_endpoint_auth_method: isPublic ? 'none' : 'client_secret_post',
    grant_types: admin ? ['client_credentials'] : ['authorization_code', 'refresh_token'],
    oidc_conformant: true,
    jwt_configuration: { alg: 'RS256' },
    ...(!admin && refreshFits
      ? {
          refresh_token: {
            // Public clients hold their refresh token where it can leak: Auth0 recommends rotation for them.
            rotation_type: isPublic ? ('rotating' as const) : ('non-rotating' as const),
            expiration_type: 'expiring' as const,
            token_lifetime: Math.round(refresh),
            infinite_token_lifetime: false as const,
          },
        }
      : {}),
  };
}

export function auth0Tenant(
  plan: MigrationPlan,
  inventory: Inventory,
  names: ReadonlyMap<string, string>,
): Auth0Tenant {
  return {
    clients: plan.clients.map((readiness) =>
      client(readiness, names.get(readiness.clientId) ?? readiness.name, inventory),
    ),
  };
}
