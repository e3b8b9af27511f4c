import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { SavedTenant } from '../../../lib/tenants/saved-tenants.ts';
import { tenantKey } from '../../../lib/tenants/saved-tenants.ts';

interface RecentConnectionsProps {
  recent: readonly SavedTenant[];
  onUse: (tenant: SavedTenant) => void;
  onForget: (tenant: SavedTenant) => void;
}

/** Chips that prefill the form with a saved tenant (never its secret: that is typed each time). */
export function RecentConnections({ recent, onUse, onForget }: RecentConnectionsProps) {
  if (recent.length === 0) return null;
  return (
    <Box sx={{ pb: 1 }}>
      <Typography variant="body2" color="textSecondary" id="recent-connections-label" sx={{ mb: 1 }}>
        Saved tenants (the secret is never remembered)
      </Typography>
      <Box
        component="ul"
        aria-labelledby="recent-connections-label"
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, listStyle: 'none', p: 0, m: 0 }}
      >
        {recent.map((tenant) => (
          <li key={tenantKey(tenant)}>
            <Chip
              label={tenant.label}
              title={`Customer ${tenant.customerId} on ${tenant.identityDomain}, client ${tenant.clientId}`}
              onClick={() => onUse(tenant)}
              onDelete={() => onForget(tenant)}
              variant="outlined"
              aria-label={`Use recent connection ${tenant.label}`}
            />
          </li>
        ))}
      </Box>
    </Box>
  );
}
