import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import CloudOutlinedIcon from '@mui/icons-material/CloudOutlined';
import { lazy, Suspense } from 'react';
import type { SessionFacts } from '../../identity-cloud/session-facts.ts';
import { shortCustomerId } from '../../lib/session/session-facts.ts';
import { findSavedTenant } from '../../lib/tenants/saved-tenants.ts';
import { useSavedTenants } from '../../lib/tenants/use-saved-tenants.ts';
import { useMenuButton } from '../../lib/use-menu-button.ts';

const loadTenantMenu = () => import('./tenant-menu.tsx');
const TenantMenu = lazy(async () => ({ default: (await loadTenantMenu()).TenantMenu }));

/**
 * The connected tenant (its saved label, or a short customer id), opening a menu of the saved tenants to switch
 * to. Switching asks for the secret again on /connect: the proxy holds one connection per browser and never
 * keeps a secret for later.
 */
export function TenantChip({ facts }: { facts: SessionFacts }) {
  const saved = useSavedTenants();
  const menu = useMenuButton();
  const current = findSavedTenant(saved, facts);
  const details = `Customer ${facts.customerId} on ${facts.identityDomain}${facts.source === 'server' ? ' (server configuration)' : ''}`;

  return (
    <>
      <Button
        color="inherit"
        size="small"
        startIcon={<CloudOutlinedIcon />}
        aria-label={`Connected tenant: ${details}${current === undefined ? '' : `, saved as ${current.label}`}`}
        {...menu.buttonProps}
        title={details}
        // The menu's chunk is fetched when the pointer or the focus comes near, so that it opens at once.
        onPointerEnter={() => void loadTenantMenu()}
        onFocus={() => void loadTenantMenu()}
        sx={{
          textTransform: 'none',
          border: 1,
          borderColor: 'currentColor',
          px: 1.25,
          minWidth: 0,
          maxWidth: { xs: 96, sm: 240 },
        }}
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
          {current?.label ?? shortCustomerId(facts.customerId)}
        </Typography>
      </Button>
      {menu.isOpen ? (
        <Suspense fallback={null}>
          <TenantMenu
            facts={facts}
            details={details}
            current={current}
            saved={saved}
            menuProps={menu.menuProps}
          />
        </Suspense>
      ) : null}
    </>
  );
}
