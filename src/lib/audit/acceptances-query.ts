// Risks accepted in the dashboard (/api/audit/acceptances): the session tenant's list, and the two changes made to
// it (accept, revoke), each refreshing the list so that every page's findings follow at once.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptanceRequest, StoredAcceptance } from '../../identity-cloud/audit/stored-acceptance.ts';
import {
  storedAcceptanceListSchema,
  storedAcceptanceSchema,
} from '../../identity-cloud/audit/stored-acceptance.ts';
import { ApiError, apiFetch, apiGetParsed } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

/** A server without the route (the dev server mounts the proxy alone, an older build) keeps none. */
export async function fetchAcceptances({ signal }: { signal?: AbortSignal } = {}): Promise<
  StoredAcceptance[]
> {
  try {
    return (await apiGetParsed('/api/audit/acceptances', storedAcceptanceListSchema, signal)).acceptances;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

export function acceptancesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.tenant.acceptances(),
    queryFn: fetchAcceptances,
    staleTime: 10_000,
    // A store that is off says so at once; retrying would only delay the sentence.
    retry: false,
  });
}

export async function createAcceptance(request: AcceptanceRequest): Promise<StoredAcceptance> {
  const response = await apiFetch('/api/audit/acceptances', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  });
  return storedAcceptanceSchema.parse(await response.json());
}

export async function revokeAcceptance(id: string): Promise<void> {
  await apiFetch(`/api/audit/acceptances/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: { accept: 'application/json' },
  });
}

function useRefreshAcceptances() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.tenant.acceptances() });
}

export function useCreateAcceptance() {
  const refresh = useRefreshAcceptances();
  return useMutation({ mutationFn: createAcceptance, onSettled: refresh });
}

export function useRevokeAcceptance() {
  const refresh = useRefreshAcceptances();
  return useMutation({ mutationFn: revokeAcceptance, onSettled: refresh });
}
