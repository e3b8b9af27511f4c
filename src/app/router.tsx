import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/app-layout.tsx';
import { featureList } from './feature-list.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { PageLoading } from './layout/page-loading.tsx';

// Each page is its own chunk (the features declare their pages lazily): the first paint does not wait for the
// data grid.
export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    hydrateFallbackElement: <PageLoading />,
    children: [...featureList.flatMap((feature) => feature.routes), { path: '*', element: <NotFoundPage /> }],
  },
]);
