import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { shortCustomerId } from '../../../lib/session/session-facts.ts';
import type { RecentConnection } from '../utils/recent-connections.ts';

interface RecentConnectionsProps {
  recent: readonly RecentConnection[];
  onUse: (connection: RecentConnection) => void;
  onForget: (connection: RecentConnection) => void;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Chips that prefill the form with a remembered connection (never its secret: that is typed each time). */
export function RecentConnections({ recent, onUse, onForget }: RecentConnectionsProps) {
  if (recent.length === 0) return null;
  return (
    <Box sx={{ pb: 1 }}>
      <Typography variant="body2" color="text.secondary" id="recent-connections-label" sx={{ mb: 1 }}>
        Recent connections (the secret is never remembered)
      </Typography>
      <Box
        component="ul"
        aria-labelledby="recent-connections-label"
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, listStyle: 'none', p: 0, m: 0 }}
      >
        {recent.map((connection) => {
          const label = `${shortCustomerId(connection.customerId)} on ${hostOf(connection.identityDomain)}`;
          return (
            <li key={`${connection.identityDomain}|${connection.customerId}|${connection.clientId}`}>
              <Chip
                label={label}
                title={`Customer ${connection.customerId}, client ${connection.clientId}`}
                onClick={() => onUse(connection)}
                onDelete={() => onForget(connection)}
                variant="outlined"
                aria-label={`Use recent connection ${label}`}
              />
            </li>
          );
        })}
      </Box>
    </Box>
  );
}
