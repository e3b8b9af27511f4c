import { queryOptions } from '@tanstack/react-query';
import { apiConfigPath, configResources } from '../../identity-cloud/config-resources.ts';
import { apiGetParsed } from '../api-client.ts';
import { queryKeys } from '../query-keys.ts';

/** One login policy (`connectionDetails.clientSecret` already redacted by the proxy). Seeded by the inventory. */
export function loginPolicyQueryOptions(policyId: string) {
  return queryOptions({
    queryKey: queryKeys.tenant.loginPolicies.detail(policyId),
    queryFn: ({ signal }) =>
      apiGetParsed(apiConfigPath('loginPolicy', policyId), configResources.loginPolicy.itemSchema, signal),
  });
}
