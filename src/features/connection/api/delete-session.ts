import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** `DELETE /api/session`: the proxy forgets the credentials and the token. */
export async function deleteSession(): Promise<void> {
  await apiFetch('/api/session', { method: 'DELETE' });
}

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSession,
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.tenant.all() });
      // The server's default connection, if it has one, takes over; otherwise there is none.
      await queryClient.invalidateQueries({ queryKey: queryKeys.session() });
    },
  });
}
