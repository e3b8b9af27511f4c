import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import AddLinkIcon from '@mui/icons-material/AddLink';
import CheckIcon from '@mui/icons-material/Check';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { useNavigate } from 'react-router';
import { toConnect } from '../../features/connection/routes.ts';
import type { SessionFacts } from '../../identity-cloud/session-facts.ts';
import { shortCustomerId } from '../../lib/session/session-facts.ts';
import type { SavedTenant, SwitchTenantState } from '../../lib/tenants/saved-tenants.ts';
import { sameTenant, switchTenantState, tenantKey } from '../../lib/tenants/saved-tenants.ts';
import type { MenuProps } from '../../lib/use-menu-button.ts';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export interface TenantMenuProps {
  facts: SessionFacts;
  /** The connected tenant's description: "Customer … on …". */
  details: string;
  current: SavedTenant | undefined;
  saved: readonly SavedTenant[];
  menuProps: MenuProps;
}

/**
 * The tenant button's menu (its own chunk, loaded on first use: the app bar is on the first paint): the connected
 * tenant, the saved ones to switch to, and a way to connect to another.
 */
export function TenantMenu({ facts, details, current, saved, menuProps }: TenantMenuProps) {
  const navigate = useNavigate();
  const others = saved.filter((tenant) => !sameTenant(tenant, facts));
  const go = (state?: SwitchTenantState) => {
    menuProps.onClose();
    void navigate(toConnect(), state === undefined ? undefined : { state });
  };
  return (
    <Menu
      {...menuProps}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
      transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      slotProps={{ list: { ...menuProps.slotProps.list, dense: true } }}
    >
      <MenuItem onClick={() => go()}>
        <ListItemIcon>
          <CheckIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText primary={current?.label ?? 'Connected tenant'} secondary={details} />
      </MenuItem>
      {others.length > 0 ? <Divider /> : null}
      {others.map((tenant) => (
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
  );
}
