import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ClientsView } from '../utils/clients-view.ts';
import { parseClientsView, withClientsView } from '../utils/clients-view.ts';

export interface ClientsViewChange {
  change: Partial<ClientsView>;
  /** Typing replaces the history entry (one per keystroke would bury the back button); clicks push. */
  replace?: boolean;
}

/** The clients list's search, kind, sort and page, read from and written to the URL. */
export function useClientsView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseClientsView(params), [params]);
  const updateView = useCallback(
    ({ change, replace = false }: ClientsViewChange) => {
      setParams(
        (previous) => {
          const current = parseClientsView(previous);
          // A new search or kind shows its first page.
          const resetsPage = 'query' in change || 'kind' in change;
          return withClientsView(previous, { ...current, ...(resetsPage ? { page: 1 } : {}), ...change });
        },
        { replace },
      );
    },
    [setParams],
  );
  return { view, updateView };
}
