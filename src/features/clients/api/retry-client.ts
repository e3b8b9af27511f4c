import type { QueryClient } from '@tanstack/react-query';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StreamedInventory } from '../../../lib/inventory/inventory-snapshot.ts';
import { withInventoryClient } from '../../../lib/inventory/inventory-snapshot.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { clientQueryOptions } from './client-query.ts';

/** Fetches a client whose details failed in the inventory stream, and folds it into the inventory. */
export async function retryInventoryClient(queryClient: QueryClient, clientId: string): Promise<void> {
  const client = await queryClient.query({ ...clientQueryOptions(clientId), staleTime: 0 });
  queryClient.setQueryData<StreamedInventory>(queryKeys.tenant.inventory(), (snapshot) =>
    snapshot === undefined ? snapshot : withInventoryClient(snapshot, client),
  );
}

export function useRetryInventoryClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) => retryInventoryClient(queryClient, clientId),
  });
}
