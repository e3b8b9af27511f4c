import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { ClientsView } from '../utils/clients-view.ts';
import { clientsViewSearch, parseClientsView, withClientsView } from '../utils/clients-view.ts';

export interface ClientsViewChange {
  change: Partial<ClientsView>;
  /** Typing replaces the history entry (one per keystroke would bury the back button); clicks push. */
  replace?: boolean;
}

/**
 * The clients list's search, kind, findings filter, sort and page, read from and written to the URL.
 *
 * Writes build on the last write, not on the last committed location: a router navigation commits
 * asynchronously, so a click right after a keystroke would otherwise start from the URL without that keystroke
 * and drop it.
 */
export function useClientsView() {
  const location = useLocation();
  const navigate = useNavigate();
  const committed = location.search;
  const view = useMemo(() => parseClientsView(new URLSearchParams(committed)), [committed]);

  const latest = useRef(committed);
  const ownWrites = useRef(new Set<string>());
  useEffect(() => {
    // A committed location we did not write (back button, a link): it becomes the base of the next write.
    if (!ownWrites.current.has(committed)) latest.current = committed;
    if (committed === latest.current) ownWrites.current.clear();
  }, [committed]);

  const updateView = useCallback(
    ({ change, replace = false }: ClientsViewChange) => {
      const base = new URLSearchParams(latest.current);
      const current = parseClientsView(base);
      // A new search or filter shows its first page.
      const resetsPage = 'query' in change || 'kind' in change || 'severity' in change;
      const search = clientsViewSearch(
        withClientsView(base, { ...current, ...(resetsPage ? { page: 1 } : {}), ...change }),
      );
      if (search === latest.current) return;
      latest.current = search;
      ownWrites.current.add(search);
      void navigate({ search }, { replace });
    },
    [navigate],
  );
  return { view, updateView };
}
