import { withSearch } from '../../lib/feature-pages.ts';

export const driftRoutePatterns = { drift: '/drift' } as const;

/** The drift page; with stored snapshots as its base, and optionally as the side it is compared with. */
export function toDrift(stored?: { base: string; against?: string; show?: string }): string {
  if (stored === undefined) return driftRoutePatterns.drift;
  const query = new URLSearchParams({ base: stored.base });
  if (stored.against !== undefined) query.set('against', stored.against);
  if (stored.show !== undefined) query.set('show', stored.show);
  return withSearch(driftRoutePatterns.drift, query);
}
