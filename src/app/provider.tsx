import type { ReactNode } from 'react';
import { useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryClientProvider } from '@tanstack/react-query';
import { toConnect } from '../features/connection/routes.ts';
import { toMigration } from '../features/migration/routes.ts';
import type { AppLinks } from '../lib/app-links.tsx';
import { AppLinksProvider } from '../lib/app-links.tsx';
import { createQueryClient } from '../lib/query-client.ts';
import { theme } from './theme.ts';

const appLinks: AppLinks = { toConnect, toMigration };

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <ThemeProvider theme={theme} defaultMode="system" noSsr>
      <CssBaseline enableColorScheme />
      <QueryClientProvider client={queryClient}>
        <AppLinksProvider value={appLinks}>{children}</AppLinksProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
