import { useRoutes } from 'react-router';
import { routePatterns } from '../lib/routes.ts';
import { declarativeRoutes } from './declarative-routes.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

// Each page is its own chunk: the first paint does not wait for the data grid.
export const routes = declarativeRoutes([
  {
    element: <AppLayout />,
    children: [
      {
        path: routePatterns.overview,
        lazy: async () => ({
          Component: (await import('../features/overview/components/overview-page.tsx')).OverviewPage,
        }),
      },
      {
        path: routePatterns.connect,
        lazy: async () => ({
          Component: (await import('../features/connection/components/connect-page.tsx')).ConnectPage,
        }),
      },
      {
        path: routePatterns.clients,
        lazy: async () => ({
          Component: (await import('../features/clients/components/clients-page.tsx')).ClientsPage,
        }),
      },
      {
        path: routePatterns.client,
        lazy: async () => ({
          Component: (await import('../features/clients/components/client-page.tsx')).ClientPage,
        }),
      },
      {
        path: routePatterns.policies,
        lazy: async () => ({
          Component: (await import('../features/policies/components/policies-page.tsx')).PoliciesPage,
        }),
      },
      {
        path: routePatterns.loginPolicy,
        lazy: async () => ({
          Component: (await import('../features/policies/components/login-policy-page.tsx')).LoginPolicyPage,
        }),
      },
      {
        path: routePatterns.tokenPolicy,
        lazy: async () => ({
          Component: (await import('../features/policies/components/token-policy-page.tsx')).TokenPolicyPage,
        }),
      },
      {
        path: routePatterns.findings,
        lazy: async () => ({
          Component: (await import('../features/findings/components/findings-page.tsx')).FindingsPage,
        }),
      },
      {
        path: routePatterns.drift,
        lazy: async () => ({
          Component: (await import('../features/drift/components/drift-page.tsx')).DriftPage,
        }),
      },
      {
        path: routePatterns.history,
        lazy: async () => ({
          Component: (await import('../features/history/components/history-page.tsx')).HistoryPage,
        }),
      },
      {
        path: routePatterns.activity,
        lazy: async () => ({
          Component: (await import('../features/activity/components/activity-page.tsx')).ActivityPage,
        }),
      },
      {
        path: routePatterns.migration,
        lazy: async () => ({
          Component: (await import('../features/migration/components/migration-page.tsx')).MigrationPage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function AppRoutes() {
  return useRoutes(routes);
}
