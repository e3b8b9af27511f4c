import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client.ts';
import { ApiErrorAlert } from '../../../lib/components/api-error-alert.tsx';
import { formatCount, pluralize } from '../../../lib/format/format.ts';
import type { StreamedInventory } from '../../../lib/inventory/inventory-snapshot.ts';
import { failuresOf } from '../../../lib/inventory/inventory-snapshot.ts';
import { retryInventoryClient } from '../api/retry-client.ts';

const policyResources = ['loginPolicy', 'loginPolicyList', 'tokenPolicy', 'tokenPolicyList'];

function PolicyFailures({ snapshot }: { snapshot: StreamedInventory }) {
  const failures = failuresOf(snapshot, policyResources);
  if (failures.length === 0) return null;
  if (failures.some((failure) => failure.status === 403)) {
    return (
      <ApiErrorAlert
        error={new ApiError(403, 'Forbidden', 'Not permitted')}
        resource="the login and token policies"
        forbiddenConsequence="The clients below are complete; only their policy titles are missing."
      />
    );
  }
  const missing = failures.filter((failure) => failure.status === 404);
  const failed = failures.filter((failure) => failure.status !== 404);
  return (
    <>
      {missing.length > 0 ? (
        <Alert severity="warning">
          <AlertTitle>
            {missing.length === 1
              ? 'Clients reference a policy that does not exist'
              : `Clients reference ${formatCount(missing.length)} policies that do not exist`}
          </AlertTitle>
          The tenant answered “not found” for {missing.map((failure) => failure.id ?? '?').join(', ')}. Those
          clients show “Missing policy”: a dangling reference worth fixing in the tenant.
        </Alert>
      ) : null}
      {failed.length > 0 ? (
        <Alert severity="warning">
          <AlertTitle>{pluralize(failed.length, 'policy', 'policies')} could not be loaded</AlertTitle>
          The clients using them show “Title unavailable”. Refresh to try again.
        </Alert>
      ) : null}
    </>
  );
}

function FailedClients({ snapshot }: { snapshot: StreamedInventory }) {
  const queryClient = useQueryClient();
  const failedIds = failuresOf(snapshot, ['client']).flatMap((failure) =>
    failure.id === null ? [] : [failure.id],
  );
  const retryAll = useMutation({
    mutationFn: async (ids: string[]) => {
      // A few at a time: the proxy and the tenant are not to be hammered.
      const queue = [...ids];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          await retryInventoryClient(queryClient, id).catch(() => undefined);
        }
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
    },
  });
  if (failedIds.length === 0) return null;
  return (
    <Alert
      severity="warning"
      action={
        <Button
          color="inherit"
          size="small"
          disabled={retryAll.isPending}
          onClick={() => retryAll.mutate(failedIds)}
        >
          Retry all
        </Button>
      }
    >
      <AlertTitle>
        {failedIds.length === 1
          ? 'One client’s details could not be loaded'
          : `${formatCount(failedIds.length)} clients’ details could not be loaded`}
      </AlertTitle>
      Their rows are marked “Failed”, or “Not found” when the client was deleted after the list was read, with
      the reason; retry them one by one or all at once.
    </Alert>
  );
}

interface InventoryAlertsProps {
  snapshot: StreamedInventory | undefined;
  error: unknown;
  isFetching: boolean;
  onRefresh: () => void;
}

/** Everything that went wrong with the inventory, one alert each; the table keeps showing what arrived. */
export function InventoryAlerts({ snapshot, error, isFetching, onRefresh }: InventoryAlertsProps) {
  const alerts = [];
  if (error !== null && !isFetching) {
    alerts.push(<ApiErrorAlert key="error" error={error} resource="the clients" onRetry={onRefresh} />);
  }
  if (snapshot !== undefined) {
    alerts.push(<PolicyFailures key="policies" snapshot={snapshot} />);
    // Retrying one client while the whole inventory is read again would race the stream's own copy.
    if (!isFetching) alerts.push(<FailedClients key="clients" snapshot={snapshot} />);
    if (!isFetching && error === null && !snapshot.complete) {
      alerts.push(
        <Alert key="incomplete" severity="warning">
          <AlertTitle>The inventory is incomplete</AlertTitle>
          The server ended the inventory before reporting every client. Refresh to load it again.
        </Alert>,
      );
    }
  }
  return alerts.length === 0 ? null : <Stack spacing={1}>{alerts}</Stack>;
}
