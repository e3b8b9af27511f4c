import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../../lib/components/api-error-alert.tsx';
import { ErrorBoundary } from '../../../lib/components/error-boundary.tsx';
import { toClients, toConnect } from '../../../lib/routes.ts';
import { sessionQueryOptions } from '../../../lib/session/session-query.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useDeleteSession } from '../api/delete-session.ts';
import type { RecentConnection } from '../utils/recent-connections.ts';
import { forgetConnection, readRecentConnections, rememberConnection } from '../utils/recent-connections.ts';
import { ConnectForm } from './connect-form.tsx';
import { CurrentConnection } from './current-connection.tsx';

export function ConnectPage() {
  useDocumentTitle('Connection');
  const navigate = useNavigate();
  const session = useQuery(sessionQueryOptions());
  const disconnect = useDeleteSession();
  const [recent, setRecent] = useState<RecentConnection[]>(() => readRecentConnections());
  const [disconnected, setDisconnected] = useState(false);

  return (
    <Stack spacing={3} sx={{ maxWidth: 760 }}>
      <Box>
        <Typography variant="h1" gutterBottom>
          Connection
        </Typography>
        <Typography color="text.secondary">
          Connect with a configuration client of your Identity Cloud customer. The dashboard only reads; the
          secret goes to the dashboard’s own server, which exchanges it for a token and never hands either to
          the browser.
        </Typography>
      </Box>

      {disconnected ? (
        <Alert severity="success" onClose={() => setDisconnected(false)}>
          Disconnected. The dashboard’s server has forgotten the credentials and the token.
        </Alert>
      ) : null}

      {session.isPending ? <Skeleton variant="rounded" height={200} aria-hidden /> : null}
      {session.error !== null ? (
        <ApiErrorAlert
          error={session.error}
          resource="the current connection"
          onRetry={() => void session.refetch()}
        />
      ) : null}
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
              recent={recent}
              onForget={(connection) => setRecent(forgetConnection(connection))}
              onConnected={(facts, values) => {
                setRecent(
                  rememberConnection({
                    identityDomain: facts.identityDomain,
                    customerId: facts.customerId,
                    clientId: values.clientId.trim(),
                  }),
                );
                void navigate(toClients());
              }}
            />
          </ErrorBoundary>
        </CardContent>
      </Card>
    </Stack>
  );
}
