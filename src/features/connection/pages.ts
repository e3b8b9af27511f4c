import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { connectionRoutePatterns, toConnect } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
export const connectionPages: FeaturePages = {
  routes: [
    lazyPage(
      connectionRoutePatterns.connect,
      () => import('./components/connect-page.tsx'),
      (module) => module.ConnectPage,
    ),
  ],
  navigation: { label: 'Connection', to: toConnect(), end: false },
};
