import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import AddLinkIcon from '@mui/icons-material/AddLink';
import CheckIcon from '@mui/icons-material/Check';
import CloudOutlinedIcon from '@mui/icons-material/CloudOutlined';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { toConnect } from '../../lib/routes.ts';
import type { SessionFacts } from '../../lib/session/session-facts.ts';
import { shortCustomerId } from '../../lib/session/session-facts.ts';
import type { SavedTenant } from '../../lib/tenants/saved-tenants.ts';
import {
  findSavedTenant,
  sameTenant,
  switchTenantState,
  tenantKey,
} from '../../lib/tenants/saved-tenants.ts';
import { useSavedTenants } from '../../lib/tenants/use-saved-tenants.ts';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The connected tenant (its saved label, or a short customer id), opening a menu of the saved tenants to switch
 * to. Switching asks for the secret again on /connect: the proxy holds one connection per browser and never
 * keeps a secret for later.
 */
export function TenantChip({ facts }: { facts: SessionFacts }) {
  const navigate = useNavigate();
  const saved = useSavedTenants();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const buttonId = useId();
  const menuId = useId();
  const current = findSavedTenant(saved, facts);
  const others = saved.filter((tenant) => !sameTenant(tenant, facts));
  const details = `Customer ${facts.customerId} on ${facts.identityDomain}${facts.source === 'server' ? ' (server configuration)' : ''}`;
  const shown = current?.label ?? shortCustomerId(facts.customerId);

  const go = (state?: ReturnType<typeof switchTenantState>) => {
    setAnchor(null);
    void navigate(toConnect(), state === undefined ? undefined : { state });
  };

  return (
    <>
      <Button
        id={buttonId}
        color="inherit"
        size="small"
        startIcon={<CloudOutlinedIcon />}
        aria-label={`Connected tenant: ${details}${current === undefined ? '' : `, saved as ${current.label}`}`}
        aria-haspopup="menu"
        aria-controls={anchor === null ? undefined : menuId}
        aria-expanded={anchor === null ? undefined : true}
        title={details}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ textTransform: 'none', border: 1, borderColor: 'currentColor', px: 1.25, maxWidth: 240 }}
      >
        <Typography
          component="span"
          noWrap
          sx={{
            fontSize: '0.85rem',
            ...(current === undefined
              ? { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }
              : { fontWeight: 600 }),
          }}
        >
          {shown}
        </Typography>
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ list: { 'aria-labelledby': buttonId, dense: true } }}
      >
        <MenuItem onClick={() => go()}>
          <ListItemIcon>
            <CheckIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={current?.label ?? 'Connected tenant'} secondary={details} />
        </MenuItem>
        {others.length > 0 ? <Divider /> : null}
        {others.map((tenant: SavedTenant) => (
          <MenuItem key={tenantKey(tenant)} onClick={() => go(switchTenantState(tenant))}>
            <ListItemIcon>
              <SwapHorizIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText
              primary={`Switch to ${tenant.label}`}
              secondary={`${shortCustomerId(tenant.customerId)} on ${hostOf(tenant.identityDomain)} · asks for its secret`}
            />
          </MenuItem>
        ))}
        <Divider />
        <MenuItem onClick={() => go()}>
          <ListItemIcon>
            <AddLinkIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Connect to another tenant…" />
        </MenuItem>
      </Menu>
    </>
  );
}
