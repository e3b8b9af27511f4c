import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { classifyClient, clientKindDescriptions } from '../../../identity-cloud/client-kind.ts';
import type { ClientHistory } from '../../../identity-cloud/history.ts';
import type { Client } from '../../../identity-cloud/schemas.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { ApiErrorAlert } from '../../../lib/components/api-error-alert.tsx';
import { BackLink } from '../../../lib/components/back-link.tsx';
import { ClientKindChip } from '../../../lib/components/client-kind-chip.tsx';
import { CopyButton } from '../../../lib/components/copy-button.tsx';
import { ErrorBoundary } from '../../../lib/components/error-boundary.tsx';
import { FieldList } from '../../../lib/components/field-list.tsx';
import { Monospace } from '../../../lib/components/monospace.tsx';
import { RawJson } from '../../../lib/components/raw-json.tsx';
import { formatDateTime } from '../../../lib/format/format.ts';
import { clientHistoryQueryOptions } from '../../../lib/history/history-queries.ts';
import { ClientReadinessCard } from '../../../lib/migration/client-readiness-card.tsx';
import { toClients } from '../routes.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { clientQueryOptions } from '../api/client-query.ts';
import { clientDisplayName } from '../../../identity-cloud/client-model.ts';
import type { ClientsListState } from './client-cells.tsx';
import { ClientFindingsCard } from './client-findings-card.tsx';
import { ClientHistoryCard } from './client-history-card.tsx';
import { LoginPolicyCard, TokenPolicyCard } from './client-policy-cards.tsx';
import { RedirectUriList } from './redirect-uri-list.tsx';

function isClientsListState(value: unknown): value is ClientsListState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ClientsListState).clientsSearch === 'string'
  );
}

/** Back to the list with the filters it had when the client was opened. */
function BackToClients() {
  const state: unknown = useLocation().state;
  const search = isClientsListState(state) ? state.clientsSearch.replace(/^\?/, '') : '';
  return <BackLink to={toClients(search)}>Back to clients</BackLink>;
}

function ClientNotFound({ clientId }: { clientId: string }) {
  return (
    <Stack spacing={2} sx={{ py: 4, alignItems: 'flex-start' }}>
      <Typography variant="h1">Client not found</Typography>
      <Typography color="textSecondary">
        This tenant has no client with the id <Monospace>{clientId}</Monospace>. It may have been deleted, or
        the link may belong to another tenant.
      </Typography>
      <Button variant="contained" component={RouterLink} to={toClients()}>
        Go to the clients
      </Button>
    </Stack>
  );
}

/** A client gone from the tenant, as the history last saw it. */
interface RemovedFromTenant {
  removedAt: string | null;
  lastSeenAt: string;
}

function RemovedAlert({ removed }: { removed: RemovedFromTenant }) {
  const lastSeen = formatDateTime(new Date(removed.lastSeenAt));
  return (
    <Alert severity="warning">
      {removed.removedAt
        ? `Removed on ${formatDateTime(new Date(removed.removedAt))}.`
        : 'No longer in the tenant.'}{' '}
      This is the client as the history last saw it ({lastSeen}), read-only: nothing here is current.
    </Alert>
  );
}

function ClientDetails({ client, removed }: { client: Client; removed?: RemovedFromTenant }) {
  const name = clientDisplayName(client);
  const kind = classifyClient(client);
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h1" gutterBottom sx={{ overflowWrap: 'anywhere' }}>
          {name}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <ClientKindChip kind={kind} />
          <Typography variant="body2" color="textSecondary">
            {clientKindDescriptions[kind]}
          </Typography>
        </Stack>
      </Box>

      {removed !== undefined ? (
        <RemovedAlert removed={removed} />
      ) : (
        <ErrorBoundary label="The findings">
          <ClientFindingsCard clientId={client.id} />
        </ErrorBoundary>
      )}

      {removed === undefined ? (
        <ErrorBoundary label="The migration readiness">
          <ClientReadinessCard clientId={client.id} />
        </ErrorBoundary>
      ) : null}

      <Card variant="outlined">
        <CardContent>
          <Typography variant="h2" gutterBottom>
            Identity
          </Typography>
          <FieldList
            items={[
              {
                label: 'Client ID',
                value: (
                  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
                    <Monospace>{client.id}</Monospace>
                    <CopyButton value={client.id} label="client ID" />
                  </Box>
                ),
              },
              { label: 'Type', value: client.type ?? '—' },
              {
                label: 'Application client',
                value: client._links?.applicationClient?.href ? (
                  <Monospace>{client._links.applicationClient.href}</Monospace>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </CardContent>
      </Card>

      <Card variant="outlined">
        <CardContent>
          <Typography variant="h2" gutterBottom>
            Redirect URIs ({client.redirectURIs?.length ?? 0})
          </Typography>
          <RedirectUriList uris={client.redirectURIs ?? []} />
        </CardContent>
      </Card>

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'stretch' }}>
        <ErrorBoundary label="The login policy">
          <LoginPolicyCard policyId={client.loginPolicy ?? null} clientKindText={kind} />
        </ErrorBoundary>
        <ErrorBoundary label="The token policy">
          <TokenPolicyCard policyId={client.tokenPolicy ?? null} />
        </ErrorBoundary>
      </Stack>

      <ErrorBoundary label="The history">
        <ClientHistoryCard clientId={client.id} />
      </ErrorBoundary>

      <RawJson value={client} />
    </Stack>
  );
}

/** The last version the history holds of a client the tenant no longer has, if any. */
function lastRecorded(
  history: ClientHistory | undefined,
): { client: Client; removed: RemovedFromTenant } | null {
  const last = history?.versions.at(-1);
  if (history === undefined || last === undefined) return null;
  return { client: last.client, removed: { removedAt: history.removedAt ?? null, lastSeenAt: last.takenAt } };
}

export function ClientPage() {
  const { clientId = '' } = useParams();
  const client = useQuery(clientQueryOptions(clientId));
  const notFound = client.error instanceof ApiError && client.error.status === 404;
  // Gone from the tenant: the history may still know it.
  const history = useQuery({ ...clientHistoryQueryOptions(clientId), enabled: notFound });
  const recorded = notFound ? lastRecorded(history.data) : null;
  const historyPending = notFound && history.isLoading;
  useDocumentTitle(
    client.data !== undefined
      ? clientDisplayName(client.data)
      : recorded !== null
        ? `${clientDisplayName(recorded.client)} (removed)`
        : notFound && !historyPending
          ? 'Client not found'
          : 'Client',
  );

  let content;
  if (client.data !== undefined) {
    content = <ClientDetails client={client.data} />;
  } else if (recorded !== null) {
    content = <ClientDetails client={recorded.client} removed={recorded.removed} />;
  } else if (notFound && !historyPending) {
    content = <ClientNotFound clientId={clientId} />;
  } else if (client.error !== null) {
    content = (
      <Stack spacing={2}>
        <Typography variant="h1">Client</Typography>
        <ApiErrorAlert error={client.error} resource="this client" onRetry={() => void client.refetch()} />
      </Stack>
    );
  } else {
    content = (
      <Stack spacing={2} aria-busy="true">
        <Typography variant="h1">
          <Skeleton width="40%" />
          <Box component="span" sx={{ position: 'absolute', left: -9999 }}>
            Loading client
          </Box>
        </Typography>
        <Skeleton variant="rounded" height={160} />
        <Skeleton variant="rounded" height={200} />
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      <Box component="nav" aria-label="Breadcrumb">
        <BackToClients />
      </Box>
      {content}
    </Stack>
  );
}
