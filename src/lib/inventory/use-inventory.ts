import { useQuery } from '@tanstack/react-query';
import { inventoryQueryOptions } from './inventory-query.ts';

export function useInventory() {
  return useQuery(inventoryQueryOptions());
}

/**
 * Mounted by the app shell while connected: a silent observer (it never re-renders the shell) that
 * - keeps the inventory query in use, so that opening a client while the stream runs does not cancel it
 *   (react-query cancels a query whose signal was read once its last observer unmounts), and coming back finds
 *   everything loaded;
 * - with `start`, starts the inventory as soon as the connection is known, while the page's own chunk still
 *   downloads: every page but /connect shows it.
 */
export function useKeepInventoryAlive({ start = false }: { start?: boolean } = {}): void {
  useQuery({ ...inventoryQueryOptions(), enabled: start, notifyOnChangeProps: [] });
}
