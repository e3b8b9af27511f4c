import { withSearch } from '../../lib/feature-pages.ts';

export const findingsRoutePatterns = { findings: '/findings' } as const;

export function toFindings(search?: URLSearchParams | string): string {
  return withSearch(findingsRoutePatterns.findings, search);
}
