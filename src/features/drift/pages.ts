import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { driftRoutePatterns, toDrift } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
export const driftPages: FeaturePages = {
  routes: [
    lazyPage(
      driftRoutePatterns.drift,
      () => import('./components/drift-page.tsx'),
      (module) => module.DriftPage,
    ),
  ],
  navigation: { label: 'Drift', to: toDrift(), end: false },
};
