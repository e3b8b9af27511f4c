import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { findingsRoutePatterns, toFindings } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
export const findingsPages: FeaturePages = {
  routes: [
    lazyPage(
      findingsRoutePatterns.findings,
      () => import('./components/findings-page.tsx'),
      (module) => module.FindingsPage,
    ),
  ],
  navigation: { label: 'Findings', to: toFindings(), end: false },
};
