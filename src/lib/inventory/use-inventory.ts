import { useQuery } from '@tanstack/react-query';
import { inventoryQueryOptions } from './inventory-query.ts';

export function useInventory() {
  return useQuery(inventoryQueryOptions());
}

/**
 * Mounted by the app shell while connected: a silent observer that keeps the inventory query in use, so that
 * opening a client while the stream runs does not cancel it (react-query cancels a query whose signal was
 * consumed once its last observer unmounts), and coming back finds everything loaded.
 */
export function useKeepInventoryAlive(): void {
  useQuery({ ...inventoryQueryOptions(), enabled: false, notifyOnChangeProps: [] });
}
