// The app needs no loaders, actions or fetchers, so it routes in declarative mode (BrowserRouter + useRoutes)
// rather than through a data router, whose code is about 16 kB of gzipped JavaScript on the first page. Routes are
// still written the data router's way, with `lazy` pages; this turns each into a React.lazy component that the
// layout's Suspense waits for, and lets the entry start loading the current page's chunk before the first render.
import type { AppRoute } from '../lib/feature-pages.ts';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { matchRoutes } from 'react-router';

const loaders = new WeakMap<RouteObject, () => Promise<unknown>>();

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

export function declarativeRoutes(routes: AppRoute[]): RouteObject[] {
  return routes.map(({ path, element, lazy: loadPage, children }) => {
    const route: RouteObject = { path, element };
    if (children !== undefined) route.children = declarativeRoutes(children);
    if (loadPage !== undefined) {
      const load = once(loadPage);
      route.Component = lazy(async () => ({ default: (await load()).Component }));
      loaders.set(route, load);
    }
    return route;
  });
}

/**
 * Starts fetching the chunks of the pages that `pathname` shows. Without it a page's chunk is asked for only when
 * React first renders the page, i.e. after the layout's session check has answered: one round trip later.
 */
export function preloadRoutes(routes: RouteObject[], pathname: string): void {
  for (const match of matchRoutes(routes, pathname) ?? []) void loaders.get(match.route)?.();
}
