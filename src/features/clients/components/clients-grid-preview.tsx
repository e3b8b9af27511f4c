import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useLocation } from 'react-router';
import { firstNamesColumns, firstNamesPageSize } from '../../../identity-cloud/first-names.ts';
import { toClient } from '../routes.ts';
import type { ClientRow } from '../utils/client-rows.ts';
import type { ClientsListState } from './client-cells.tsx';

/** The grid's first page size (the grid keeps its own choice once it is there), as the server's first names. */
const previewPageSize = firstNamesPageSize;

/** As tall as the grid, so nothing moves when the grid takes its place. */
export const clientsGridHeight = 'max(480px, calc(100vh - 330px))';

/**
 * The names of the view's current page while the grid's chunk loads and compiles (more than a second on a slow
 * machine): the list arrives long before, and names are what the person came for. Before the list, the names the
 * server wrote into the page (the same first page). Read-only and plain: the grid replaces it, with the same rows
 * in the same order.
 */
export function ClientsGridPreview({
  rows,
  page,
}: {
  rows: readonly Pick<ClientRow, 'id' | 'name'>[];
  page: number;
}) {
  const location = useLocation();
  const state: ClientsListState = { clientsSearch: location.search };
  const pageCount = Math.max(1, Math.ceil(rows.length / previewPageSize));
  const start = (Math.min(page, pageCount) - 1) * previewPageSize;
  const pageRows = rows.slice(start, start + previewPageSize);
  return (
    <Box
      aria-busy="true"
      sx={{
        height: clientsGridHeight,
        overflow: 'hidden',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
      }}
    >
      {/* Where the grid has its toolbar: the header and rows then sit where the grid's will. */}
      <Box sx={{ height: 52, borderBottom: 1, borderColor: 'divider' }} />
      <Box
        component="table"
        aria-label="Clients (the full table is loading)"
        sx={{
          // The grid's first columns at their widths, so that each name and id sits where the grid puts it.
          width: firstNamesColumns.reduce((sum, column) => sum + column.width, 0),
          tableLayout: 'fixed',
          borderCollapse: 'collapse',
          typography: 'body2',
          '& th, & td': {
            height: 52,
            px: 1.25,
            textAlign: 'left',
            borderBottom: 1,
            borderColor: 'divider',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          },
          '& th': { height: 56, fontWeight: 500 },
        }}
      >
        <colgroup>
          {firstNamesColumns.map((column) => (
            <col key={column.name} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {firstNamesColumns.map((column) => (
              <th key={column.name} scope="col">
                {column.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pageRows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link
                  component={RouterLink}
                  to={toClient({ clientId: row.id })}
                  state={state}
                  underline="hover"
                >
                  {row.name}
                </Link>
              </td>
              <td />
              <td />
              <td>
                <Typography component="span" sx={{ fontFamily: 'monospace', fontSize: '0.8125rem' }}>
                  {row.id}
                </Typography>
              </td>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}
