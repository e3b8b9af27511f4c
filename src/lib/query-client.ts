import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client.ts';
import { queryKeys } from './query-keys.ts';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Refusals and missing resources will not change on a retry; network and 5xx failures may.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function createQueryClient(): QueryClient {
  // A 401 anywhere may mean the session is gone (server restarted, disconnected in another tab): re-ask the
  // proxy, and the shell sends the person to /connect if so. A 401 with a live session stays an inline alert.
  const recheckSession = (error: unknown, queryKey: readonly unknown[]) => {
    if (!isUnauthorized(error) || queryKey[0] === queryKeys.session()[0]) return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.session() });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => recheckSession(error, query.queryKey) }),
    defaultOptions: {
      queries: { staleTime: 60_000, retry: shouldRetry, refetchOnWindowFocus: false },
    },
  });
  return queryClient;
}
