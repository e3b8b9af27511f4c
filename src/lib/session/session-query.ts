import { queryOptions } from '@tanstack/react-query';
import { ApiError, apiGetJson } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';
import type { SessionFacts } from '../../identity-cloud/session-facts.ts';
import { parseSessionFacts } from './session-facts.ts';
import { clearSessionEndedNotice } from './session-end.ts';

/** The current connection, or null when there is none (the proxy answers 401). */
export async function fetchSession({ signal }: { signal?: AbortSignal } = {}): Promise<SessionFacts | null> {
  try {
    const facts = parseSessionFacts(await apiGetJson('/api/session', signal));
    if (facts === null) {
      throw new ApiError(502, 'Unexpected answer', 'The dashboard’s server answered in an unexpected way.');
    }
    // A live connection (the server's default one after a lost cookie, say): nothing ended for this person.
    clearSessionEndedNotice();
    return facts;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.session(),
    queryFn: fetchSession,
    // The proxy keeps the token fresh on its own; the facts only change when someone connects or disconnects.
    staleTime: 5 * 60_000,
  });
}
