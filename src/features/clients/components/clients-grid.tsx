import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { GridPaginationModel, GridSortDirection, GridSortModel } from '@mui/x-data-grid';
import { DataGrid } from '@mui/x-data-grid';
import { useCallback, useMemo, useState } from 'react';
import { useSameItems } from '../../../lib/use-same-items.ts';
import type { ClientsViewChange } from '../hooks/use-clients-view.ts';
import type { ClientRow } from '../utils/client-rows.ts';
import type { ClientsView } from '../utils/clients-view.ts';
import { clientCellStyles } from './client-cells.tsx';
import { createClientColumns } from './client-columns.tsx';
import { clientsGridHeight } from './clients-grid-preview.tsx';
import { ClientsGridToolbar } from './clients-grid-toolbar.tsx';

export interface ClientsGridProps {
  rows: readonly ClientRow[];
  view: ClientsView;
  onViewChange: (change: ClientsViewChange) => void;
  canRetry: boolean;
  /** Shown when no row matches, e.g. 'No client matches "shop".' */
  emptyMessage: string;
}

const pageSizeOptions = [25, 50, 100];

function EmptyOverlay({ message }: { message: string }) {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', height: '100%', p: 3 }}>
      <Typography color="textSecondary">{message}</Typography>
    </Box>
  );
}

declare module '@mui/x-data-grid' {
  interface NoRowsOverlayPropsOverrides {
    message: string;
  }
}

// Props built once: DataGrid is memoised, and a new object on every render would re-render all of it on every
// inventory publish.
const gridSlots = { toolbar: ClientsGridToolbar, noRowsOverlay: EmptyOverlay };
const gridSx = [{ bgcolor: 'background.paper' }, clientCellStyles];
const sortingOrder: GridSortDirection[] = ['asc', 'desc'];

/** The clients table (its own lazy chunk: DataGrid is the heaviest dependency of the app). */
export function ClientsGrid({ rows, view, onViewChange, canRetry, emptyMessage }: ClientsGridProps) {
  const columns = useMemo(() => createClientColumns({ canRetry }), [canRetry]);
  const [pageSize, setPageSize] = useState(50);

  // Rows come sorted (see `sortRows`): the grid only shows the sort and reports clicks (server sorting mode).
  const sortModel = useMemo<GridSortModel>(
    () => (view.sort === null ? [] : [{ field: view.sort.field, sort: view.sort.direction }]),
    [view.sort],
  );
  // The grid gets one page of rows (server pagination mode): at 10,000 clients it would otherwise rebuild its
  // row tree, sorted and paged lists for every row on every keystroke, click and inventory publish.
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const pageIndex = Math.min(view.page, pageCount) - 1;
  const pageRows = useSameItems(
    useMemo(() => rows.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize), [rows, pageIndex, pageSize]),
  );
  const paginationModel = useMemo<GridPaginationModel>(
    () => ({ page: pageIndex, pageSize }),
    [pageIndex, pageSize],
  );
  // Every row of the view, in order, for the Export menu (the grid itself only holds the page).
  const viewIds = useSameItems(useMemo(() => rows.map((row) => row.id), [rows]));
  const slotProps = useMemo(
    () => ({ toolbar: { viewIds }, noRowsOverlay: { message: emptyMessage } }),
    [viewIds, emptyMessage],
  );

  const onSortModelChange = useCallback(
    (model: GridSortModel) => {
      const [first] = model;
      onViewChange({
        change: {
          sort: first?.sort == null ? null : { field: first.field, direction: first.sort },
          page: 1,
        },
      });
    },
    [onViewChange],
  );

  const onPaginationModelChange = useCallback(
    (model: GridPaginationModel) => {
      if (model.pageSize !== pageSize) {
        setPageSize(model.pageSize);
        onViewChange({ change: { page: 1 } });
        return;
      }
      if (model.page !== pageIndex) onViewChange({ change: { page: model.page + 1 } });
    },
    [onViewChange, pageSize, pageIndex],
  );

  return (
    <Box sx={{ height: clientsGridHeight, width: '100%' }}>
      <DataGrid
        aria-label="Clients"
        rows={pageRows}
        rowCount={rows.length}
        columns={columns}
        sortingOrder={sortingOrder}
        sortingMode="server"
        sortModel={sortModel}
        onSortModelChange={onSortModelChange}
        paginationMode="server"
        paginationModel={paginationModel}
        onPaginationModelChange={onPaginationModelChange}
        pageSizeOptions={pageSizeOptions}
        disableColumnFilter
        disableRowSelectionOnClick
        showToolbar
        slots={gridSlots}
        slotProps={slotProps}
        sx={gridSx}
      />
    </Box>
  );
}
