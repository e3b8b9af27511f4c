import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { ApiErrorAlert } from '../../lib/components/api-error-alert.tsx';
import { ErrorBoundary } from '../../lib/components/error-boundary.tsx';
import { useKeepInventoryAlive } from '../../lib/inventory/use-inventory.ts';
import {
  toClients,
  toConnect,
  toDrift,
  toFindings,
  toMigration,
  toOverview,
  toPolicies,
} from '../../lib/routes.ts';
import { sessionQueryOptions } from '../../lib/session/session-query.ts';
import { productName } from '../../lib/use-document-title.ts';
import { ColorModeToggle } from './color-mode-toggle.tsx';
import { PageLoading } from './page-loading.tsx';
import { TenantChip } from './tenant-chip.tsx';

const navigation = [
  { label: 'Overview', to: toOverview(), end: true },
  { label: 'Clients', to: toClients(), end: false },
  { label: 'Findings', to: toFindings(), end: false },
  { label: 'Policies', to: toPolicies(), end: false },
  { label: 'Drift', to: toDrift(), end: false },
  { label: 'Migration', to: toMigration(), end: false },
  { label: 'Connection', to: toConnect(), end: false },
];

const mainId = 'main-content';

function InventoryKeepAlive({ start }: { start: boolean }) {
  useKeepInventoryAlive({ start });
  return null;
}

/**
 * Pages other than /connect need a connection: while the proxy is asked, a progress bar; without one, a
 * redirect to /connect (which says why).
 */
function ConnectionGate({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useQuery(sessionQueryOptions());
  if (location.pathname === toConnect()) return children;
  if (session.data === null) return <Navigate to={toConnect()} replace />;
  if (session.error !== null && session.data === undefined) {
    return (
      <ApiErrorAlert error={session.error} resource="the connection" onRetry={() => void session.refetch()} />
    );
  }
  if (session.data === undefined) return <PageLoading />;
  return children;
}

export function AppLayout() {
  const location = useLocation();
  const session = useQuery(sessionQueryOptions());
  const facts = session.data ?? null;
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Link
        href={`#${mainId}`}
        sx={{
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
      </Link>
      <AppBar position="sticky" elevation={0} component="header">
        <Toolbar component="nav" aria-label="Main" sx={{ gap: 1 }}>
          <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}>
            {productName}
            <Typography component="span" sx={{ ml: 1, opacity: 0.85, display: { xs: 'none', lg: 'inline' } }}>
              Akamai Identity Cloud
            </Typography>
          </Typography>
          {navigation.map((item) => (
            <Button
              key={item.to}
              component={NavLink}
              to={item.to}
              end={item.end}
              color="inherit"
              sx={{ '&.active': { bgcolor: 'rgba(255,255,255,0.16)' } }}
            >
              {item.label}
            </Button>
          ))}
          <Box sx={{ flexGrow: 1 }} />
          {facts !== null ? <TenantChip facts={facts} /> : null}
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
