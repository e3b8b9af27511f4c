// Token lifetimes each target can hold, from its documentation (docs/migration.md). Identity Cloud's own ranges
// (access 60–3600 s, refresh 60–31,557,600 s) are documented but a tenant's data is not trusted to respect them.
import type { MigrationTarget } from './migration-target.ts';

export interface LifetimeLimit {
  min: number;
  max: number;
  /** Where the target keeps it, for the reason's text. */
  where: string;
}

export interface TargetLifetimeLimits {
  accessToken: LifetimeLimit | null;
  refreshToken: LifetimeLimit | null;
}

export const lifetimeLimits: Record<MigrationTarget, TargetLifetimeLimits> = {
  pingone: {
    // Access tokens are the resource's (pingone_resource access_token_validity_seconds), not the application's.
    accessToken: { min: 300, max: 2_592_000, where: 'the PingOne resource (access_token_validity_seconds)' },
    refreshToken: { min: 60, max: 2_147_483_647, where: 'refresh_token_duration' },
  },
  keycloak: {
    accessToken: { min: 1, max: 2_147_483_647, where: 'the access.token.lifespan attribute' },
    refreshToken: { min: 1, max: 2_147_483_647, where: 'the client.session.max.lifespan attribute' },
  },
  auth0: {
    accessToken: null,
    refreshToken: { min: 1, max: 157_788_000, where: 'refresh_token.token_lifetime' },
  },
  neutral: { accessToken: null, refreshToken: null },
};

/** The reason a lifetime does not fit, or null when it fits (or the target has no such setting). */
export function lifetimeProblem(
  limit: LifetimeLimit | null,
  seconds: number | null | undefined,
  label: string,
): string | null {
  if (limit === null || typeof seconds !== 'number' || !Number.isFinite(seconds)) return null;
  if (seconds < limit.min)
    return `${label} lifetime ${seconds.toLocaleString('en-US')} s is below the ${limit.min.toLocaleString('en-US')} s minimum of ${limit.where}`;
  if (seconds > limit.max)
    return `${label} lifetime ${seconds.toLocaleString('en-US')} s is above the ${limit.max.toLocaleString('en-US')} s maximum of ${limit.where}`;
  return null;
}
