// PingOne: Terraform's JSON syntax for the pingidentity/pingone provider's `pingone_application` resource, one per
// client, using only attributes its documentation lists (docs/migration.md). PingOne generates client ids and
// secrets itself: nothing secret is, or needs to be, written.
import type { Inventory } from '../inventory.ts';
import type { ClientReadiness, MigrationPlan } from './readiness.ts';
import type { TargetType } from './migration-target.ts';

export interface PingOneApplication {
  environment_id: string;
  name: string;
  description: string;
  enabled: boolean;
  oidc_options: {
    type: 'SINGLE_PAGE_APP' | 'NATIVE_APP' | 'WEB_APP' | 'WORKER';
    grant_types: string[];
    response_types?: string[];
    token_endpoint_auth_method: 'NONE' | 'CLIENT_SECRET_BASIC';
    pkce_enforcement?: 'S256_REQUIRED' | 'OPTIONAL';
    redirect_uris?: string[];
    allow_wildcard_in_redirect_uris?: boolean;
    refresh_token_duration?: number;
    refresh_token_rolling_duration?: number;
  };
}

export interface PingOneTerraform {
  terraform: { required_providers: { pingone: { source: string; version: string } } };
  variable: { pingone_environment_id: { type: string; description: string } };
  resource: { pingone_application: Record<string, PingOneApplication> };
}

const applicationTypes: Record<TargetType, PingOneApplication['oidc_options']['type']> = {
  spa: 'SINGLE_PAGE_APP',
  native: 'NATIVE_APP',
  web: 'WEB_APP',
  admin: 'WORKER',
};

/** A Terraform resource name: a letter first, then letters, digits, underscores. */
export function terraformName(slug: string): string {
  return `idc_${slug.replace(/-/g, '_')}`;
}

function application(readiness: ClientReadiness, name: string, inventory: Inventory): PingOneApplication {
  const client = inventory.clientsById.get(readiness.clientId);
  const tokenPolicy = client?.tokenPolicy ? inventory.tokenPoliciesById.get(client.tokenPolicy) : undefined;
  const base = {
    environment_id: '${var.pingone_environment_id}',
    name,
    description: `Migrated from Identity Cloud client ${readiness.clientId}`,
    enabled: true,
  };
  if (readiness.targetType === 'admin') {
    return {
      ...base,
      oidc_options: {
        type: 'WORKER',
        grant_types: ['CLIENT_CREDENTIALS'],
        token_endpoint_auth_method: 'CLIENT_SECRET_BASIC',
      },
    };
  }
  const isPublic = readiness.kind === 'public';
  const refresh = tokenPolicy?.refreshTokenLifetime;
  const refreshFits = typeof refresh === 'number' && refresh >= 60 && refresh <= 2_147_483_647;
  const wildcard = readiness.acceptedRedirectUris.some((uri) => uri.includes('*'));
  return {
    ...base,
    oidc_options: {
      type: applicationTypes[readiness.targetType],
      grant_types: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
      response_types: ['CODE'],
      token_endpoint_auth_method: isPublic ? 'NONE' : 'CLIENT_SECRET_BASIC',
      pkce_enforcement: isPublic ? 'S256_REQUIRED' : 'OPTIONAL',
      ...(readiness.acceptedRedirectUris.length > 0 ? { redirect_uris: readiness.acceptedRedirectUris } : {}),
      ...(wildcard ? { allow_wildcard_in_redirect_uris: true } : {}),
      ...(refreshFits
        ? { refresh_token_duration: Math.round(refresh), refresh_token_rolling_duration: Math.round(refresh) }
        : {}),
    },
  };
}

export function pingOneTerraform(
  plan: MigrationPlan,
  inventory: Inventory,
  names: ReadonlyMap<string, string>,
  slugs: ReadonlyMap<string, string>,
): PingOneTerraform {
  const applications: Record<string, PingOneApplication> = {};
  for (const readiness of plan.clients) {
    const slug = slugs.get(readiness.clientId) ?? readiness.clientId;
    applications[terraformName(slug)] = application(
      readiness,
      names.get(readiness.clientId) ?? readiness.name,
      inventory,
    );
  }
  return {
    terraform: { required_providers: { pingone: { source: 'pingidentity/pingone', version: '>= 1.0.0' } } },
    variable: {
      pingone_environment_id: {
        type: 'string',
        description: 'The PingOne environment that receives the applications migrated from Identity Cloud.',
      },
    },
    resource: { pingone_application: applications },
  };
}
