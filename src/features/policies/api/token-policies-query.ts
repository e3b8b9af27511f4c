import { queryOptions } from '@tanstack/react-query';
import { tokenPolicyListSchema } from '../../../identity-cloud/schemas.ts';
import { apiGetParsed } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Every token policy of the tenant (summaries: id and title), including those no client uses. */
export function tokenPoliciesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.tenant.tokenPolicies.list(),
    queryFn: ({ signal }) => apiGetParsed('/api/config/tokenPolicies', tokenPolicyListSchema, signal),
  });
}
