import { withSearch } from '../../lib/feature-pages.ts';

export const migrationRoutePatterns = { migration: '/migration' } as const;

export function toMigration(search?: URLSearchParams | string): string {
  return withSearch(migrationRoutePatterns.migration, search);
}
