// The platforms a tenant's clients can move to, and what each Identity Cloud client kind becomes there.
import type { ClientKind } from '../client-kind.ts';

export const migrationTargets = ['pingone', 'keycloak', 'auth0', 'neutral'] as const;
export type MigrationTarget = (typeof migrationTargets)[number];

export const migrationTargetLabels: Record<MigrationTarget, string> = {
  pingone: 'PingOne',
  keycloak: 'Keycloak',
  auth0: 'Auth0',
  neutral: 'Neutral (JSON + CSV)',
};

export function isMigrationTarget(value: unknown): value is MigrationTarget {
  return typeof value === 'string' && (migrationTargets as readonly string[]).includes(value);
}

/**
 * What a client becomes, target-independently: a public client with an app (custom-scheme) redirect is a native
 * app, any other public client a single-page app; a confidential client a web app; a configuration client the
 * target's administrative (machine) client.
 */
export type TargetType = 'spa' | 'native' | 'web' | 'admin';

export const targetTypeLabels: Record<MigrationTarget, Record<TargetType, string>> = {
  pingone: {
    spa: 'Single-page app (SINGLE_PAGE_APP)',
    native: 'Native app (NATIVE_APP)',
    web: 'Web app (WEB_APP)',
    admin: 'Worker app (WORKER)',
  },
  keycloak: {
    spa: 'Public client (browser app)',
    native: 'Public client (native app)',
    web: 'Confidential client',
    admin: 'Service-account client',
  },
  auth0: {
    spa: 'Single Page Application (spa)',
    native: 'Native (native)',
    web: 'Regular Web Application (regular_web)',
    admin: 'Machine to Machine (non_interactive)',
  },
  neutral: {
    spa: 'Public single-page app',
    native: 'Public native app',
    web: 'Confidential web app',
    admin: 'Recreate by hand (configuration client)',
  },
};

/** Schemes that are not an app's own: the web's, and those that run or embed content (never a redirect). */
const webOrScriptSchemes = new Set(['http', 'https', 'javascript', 'data', 'vbscript', 'file', 'blob']);

function isAppSchemeRedirect(uri: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri.trim())?.[1]?.toLowerCase();
  return scheme !== undefined && !webOrScriptSchemes.has(scheme);
}

export function targetTypeOf(kind: ClientKind, redirectUris: readonly string[]): TargetType {
  if (kind === 'configuration') return 'admin';
  if (kind === 'confidential') return 'web';
  return redirectUris.some(isAppSchemeRedirect) ? 'native' : 'spa';
}
