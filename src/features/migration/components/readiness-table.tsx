import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { MigrationTarget } from '../../../identity-cloud/migration/migration-target.ts';
import { targetTypeLabels } from '../../../identity-cloud/migration/migration-target.ts';
import type { ClientReadiness } from '../../../identity-cloud/migration/readiness.ts';
import { DividedList, DividedListItem } from '../../../lib/components/divided-list.tsx';
import { TablePager } from '../../../lib/components/table-pager.tsx';
import { ReasonList } from '../../../lib/migration/reason-list.tsx';
import { VerdictChip } from '../../../lib/migration/verdict-chip.tsx';
import { toClient } from '../../clients/routes.ts';
import type { SortDirection, SortKey } from '../utils/migration-view.ts';

const columns: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Client' },
  { key: 'verdict', label: 'Verdict' },
  { key: 'type', label: 'Becomes' },
  { key: 'reasons', label: 'Reasons' },
];

const pageSize = 100;

function ClientLink({ row }: { row: ClientReadiness }) {
  return (
    <Link component={RouterLink} to={toClient({ clientId: row.clientId })}>
      {row.name}
    </Link>
  );
}

function Reasons({ row }: { row: ClientReadiness }) {
  return (
    <Box sx={{ typography: 'body2' }}>
      <ReasonList reasons={row.reasons} label={`Reasons for ${row.name}`} />
    </Box>
  );
}

export function ReadinessTable({
  rows,
  target,
  sort,
  direction,
  onSort,
}: {
  rows: readonly ClientReadiness[];
  target: MigrationTarget;
  sort: SortKey;
  direction: SortDirection;
  onSort: (sort: SortKey, direction: SortDirection) => void;
}) {
  const [page, setPage] = useState(0);
  const narrow = useMediaQuery(useTheme().breakpoints.down('sm'));
  const lastPage = Math.max(0, Math.ceil(rows.length / pageSize) - 1);
  const shown = Math.min(page, lastPage);
  if (rows.length === 0) {
    return <Typography color="textSecondary">No client matches this view.</Typography>;
  }
  const pageRows = rows.slice(shown * pageSize, (shown + 1) * pageSize);
  const pagination = (
    <TablePager count={rows.length} page={shown} pageSize={pageSize} onPageChange={setPage} />
  );
  if (narrow) {
    // A phone has no room for four columns: one block per client, in the same order.
    return (
      <Box>
        <DividedList label="Clients and their readiness">
          {pageRows.map((row) => (
            <DividedListItem key={row.clientId} sx={{ py: 1.5, overflowWrap: 'anywhere' }}>
              <ClientLink row={row} />
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', my: 0.5 }}>
                <VerdictChip verdict={row.verdict} />
                <Typography variant="body2">{targetTypeLabels[target][row.targetType]}</Typography>
              </Box>
              <Reasons row={row} />
            </DividedListItem>
          ))}
        </DividedList>
        {pagination}
      </Box>
    );
  }
  return (
    <Box>
      <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" aria-label="Clients and their readiness">
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column.key} sortDirection={sort === column.key ? direction : false}>
                  <TableSortLabel
                    active={sort === column.key}
                    direction={sort === column.key ? direction : 'asc'}
                    onClick={() => {
                      onSort(column.key, sort === column.key && direction === 'asc' ? 'desc' : 'asc');
                    }}
                  >
                    {column.label}
                  </TableSortLabel>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {pageRows.map((row) => (
              <TableRow key={row.clientId} sx={{ verticalAlign: 'top' }}>
                <TableCell sx={{ minWidth: 160, overflowWrap: 'anywhere' }}>
                  <ClientLink row={row} />
                </TableCell>
                <TableCell>
                  <VerdictChip verdict={row.verdict} />
                </TableCell>
                <TableCell sx={{ minWidth: 140 }}>{targetTypeLabels[target][row.targetType]}</TableCell>
                <TableCell sx={{ minWidth: 240 }}>
                  {row.reasons.length === 0 ? (
                    <Typography variant="body2" color="textSecondary">
                      None
                    </Typography>
                  ) : (
                    <Reasons row={row} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {pagination}
    </Box>
  );
}
