import { useRoutes } from 'react-router';
import { declarativeRoutes } from './declarative-routes.tsx';
import { featureList } from './feature-list.ts';
import { AppLayout } from './layout/app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

// Each page is its own chunk (the features declare their pages lazily): the first paint does not wait for the
// data grid.
export const routes = declarativeRoutes([
  {
    element: <AppLayout />,
    children: [...featureList.flatMap((feature) => feature.routes), { path: '*', element: <NotFoundPage /> }],
  },
]);

export function AppRoutes() {
  return useRoutes(routes);
}
