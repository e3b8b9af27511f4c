import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { connectionRoutePatterns, toConnect } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
const loadConnectPage = async () => (await import('./components/connect-page.tsx')).ConnectPage;

export const connectionPages: FeaturePages = {
  routes: [lazyPage(connectionRoutePatterns.connect, loadConnectPage)],
  navigation: { label: 'Connection', to: toConnect(), end: false },
};
