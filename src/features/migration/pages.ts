import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { migrationRoutePatterns, toMigration } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
const loadMigrationPage = async () => (await import('./components/migration-page.tsx')).MigrationPage;

export const migrationPages: FeaturePages = {
  routes: [lazyPage(migrationRoutePatterns.migration, loadMigrationPage)],
  navigation: { label: 'Migration', to: toMigration(), end: false },
};
