import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { driftRoutePatterns, toDrift } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
const loadDriftPage = async () => (await import('./components/drift-page.tsx')).DriftPage;

export const driftPages: FeaturePages = {
  routes: [lazyPage(driftRoutePatterns.drift, loadDriftPage)],
  navigation: { label: 'Drift', to: toDrift(), end: false },
};
