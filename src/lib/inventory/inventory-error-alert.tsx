import type { UseQueryResult } from '@tanstack/react-query';
import { ApiErrorAlert } from '../components/api-error-alert.tsx';

/**
 * The inventory's own failure (not one item's), once no attempt is running any more: one alert with a retry.
 * What had arrived stays on the page around it.
 */
export function InventoryErrorAlert({
  inventory,
}: {
  inventory: Pick<UseQueryResult, 'error' | 'isFetching' | 'refetch'>;
}) {
  if (inventory.error === null || inventory.isFetching) return null;
  return (
    <ApiErrorAlert
      error={inventory.error}
      resource="the inventory"
      onRetry={() => void inventory.refetch()}
    />
  );
}
