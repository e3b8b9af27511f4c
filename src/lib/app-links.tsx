import { createContext, useContext } from 'react';

/**
 * The links shared components need to features' pages. Lib code may not import a feature, so the app, which
 * knows every feature's routes, provides their builders here.
 */
export interface AppLinks {
  toConnect: () => string;
  toMigration: (search?: URLSearchParams | string) => string;
}

const AppLinksContext = createContext<AppLinks | null>(null);

export const AppLinksProvider = AppLinksContext.Provider;

export function useAppLinks(): AppLinks {
  const links = useContext(AppLinksContext);
  if (links === null) throw new Error('useAppLinks needs the app’s AppLinksProvider above it.');
  return links;
}
