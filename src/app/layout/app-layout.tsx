import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../../lib/components/error-boundary.tsx';
import { useHistoryFollowsInventory } from '../../lib/history/use-history-follows-inventory.ts';
import { useKeepInventoryAlive } from '../../lib/inventory/use-inventory.ts';
import { toActivity } from '../../features/activity/routes.ts';
import { toConnect } from '../../features/connection/routes.ts';
import { sessionQueryOptions } from '../../lib/session/session-query.ts';
import { productName } from '../../lib/use-document-title.ts';
import { navigation } from '../feature-list.ts';
import { AppNavigation } from './app-navigation.tsx';
import { ColorModeToggle } from './color-mode-toggle.tsx';
import { PageLoading } from './page-loading.tsx';
import { SignedInUser } from './signed-in-user.tsx';
import { TenantChip } from './tenant-chip.tsx';

// The policy's schema and error formatting are not needed to draw the first page: the banner comes with its own
// chunk, and only says something when the server refused the file.
const AuditPolicyBanner = lazy(async () => ({
  default: (await import('../../lib/audit/audit-policy-banner.tsx')).AuditPolicyBanner,
}));

// Alerts come with their own chunk too: the first page shows them only when something failed or history is off.
const ApiErrorAlert = lazy(async () => ({
  default: (await import('../../lib/components/api-error-alert.tsx')).ApiErrorAlert,
}));
const HistoryOffBanner = lazy(async () => ({
  default: (await import('../../lib/history/history-off-banner.tsx')).HistoryOffBanner,
}));

const mainId = 'main-content';

function InventoryKeepAlive({ start }: { start: boolean }) {
  useKeepInventoryAlive({ start });
  useHistoryFollowsInventory();
  return null;
}

/**
 * Pages other than /connect need a connection: while the proxy is asked, a progress bar; without one, a
 * redirect to /connect (which says why).
 */
function ConnectionGate({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useQuery(sessionQueryOptions());
  // The access log is about people, not a tenant: it needs no connection.
  if (location.pathname === toConnect() || location.pathname === toActivity()) return children;
  if (session.data === null) return <Navigate to={toConnect()} replace />;
  if (session.error !== null && session.data === undefined) {
    return (
      <Suspense fallback={null}>
        <ApiErrorAlert
          error={session.error}
          resource="the connection"
          onRetry={() => void session.refetch()}
        />
      </Suspense>
    );
  }
  if (session.data === undefined) return <PageLoading />;
  return (
    <>
      <Suspense fallback={null}>
        <HistoryOffBanner />
      </Suspense>
      {children}
    </>
  );
}

export function AppLayout() {
  const location = useLocation();
  const session = useQuery(sessionQueryOptions());
  const facts = session.data ?? null;
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Box
        component="a"
        href={`#${mainId}`}
        sx={{
          color: 'primary.main',
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (theme) => theme.zIndex.tooltip,
          bgcolor: 'background.paper',
          px: 2,
          py: 1,
          borderRadius: 1,
          '&:focus': { top: 8 },
        }}
      >
        Skip to content
      </Box>
      <AppBar position="sticky" elevation={0} component="header">
        <Toolbar component="nav" aria-label="Main" sx={{ gap: { xs: 0.5, sm: 1 }, px: { xs: 1.5, sm: 2 } }}>
          <Typography
            variant="h6"
            component="span"
            sx={{
              fontWeight: 700,
              mr: { xs: 0, sm: 2 },
              whiteSpace: 'nowrap',
              fontSize: { xs: '1.05rem', sm: '1.25rem' },
            }}
          >
            {productName}
            <Typography component="span" sx={{ ml: 1, opacity: 0.85, display: { xs: 'none', xl: 'inline' } }}>
              Akamai Identity Cloud
            </Typography>
          </Typography>
          <AppNavigation items={navigation} />
          <Box sx={{ flexGrow: 1 }} />
          {facts !== null ? <TenantChip facts={facts} /> : null}
          <SignedInUser />
          <ColorModeToggle />
        </Toolbar>
      </AppBar>
      {facts !== null ? (
        <InventoryKeepAlive
          key={`${facts.identityDomain}|${facts.customerId}|${facts.clientId}`}
          start={location.pathname !== toConnect()}
        />
      ) : null}
      <Container
        component="main"
        id={mainId}
        tabIndex={-1}
        maxWidth="xl"
        sx={{ py: 3, flexGrow: 1, outline: 'none' }}
      >
        {location.pathname !== toConnect() ? (
          <Suspense fallback={null}>
            <AuditPolicyBanner />
          </Suspense>
        ) : null}
        <ErrorBoundary label="This page" resetKey={location.pathname}>
          <ConnectionGate>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ConnectionGate>
        </ErrorBoundary>
      </Container>
    </Box>
  );
}
