import { queryOptions } from '@tanstack/react-query';
import { clientSchema } from '../../../identity-cloud/schemas.ts';
import { apiGetParsed } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** One client's details (`GET /api/config/clients/:id`). Seeded by the inventory stream, so usually instant. */
export function clientQueryOptions(clientId: string) {
  return queryOptions({
    queryKey: queryKeys.tenant.clients.detail(clientId),
    queryFn: ({ signal }) =>
      apiGetParsed(`/api/config/clients/${encodeURIComponent(clientId)}`, clientSchema, signal),
  });
}
