import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import LogoutIcon from '@mui/icons-material/Logout';
import { FieldList } from '../../../lib/components/field-list.tsx';
import { Monospace } from '../../../lib/components/monospace.tsx';
import { formatDateTime, formatRelativeTime } from '../../../lib/format/format.ts';
import type { SessionFacts } from '../../../identity-cloud/session-facts.ts';
import { sessionExpiry } from '../../../lib/session/session-facts.ts';

interface CurrentConnectionProps {
  facts: SessionFacts;
  disconnecting: boolean;
  onDisconnect: () => void;
}

function expiryText(facts: SessionFacts): string {
  const expiry = sessionExpiry(facts);
  if (expiry === null) return 'Unknown';
  return `${formatDateTime(expiry)} (${formatRelativeTime(expiry)}; renewed automatically)`;
}

/** What the dashboard is connected to, from the proxy's facts (no secret, no token). */
export function CurrentConnection({ facts, disconnecting, onDisconnect }: CurrentConnectionProps) {
  const fromServer = facts.source === 'server';
  return (
    <Card variant="outlined" component="section" aria-labelledby="current-connection-heading">
      <CardContent>
        <Typography variant="h2" id="current-connection-heading" gutterBottom>
          Current connection{' '}
          <Chip
            size="small"
            color={fromServer ? 'default' : 'primary'}
            variant="outlined"
            label={fromServer ? 'Server configuration' : 'Connected with the form'}
            sx={{ ml: 1, verticalAlign: 'middle' }}
          />
        </Typography>
        <FieldList
          items={[
            { label: 'Identity domain', value: <Monospace>{facts.identityDomain}</Monospace> },
            { label: 'Customer ID', value: <Monospace>{facts.customerId}</Monospace> },
            { label: 'Client ID', value: <Monospace>{facts.clientId}</Monospace> },
            { label: 'Scope', value: <Monospace>{facts.scope ?? 'Not reported'}</Monospace> },
            { label: 'Token expires', value: expiryText(facts) },
            {
              label: 'Source',
              value: fromServer
                ? 'The server’s configuration (its IDC_* settings, or the built-in sandbox)'
                : 'This form; the secret is held by the dashboard’s server only',
            },
          ]}
        />
      </CardContent>
      {fromServer ? (
        <CardContent sx={{ pt: 0 }}>
          <Typography variant="body2" color="textSecondary">
            This connection is the server’s default and cannot be disconnected from here. Connect with the
            form below to use another tenant.
          </Typography>
        </CardContent>
      ) : (
        <CardActions sx={{ px: 2, pb: 2 }}>
          <Button
            variant="outlined"
            color="error"
            startIcon={<LogoutIcon />}
            disabled={disconnecting}
            onClick={onDisconnect}
          >
            Disconnect
          </Button>
        </CardActions>
      )}
    </Card>
  );
}
