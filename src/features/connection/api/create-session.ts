import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { SessionFacts } from '../../../identity-cloud/session-facts.ts';
import { parseSessionFacts } from '../../../lib/session/session-facts.ts';
import { clearSessionEndedNotice } from '../../../lib/session/session-end.ts';

export interface ConnectionInput {
  identityDomain: string;
  customerId: string;
  clientId: string;
  clientSecret: string;
}

/** `POST /api/session`: the proxy validates, exchanges the credentials, and answers with non-secret facts. */
export async function createSession(input: ConnectionInput): Promise<SessionFacts> {
  const response = await apiFetch('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(input),
  });
  const facts = parseSessionFacts(await response.json());
  if (facts === null) {
    throw new ApiError(
      502,
      'Unexpected answer',
      'The dashboard’s server answered in an unexpected way. Try again.',
    );
  }
  return facts;
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    // The mutation cache keeps a mutation's variables (here the secret) until it is collected: collect it as soon as
    // the connect page is gone, rather than after the default five minutes.
    gcTime: 0,
    onSuccess: (facts) => {
      // Another tenant (or the same one afresh): nothing cached from before may show.
      queryClient.removeQueries({ queryKey: queryKeys.tenant.all() });
      queryClient.setQueryData(queryKeys.session(), facts);
      clearSessionEndedNotice();
    },
  });
}
