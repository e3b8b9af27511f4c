// The history the server keeps (`/api/history/*`): one file, one definition per read, used by the pages, the
// client page's card and the shell's banner. The schemas load with the first read, not with the shell.
import type { QueryKey } from '@tanstack/react-query';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiGetJson } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

const historySchemas = () => import('../../identity-cloud/history.ts');
const snapshotSchemas = () => import('../../identity-cloud/snapshot.ts');

function unexpected(): ApiError {
  return new ApiError(
    502,
    'Unexpected answer',
    'The dashboard’s server answered the history request with data this dashboard does not understand. Try again, or report it.',
  );
}

interface Schema<Output> {
  safeParse: (value: unknown) => { success: true; data: Output } | { success: false };
}

async function getParsed<Output>(path: string, schema: Schema<Output>, signal: AbortSignal): Promise<Output> {
  const parsed = schema.safeParse(await apiGetJson(path, signal));
  if (!parsed.success) throw unexpected();
  return parsed.data;
}

/** A store that is off answers at once and stays off for a while: asking again at once would only delay saying so. */
function retryHistory(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && ((error.status >= 400 && error.status < 500) || error.status === 503)) {
    return false;
  }
  return failureCount < 2;
}

/** A read of one history route: its answer checked by a schema that loads with the first read. */
function historyRead<Key extends QueryKey, Output>(
  queryKey: Key,
  path: string,
  loadSchema: () => Promise<Schema<Output>>,
  staleTime: number,
) {
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }) => getParsed(path, await loadSchema(), signal),
    staleTime,
    retry: retryHistory,
  });
}

/** The answer of a server without any history routes (an older one) reads like the store being off. */
const notThereReason = 'this dashboard’s server does not keep a history';

/** Whether the server records history, and if not, why (`GET /api/history/status`). */
export function historyStatusQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.historyStatus(),
    queryFn: async ({ signal }) => {
      const { historyStatusSchema } = await historySchemas();
      try {
        return await getParsed('/api/history/status', historyStatusSchema, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return { enabled: false, reason: notThereReason };
        }
        throw error;
      }
    },
    staleTime: 30_000,
    retry: retryHistory,
    // A store that was off (disk full, Postgres down) may come back: ask again now and then while it is off.
    refetchInterval: (query) => (query.state.data?.enabled === false ? 60_000 : false),
  });
}

/** The tenant's snapshots, newest first. */
export function historySnapshotsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.tenant.history.snapshots(),
    queryFn: async ({ signal }) => {
      const { historySnapshotListSchema } = await historySchemas();
      return (await getParsed('/api/history/snapshots', historySnapshotListSchema, signal)).snapshots;
    },
    staleTime: 10_000,
    retry: retryHistory,
  });
}

/** One stored snapshot's content, in the exported file's format. A snapshot never changes once stored. */
export function historySnapshotQueryOptions(snapshotId: string) {
  return historyRead(
    queryKeys.tenant.history.snapshot(snapshotId),
    `/api/history/snapshots/${encodeURIComponent(snapshotId)}`,
    async () => (await snapshotSchemas()).inventorySnapshotSchema,
    Infinity,
  );
}

/** One client's distinct versions, oldest first, and when it left the tenant. */
export function clientHistoryQueryOptions(clientId: string) {
  return historyRead(
    queryKeys.tenant.history.client(clientId),
    `/api/history/clients/${encodeURIComponent(clientId)}`,
    async () => (await historySchemas()).clientHistorySchema,
    10_000,
  );
}

/** 503 from a history route: the store is off or broken (the shell's banner says why). */
export function isHistoryOff(error: unknown): boolean {
  return error instanceof ApiError && error.status === 503;
}

/** The list itself missing (404) means a server without history routes: as good as off. */
export function isHistoryListUnavailable(error: unknown): boolean {
  return isHistoryOff(error) || (error instanceof ApiError && error.status === 404);
}
