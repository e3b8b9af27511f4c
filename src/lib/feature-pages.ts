import type { ComponentType, ReactNode } from 'react';

/** A route written the data router's way; the app turns its `lazy` page into a lazily loaded component. */
export interface AppRoute {
  path?: string;
  element?: ReactNode;
  /** The page's chunk, loaded when the route is first matched. */
  lazy?: () => Promise<{ Component: ComponentType }>;
  children?: AppRoute[];
}

/** One link of the app bar (and of its Pages menu on narrow screens). */
export interface NavigationItem {
  label: string;
  to: string;
  /** Active only on this exact path (the overview at `/`). */
  end: boolean;
}

/**
 * What a feature contributes to the app: its routes, each with a lazy page so that the page's code stays in its
 * own chunk, and its entry in the navigation. The app assembles the router and the app bar from these.
 */
export interface FeaturePages {
  routes: readonly AppRoute[];
  navigation: NavigationItem;
}

/** `path?query`, or the path alone when the query is empty. */
export function withSearch(path: string, search?: URLSearchParams | string): string {
  const query = search === undefined ? '' : search.toString();
  return query === '' ? path : `${path}?${query}`;
}

/** A route whose page is loaded on first visit: `loadPage` must use a dynamic `import()`, so the page gets its own chunk. */
export function lazyPage(path: string, loadPage: () => Promise<ComponentType>): AppRoute {
  return { path, lazy: async () => ({ Component: await loadPage() }) };
}
