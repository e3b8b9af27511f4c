import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../../lib/components/error-boundary.tsx';
import { productName } from '../../lib/use-document-title.ts';
import { toClients, toConnect, toPolicies } from '../../lib/routes.ts';
import { ColorModeToggle } from './color-mode-toggle.tsx';
import { PageLoading } from './page-loading.tsx';

const navigation = [
  { label: 'Clients', to: toClients() },
  { label: 'Policies', to: toPolicies() },
  { label: 'Connection', to: toConnect() },
];

export function AppLayout() {
  const location = useLocation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="sticky" elevation={0} enableColorOnDark>
        <Toolbar component="nav" aria-label="Main" sx={{ gap: 1 }}>
          <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}>
            {productName}
            <Typography component="span" sx={{ ml: 1, opacity: 0.8, display: { xs: 'none', md: 'inline' } }}>
              Akamai Identity Cloud
            </Typography>
          </Typography>
          {navigation.map((item) => (
            <Button
              key={item.to}
              component={NavLink}
              to={item.to}
              color="inherit"
              sx={{ '&.active': { bgcolor: 'rgba(255,255,255,0.16)' } }}
            >
              {item.label}
            </Button>
          ))}
          <Box sx={{ flexGrow: 1 }} />
          <ColorModeToggle />
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="xl" sx={{ py: 3, flexGrow: 1 }}>
        <ErrorBoundary label="This page" resetKey={location.pathname}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Container>
    </Box>
  );
}
