import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StreamedInventory } from '../inventory/inventory-snapshot.ts';
import { queryKeys } from '../query-keys.ts';

// The server records a finished inventory just after its last line (the write does not delay it): ask again once
// at once and once a moment later, so a History page open during a Refresh shows the new snapshot.
const recordingGraceMs = 1500;

/** Each time the inventory finishes loading, the history (and the store's status) is read again. */
export function useHistoryFollowsInventory(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    let lastDone: StreamedInventory | undefined;
    const refresh = () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tenant.history.all() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.historyStatus() });
    };
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      if (event.query.queryHash !== JSON.stringify(queryKeys.tenant.inventory())) return;
      const data = event.query.state.data as StreamedInventory | undefined;
      if (data?.complete !== true || data === lastDone) return;
      lastDone = data;
      refresh();
      const timer = setTimeout(() => {
        timers.delete(timer);
        refresh();
      }, recordingGraceMs);
      timers.add(timer);
    });
    return () => {
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
    };
  }, [queryClient]);
}
