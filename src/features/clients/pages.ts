import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { clientsRoutePatterns, toClients } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
export const clientsPages: FeaturePages = {
  routes: [
    lazyPage(
      clientsRoutePatterns.clients,
      () => import('./components/clients-page.tsx'),
      (module) => module.ClientsPage,
    ),
    lazyPage(
      clientsRoutePatterns.client,
      () => import('./components/client-page.tsx'),
      (module) => module.ClientPage,
    ),
  ],
  navigation: { label: 'Clients', to: toClients(), end: false },
};
