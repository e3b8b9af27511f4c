import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { activityRoutePatterns, toActivity } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
const loadActivityPage = async () => (await import('./components/activity-page.tsx')).ActivityPage;

export const activityPages: FeaturePages = {
  routes: [lazyPage(activityRoutePatterns.activity, loadActivityPage)],
  navigation: { label: 'Activity', to: toActivity(), end: false },
};
