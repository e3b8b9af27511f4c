import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { activityRoutePatterns, toActivity } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
export const activityPages: FeaturePages = {
  routes: [
    lazyPage(
      activityRoutePatterns.activity,
      () => import('./components/activity-page.tsx'),
      (module) => module.ActivityPage,
    ),
  ],
  navigation: { label: 'Activity', to: toActivity(), end: false },
};
