import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloudOutlinedIcon from '@mui/icons-material/CloudOutlined';
import { NavLink } from 'react-router';
import { toConnect } from '../../lib/routes.ts';
import type { SessionFacts } from '../../lib/session/session-facts.ts';
import { shortCustomerId } from '../../lib/session/session-facts.ts';

/** The connected tenant, short; the identity domain and full customer ID on hover or focus. */
export function TenantChip({ facts }: { facts: SessionFacts }) {
  const details = `Customer ${facts.customerId} on ${facts.identityDomain}${facts.source === 'server' ? ' (server configuration)' : ''}`;
  return (
    <Tooltip title={details}>
      <Button
        component={NavLink}
        to={toConnect()}
        color="inherit"
        size="small"
        startIcon={<CloudOutlinedIcon />}
        aria-label={`Connected tenant: ${details}`}
        sx={{ textTransform: 'none', border: 1, borderColor: 'currentColor', px: 1.25 }}
      >
        <Typography
          component="span"
          sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: '0.85rem' }}
        >
          {shortCustomerId(facts.customerId)}
        </Typography>
      </Button>
    </Tooltip>
  );
}
