import { queryOptions } from '@tanstack/react-query';
import { apiConfigPath, configResources } from '../../../identity-cloud/config-resources.ts';
import { apiGetParsed } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** One client's details (`GET /api/config/clients/:id`). Seeded by the inventory stream, so usually instant. */
export function clientQueryOptions(clientId: string) {
  return queryOptions({
    queryKey: queryKeys.tenant.clients.detail(clientId),
    queryFn: ({ signal }) =>
      apiGetParsed(apiConfigPath('client', clientId), configResources.client.itemSchema, signal),
  });
}
