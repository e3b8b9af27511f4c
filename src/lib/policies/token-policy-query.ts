import { queryOptions } from '@tanstack/react-query';
import { apiConfigPath, configResources } from '../../identity-cloud/config-resources.ts';
import { apiGetParsed } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

/** One token policy. Seeded by the inventory. */
export function tokenPolicyQueryOptions(policyId: string) {
  return queryOptions({
    queryKey: queryKeys.tenant.tokenPolicies.detail(policyId),
    queryFn: ({ signal }) =>
      apiGetParsed(apiConfigPath('tokenPolicy', policyId), configResources.tokenPolicy.itemSchema, signal),
  });
}
