import type { QueryClient, QueryFunctionContext } from '@tanstack/react-query';
import { notifyManager } from '@tanstack/react-query';
import type { InventoryLine } from '../../identity-cloud/inventory-stream.ts';
import { malformedLineMessage, readInventoryLines } from '../../identity-cloud/inventory-stream.ts';
import { applyInventoryLine, emptyInventory, reloadingInventory } from '../../identity-cloud/inventory.ts';
import { ApiError, networkFailureStatus } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';
import type { StreamedInventory } from './inventory-snapshot.ts';
import { snapshotOf } from './inventory-snapshot.ts';
import { readNdjsonLines } from '../../identity-cloud/ndjson-lines.ts';

/**
 * How long to wait between two publishes while the stream runs, for an inventory of `total` clients. Per line
 * would re-derive 10,000 rows 10,000 times. Each publish re-derives every row and the grid re-processes them, so
 * the pause grows with the size: 250 ms up to 1,000 clients (four steps a second still read as a moving bar), 1 s
 * from 4,000. Measured at 10,000 clients: with a fixed 100 ms, re-rendering took most of the main thread and the
 * stream itself slowed down; at 1,000 clients with the CPU slowed 4×, 100 ms cost about 8 % more blocking time.
 */
export function inventoryPublishIntervalMs(total: number | null): number {
  return Math.min(1000, Math.max(250, Math.round((total ?? 0) / 4)));
}

/**
 * The longest the fold works before letting the browser paint and answer input: a burst of lines (the network
 * delivers them in chunks, more at once on a busy machine) would otherwise be folded in one long task that
 * blocks the page for as long as the burst takes.
 */
export const foldSliceMs = 30;

/** A macrotask boundary: pending input, rendering and timers run before the fold goes on. */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Seeds each detail query from the stream, so opening a client or a policy needs no request. */
function createDetailSeeder(queryClient: QueryClient) {
  let pending: InventoryLine[] = [];
  return {
    note(line: InventoryLine) {
      if (line.kind === 'client' || line.kind === 'loginPolicy' || line.kind === 'tokenPolicy')
        pending.push(line);
    },
    flush() {
      const updatedAt = Date.now();
      for (const line of pending) {
        if (line.kind === 'client') {
          queryClient.setQueryData(queryKeys.tenant.clients.detail(line.client.id), line.client, {
            updatedAt,
          });
        } else if (line.kind === 'loginPolicy') {
          queryClient.setQueryData(queryKeys.tenant.loginPolicies.detail(line.policy.id), line.policy, {
            updatedAt,
          });
        } else if (line.kind === 'tokenPolicy') {
          queryClient.setQueryData(queryKeys.tenant.tokenPolicies.detail(line.policy.id), line.policy, {
            updatedAt,
          });
        }
      }
      pending = [];
    },
  };
}

/**
 * Reads the proxy's NDJSON inventory, folding each line with `applyInventoryLine` and publishing a snapshot
 * into the query's cache entry at most every `inventoryPublishIntervalMs(total)` (at once for the list, so
 * names show before any detail). Resolves with the final snapshot when the stream ends.
 */
export async function foldInventoryResponse(
  response: Response,
  { client: queryClient, queryKey, signal }: QueryFunctionContext,
): Promise<StreamedInventory> {
  if (response.body === null) {
    throw new ApiError(
      502,
      'Empty inventory',
      'The server answered without an inventory. Refresh to try again.',
    );
  }
  // A reload (Refresh) starts from what is on screen rather than from nothing.
  const previous = queryClient.getQueryData<StreamedInventory>(queryKey);
  const inventory = previous === undefined ? emptyInventory() : reloadingInventory(previous.inventory);
  const seeder = createDetailSeeder(queryClient);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = () => {
    clearTimeout(timer);
    timer = undefined;
    if (signal.aborted) return;
    notifyManager.batch(() => {
      seeder.flush();
      queryClient.setQueryData<StreamedInventory>(queryKey, snapshotOf(inventory, false));
    });
  };

  let sliceStart = performance.now();
  try {
    for await (const read of readInventoryLines(readNdjsonLines(response.body))) {
      if (performance.now() - sliceStart > foldSliceMs) {
        await yieldToBrowser();
        sliceStart = performance.now();
      }
      // Tolerant: a line of a kind this app does not know yet (or a malformed one) is skipped, not fatal.
      if (!read.ok) {
        console.warn(malformedLineMessage(read));
        continue;
      }
      const { line } = read;
      applyInventoryLine(inventory, line);
      seeder.note(line);
      if (line.kind === 'list') publish();
      else timer ??= setTimeout(publish, inventoryPublishIntervalMs(inventory.total));
    }
  } catch (error) {
    clearTimeout(timer);
    // Only a broken stream (the network) becomes "interrupted"; a bug stays a bug.
    if (signal.aborted || !(error instanceof TypeError)) throw error;
    // Keep what arrived: the page shows the partial inventory along with the error.
    publish();
    throw new ApiError(
      networkFailureStatus,
      'Inventory interrupted',
      'The connection to the dashboard’s server broke before the inventory was complete. Refresh to load it again.',
    );
  }
  clearTimeout(timer);
  seeder.flush();
  return snapshotOf(inventory, inventory.done !== null);
}
