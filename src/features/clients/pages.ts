import type { FeaturePages } from '../../lib/feature-pages.ts';
import { lazyPage } from '../../lib/feature-pages.ts';
import { clientsRoutePatterns, toClients } from './routes.ts';

// Only the app imports this file: other features link with `./routes.ts`, which holds no page code.
const loadClientsPage = async () => (await import('./components/clients-page.tsx')).ClientsPage;
const loadClientPage = async () => (await import('./components/client-page.tsx')).ClientPage;

export const clientsPages: FeaturePages = {
  routes: [
    lazyPage(clientsRoutePatterns.clients, loadClientsPage),
    lazyPage(clientsRoutePatterns.client, loadClientPage),
  ],
  navigation: { label: 'Clients', to: toClients(), end: false },
};
