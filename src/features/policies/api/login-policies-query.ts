import { queryOptions } from '@tanstack/react-query';
import { apiConfigPath, configResources } from '../../../identity-cloud/config-resources.ts';
import { apiGetParsed } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Every login policy of the tenant (summaries: id and title), including those no client uses. */
export function loginPoliciesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.tenant.loginPolicies.list(),
    queryFn: ({ signal }) =>
      apiGetParsed(apiConfigPath('loginPolicy'), configResources.loginPolicy.listSchema, signal),
  });
}
