import { withSearch } from '../../lib/feature-pages.ts';

export const historyRoutePatterns = { history: '/history' } as const;

export function toHistory(search?: URLSearchParams | string): string {
  return withSearch(historyRoutePatterns.history, search);
}
