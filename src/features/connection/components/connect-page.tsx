import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { connectionShell } from '../../../identity-cloud/page-shells.ts';
import { ApiErrorAlert } from '../../../lib/components/api-error-alert.tsx';
import { ErrorBoundary } from '../../../lib/components/error-boundary.tsx';
import { PageHeading } from '../../../lib/components/page-heading.tsx';
import { QueryErrorAlert } from '../../../lib/components/query-error-alert.tsx';
import { toClients } from '../../clients/routes.ts';
import { toConnect } from '../routes.ts';
import { sessionQueryOptions } from '../../../lib/session/session-query.ts';
import { useSessionEndedNotice } from '../../../lib/session/session-end.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useDeleteSession } from '../api/delete-session.ts';
import { forgetTenant, readSwitchTenantState, saveTenant } from '../../../lib/tenants/saved-tenants.ts';
import { useSavedTenants } from '../../../lib/tenants/use-saved-tenants.ts';
import { ConnectForm } from './connect-form.tsx';
import { CurrentConnection } from './current-connection.tsx';

export function ConnectPage() {
  useDocumentTitle('Connection');
  const navigate = useNavigate();
  const location = useLocation();
  const session = useQuery(sessionQueryOptions());
  const disconnect = useDeleteSession();
  const saved = useSavedTenants();
  const switchTo = readSwitchTenantState(location.state);
  const [disconnected, setDisconnected] = useState(false);
  const ended = useSessionEndedNotice();

  return (
    <Stack spacing={3} sx={{ maxWidth: connectionShell.maxWidth ?? undefined }}>
      <PageHeading title={connectionShell.heading}>{connectionShell.lead}</PageHeading>

      {disconnected ? (
        <Alert severity="success" onClose={() => setDisconnected(false)}>
          Disconnected. The dashboard’s server has forgotten the credentials and the token.
        </Alert>
      ) : null}

      {ended !== null && !session.data ? (
        <Alert severity="warning" role="alert">
          {ended}
        </Alert>
      ) : null}

      {switchTo !== null ? (
        <Alert severity="info">
          To switch to <strong>{switchTo.label}</strong>, enter its client secret. The dashboard’s server
          holds one connection per browser and forgets the previous one’s secret; this browser remembers only
          the ids.
        </Alert>
      ) : null}

      {session.isPending ? <Skeleton variant="rounded" height={200} aria-hidden /> : null}
      <QueryErrorAlert query={session} resource="the current connection" />
      {disconnect.error !== null ? (
        <ApiErrorAlert error={disconnect.error} resource="the connection" />
      ) : null}
      {session.data ? (
        <CurrentConnection
          facts={session.data}
          disconnecting={disconnect.isPending}
          onDisconnect={() =>
            disconnect.mutate(undefined, {
              onSuccess: () => {
                setDisconnected(true);
                void navigate(toConnect(), { replace: true });
              },
            })
          }
        />
      ) : null}

      <Card variant="outlined" component="section" aria-labelledby="connect-heading">
        <CardContent>
          <Typography variant="h2" id="connect-heading" gutterBottom>
            {session.data ? 'Connect to another tenant' : 'Connect to a tenant'}
          </Typography>
          <ErrorBoundary label="The connection form">
            <ConnectForm
              // A new switch (another pick in the tenant menu) starts a fresh form with that tenant's ids.
              key={location.key}
              recent={saved}
              switchTo={switchTo}
              onForget={(tenant) => forgetTenant(tenant)}
              onConnected={(facts, values) => {
                saveTenant({
                  identityDomain: facts.identityDomain,
                  customerId: facts.customerId,
                  clientId: values.clientId.trim(),
                  label: values.label,
                });
                void navigate(toClients());
              }}
            />
          </ErrorBoundary>
        </CardContent>
      </Card>
    </Stack>
  );
}
