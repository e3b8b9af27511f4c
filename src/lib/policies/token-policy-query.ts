import { queryOptions } from '@tanstack/react-query';
import { tokenPolicySchema } from '../../identity-cloud/schemas.ts';
import { apiGetParsed } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

/** One token policy. Seeded by the inventory. */
export function tokenPolicyQueryOptions(policyId: string) {
  return queryOptions({
    queryKey: queryKeys.tenant.tokenPolicies.detail(policyId),
    queryFn: ({ signal }) =>
      apiGetParsed(`/api/config/tokenPolicies/${encodeURIComponent(policyId)}`, tokenPolicySchema, signal),
  });
}
