import { queryOptions } from '@tanstack/react-query';
import { loginPolicyListSchema } from '../../../identity-cloud/schemas.ts';
import { apiGetParsed } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Every login policy of the tenant (summaries: id and title), including those no client uses. */
export function loginPoliciesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.tenant.loginPolicies.list(),
    queryFn: ({ signal }) => apiGetParsed('/api/config/loginPolicies', loginPolicyListSchema, signal),
  });
}
