import type { QueryFunctionContext } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '../query-keys.ts';
import type { InventorySnapshot } from './inventory-snapshot.ts';

/**
 * The whole inventory, streamed (see `fetchInventory`). The fetcher (with its zod schemas) loads on first use:
 * the app shell holds these options from the first paint, and the initial bundle stays small.
 */
export function inventoryQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.tenant.inventory(),
    queryFn: async (context: QueryFunctionContext): Promise<InventorySnapshot> => {
      // Read the signal before waiting for the chunk: react-query only cancels a query whose signal was read, and
      // a page left while the chunk loads must cancel the fetch that would follow.
      if (context.signal.aborted) throw new DOMException('The inventory was cancelled.', 'AbortError');
      const { fetchInventory } = await import('./fetch-inventory.ts');
      return fetchInventory(context);
    },
    // A full inventory costs one upstream request per client: it is reloaded on demand (Refresh), not on a timer.
    staleTime: Infinity,
    // Snapshots hold Maps of thousands of entries; comparing them deeply on every publish would cost more than
    // it saves.
    structuralSharing: false,
    retry: false,
  });
}
