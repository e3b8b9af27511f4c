import { queryOptions } from '@tanstack/react-query';
import { apiConfigPath, configResources } from '../../../identity-cloud/config-resources.ts';
import { apiGetParsed } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Every token policy of the tenant (summaries: id and title), including those no client uses. */
export function tokenPoliciesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.tenant.tokenPolicies.list(),
    queryFn: ({ signal }) =>
      apiGetParsed(apiConfigPath('tokenPolicy'), configResources.tokenPolicy.listSchema, signal),
  });
}
