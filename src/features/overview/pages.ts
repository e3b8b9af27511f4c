import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { overviewRoutePatterns, toOverview } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
const loadOverviewPage = async () => (await import('./components/overview-page.tsx')).OverviewPage;

export const overviewPages: FeaturePages = {
  routes: [lazyPage(overviewRoutePatterns.overview, loadOverviewPage)],
  navigation: { label: 'Overview', to: toOverview(), end: true },
};
