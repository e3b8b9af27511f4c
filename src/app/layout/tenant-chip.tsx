import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import CloudOutlinedIcon from '@mui/icons-material/CloudOutlined';
import { lazy, Suspense, useId, useState } from 'react';
import type { SessionFacts } from '../../lib/session/session-facts.ts';
import { shortCustomerId } from '../../lib/session/session-facts.ts';
import { findSavedTenant } from '../../lib/tenants/saved-tenants.ts';
import { useSavedTenants } from '../../lib/tenants/use-saved-tenants.ts';

const loadTenantMenu = () => import('./tenant-menu.tsx');
const TenantMenu = lazy(async () => ({ default: (await loadTenantMenu()).TenantMenu }));

/**
 * The connected tenant (its saved label, or a short customer id), opening a menu of the saved tenants to switch
 * to. Switching asks for the secret again on /connect: the proxy holds one connection per browser and never
 * keeps a secret for later.
 */
export function TenantChip({ facts }: { facts: SessionFacts }) {
  const saved = useSavedTenants();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const buttonId = useId();
  const menuId = useId();
  const current = findSavedTenant(saved, facts);
  const details = `Customer ${facts.customerId} on ${facts.identityDomain}${facts.source === 'server' ? ' (server configuration)' : ''}`;

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
        // The menu's chunk is fetched when the pointer or the focus comes near, so that it opens at once.
        onPointerEnter={() => void loadTenantMenu()}
        onFocus={() => void loadTenantMenu()}
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
          {current?.label ?? shortCustomerId(facts.customerId)}
        </Typography>
      </Button>
      {anchor !== null ? (
        <Suspense fallback={null}>
          <TenantMenu
            facts={facts}
            details={details}
            current={current}
            saved={saved}
            anchor={anchor}
            menuId={menuId}
            buttonId={buttonId}
            onClose={() => setAnchor(null)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
