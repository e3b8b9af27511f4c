import type { QueryFunctionContext } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';
import type { StreamedInventory } from './inventory-snapshot.ts';

/**
 * The whole inventory, streamed (see `foldInventoryResponse` in fetch-inventory.ts). The fetcher (with its zod schemas) loads on first use:
 * the app shell holds these options from the first paint, and the initial bundle stays small.
 */
export function inventoryQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.tenant.inventory(),
    queryFn: async (context: QueryFunctionContext): Promise<StreamedInventory> => {
      // The request goes out at once, while the reader's chunk (zod and the schemas) downloads: time to first
      // rows is the user's first impression. Reading the signal here also lets react-query cancel it.
      const { signal } = context;
      // The history records how each inventory was read: a first load, or a Refresh of one on screen.
      const source = context.client.getQueryData(context.queryKey) === undefined ? 'browser' : 'refresh';
      const [response, reader] = await Promise.all([
        apiFetch(`/api/inventory?source=${source}`, { signal, headers: { accept: 'application/x-ndjson' } }),
        import('./fetch-inventory.ts'),
      ]);
      return reader.foldInventoryResponse(response, context);
    },
    // A full inventory costs one upstream request per client: it is reloaded on demand (Refresh), not on a timer.
    staleTime: Infinity,
    // Snapshots hold Maps of thousands of entries; comparing them deeply on every publish would cost more than
    // it saves.
    structuralSharing: false,
    retry: false,
  });
}
