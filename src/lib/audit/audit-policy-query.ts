// The audit policy in force on the server (GET /api/audit/policy): the app evaluates findings with it, through the
// same pure function as the headless audit.
import { queryOptions } from '@tanstack/react-query';
import type { AuditPolicyState } from '../../identity-cloud/audit/audit-policy-state.ts';
import { auditPolicyStateSchema, noAuditPolicy } from '../../identity-cloud/audit/audit-policy-state.ts';
import { ApiError, apiGetParsed } from '../api-client.ts';

export const auditPolicyQueryKey = ['auditPolicy'] as const;

/** A server without the route (the dev server mounts the proxy alone) has no policy. */
export async function fetchAuditPolicy({ signal }: { signal?: AbortSignal } = {}): Promise<AuditPolicyState> {
  try {
    return await apiGetParsed('/api/audit/policy', auditPolicyStateSchema, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return noAuditPolicy;
    throw error;
  }
}

export function auditPolicyQueryOptions() {
  return queryOptions({
    queryKey: auditPolicyQueryKey,
    queryFn: fetchAuditPolicy,
    // The server re-reads the file when it changes; the app asks again now and then, and on focus.
    staleTime: 10_000,
    refetchInterval: 30_000,
  });
}
