import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import RefreshIcon from '@mui/icons-material/Refresh';
import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { clientKindLabels, clientKinds } from '../../../identity-cloud/client-kind.ts';
import { ErrorBoundary } from '../../../lib/components/error-boundary.tsx';
import { formatCount, pluralize } from '../../../lib/format/format.ts';
import { inventoryProgress } from '../../../lib/inventory/inventory-snapshot.ts';
import { useInventoryFindings } from '../../../lib/inventory/use-inventory-findings.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useCarriedFirstNames } from '../hooks/use-carried-first-names.ts';
import { useClientsView } from '../hooks/use-clients-view.ts';
import { toClientRows } from '../utils/client-rows.ts';
import { deriveClientsList } from '../utils/clients-view.ts';
import { clientsGridHeight, ClientsGridPreview } from './clients-grid-preview.tsx';
import { ClientsSearchField } from './clients-search-field.tsx';
import { FindingsFilter, severityFilterWords } from './findings-filter.tsx';
import { InventoryAlerts } from './inventory-alerts.tsx';
import { InventoryProgressBar } from './inventory-progress-bar.tsx';
import { KindFilter } from './kind-filter.tsx';

const loadClientsGrid = () => import('./clients-grid.tsx');
const ClientsGrid = lazy(async () => ({ default: (await loadClientsGrid()).ClientsGrid }));

function GridPlaceholder() {
  return <Skeleton variant="rounded" height={clientsGridHeight} aria-hidden />;
}

export function ClientsPage() {
  useDocumentTitle('Clients');
  const { inventory, evaluated } = useInventoryFindings();
  const { view, updateView } = useClientsView();
  const snapshot = inventory.data;
  const carriedNames = useCarriedFirstNames(view, snapshot !== undefined);
  // The grid's chunk downloads while the list streams in, not after.
  useEffect(() => {
    void loadClientsGrid();
  }, []);

  // Derived once per publish (rows, with the findings evaluated once for it) or per change of the search, a
  // filter or the sort: never per render, nor per page.
  const rows = useMemo(
    () => (snapshot === undefined ? [] : toClientRows(snapshot, evaluated)),
    [snapshot, evaluated],
  );
  const { query, kind, severity } = view;
  const sortField = view.sort?.field ?? null;
  const sortDirection = view.sort?.direction ?? null;
  const list = useMemo(
    () =>
      deriveClientsList(rows, {
        query,
        kind,
        severity,
        sort:
          sortField === null || sortDirection === null
            ? null
            : { field: sortField, direction: sortDirection },
      }),
    [rows, query, kind, severity, sortField, sortDirection],
  );
  const allCounts = list.totals;
  const countedKinds = allCounts.public + allCounts.confidential + allCounts.configuration;
  const progress = snapshot === undefined ? null : inventoryProgress(snapshot);
  // Reading the inventory, from the first load or from the click on Refresh (while the previous, complete
  // inventory stays on screen): not the export menu's `streaming`, which means a partial inventory is shown.
  const reading = inventory.isFetching;

  const { refetch } = inventory;
  const refresh = useCallback(() => void refetch(), [refetch]);
  const onSearch = useCallback(
    (query: string) => updateView({ change: { query }, replace: true }),
    [updateView],
  );

  const total = snapshot?.inventory.total ?? null;
  const kindWords = view.kind === null ? '' : `${clientKindLabels[view.kind].toLowerCase()} `;
  const findingsWords = view.severity === null ? '' : ` ${severityFilterWords(view.severity)}`;
  const emptyMessage =
    total === 0
      ? 'This tenant has no clients.'
      : view.query.trim() !== ''
        ? `No ${kindWords}client${findingsWords} matches “${view.query.trim()}”.`
        : `No ${kindWords}client${findingsWords}.`;

  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 2 }}>
        <Box sx={{ flexGrow: 1 }}>
          <Typography variant="h1" gutterBottom>
            Clients
          </Typography>
          {total === null ? (
            <Skeleton width={220} aria-hidden />
          ) : (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'baseline' }}>
              <Typography sx={{ fontWeight: 600 }}>{pluralize(total, 'client')}</Typography>
              <Typography variant="body2" color="textSecondary">
                {clientKinds.map((kind) => `${formatCount(allCounts[kind])} ${kind}`).join(' · ')}
                {reading && countedKinds < allCounts.all ? ' so far' : ''}
              </Typography>
            </Box>
          )}
        </Box>
        <Button variant="outlined" startIcon={<RefreshIcon />} onClick={refresh}>
          Refresh
        </Button>
      </Box>

      <InventoryProgressBar
        reading={reading}
        progress={reading && snapshot?.complete === true ? null : progress}
      />

      {snapshot === undefined && inventory.error !== null ? null : (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack spacing={2}>
            <Box
              role="search"
              aria-label="Clients"
              sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}
            >
              <ClientsSearchField value={view.query} onChange={onSearch} />
              <KindFilter
                value={view.kind}
                counts={list.kindCounts}
                onChange={(kind) => updateView({ change: { kind } })}
              />
              <FindingsFilter
                value={view.severity}
                counts={list.severityCounts}
                onChange={(severity) => updateView({ change: { severity } })}
              />
            </Box>
            <ErrorBoundary label="The clients table">
              {snapshot === undefined ? (
                carriedNames === null ? (
                  <GridPlaceholder />
                ) : (
                  <ClientsGridPreview rows={carriedNames} page={1} />
                )
              ) : (
                <Suspense fallback={<ClientsGridPreview rows={list.rows} page={view.page} />}>
                  <ClientsGrid
                    rows={list.rows}
                    view={view}
                    onViewChange={updateView}
                    canRetry={!inventory.isFetching}
                    emptyMessage={emptyMessage}
                  />
                </Suspense>
              )}
            </ErrorBoundary>
          </Stack>
        </Paper>
      )}

      {/* Below the table: an alert that appears while or after the details stream (a missing policy, failed
          clients) would otherwise push the whole table down. */}
      <InventoryAlerts
        snapshot={snapshot}
        error={inventory.error}
        isFetching={inventory.isFetching}
        onRefresh={refresh}
      />
    </Stack>
  );
}
