import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { overviewRoutePatterns, toOverview } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
export const overviewPages: FeaturePages = {
  routes: [
    lazyPage(
      overviewRoutePatterns.overview,
      () => import('./components/overview-page.tsx'),
      (module) => module.OverviewPage,
    ),
  ],
  navigation: { label: 'Overview', to: toOverview(), end: true },
};
