import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { migrationRoutePatterns, toMigration } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
export const migrationPages: FeaturePages = {
  routes: [
    lazyPage(
      migrationRoutePatterns.migration,
      () => import('./components/migration-page.tsx'),
      (module) => module.MigrationPage,
    ),
  ],
  navigation: { label: 'Migration', to: toMigration(), end: false },
};
