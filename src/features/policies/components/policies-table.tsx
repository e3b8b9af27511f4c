import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Monospace } from '../../../lib/components/monospace.tsx';
import { formatCount } from '../../../lib/format/format.ts';
import type { PolicyRow } from '../utils/policy-rows.ts';

export interface ExtraPolicyColumn {
  header: string;
  cell: (row: PolicyRow) => ReactNode;
}

interface PoliciesTableProps {
  label: string;
  rows: readonly PolicyRow[];
  href: (policyId: string) => string;
  extraColumns: readonly ExtraPolicyColumn[];
  /** Counts are partial while the inventory still streams. */
  countsComplete: boolean;
}

export function PoliciesTable({ label, rows, href, extraColumns, countsComplete }: PoliciesTableProps) {
  if (rows.length === 0) {
    return <Typography color="text.secondary">This tenant has no {label.toLowerCase()}.</Typography>;
  }
  return (
    <TableContainer>
      <Table size="small" aria-label={label}>
        <TableHead sx={{ '& th': { fontWeight: 600 } }}>
          <TableRow>
            <TableCell>Title</TableCell>
            <TableCell>Policy ID</TableCell>
            <TableCell align="right">{countsComplete ? 'Clients' : 'Clients (counting…)'}</TableCell>
            {extraColumns.map((column) => (
              <TableCell key={column.header}>{column.header}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} hover>
              <TableCell>
                <Link component={RouterLink} to={href(row.id)} underline="hover" sx={{ fontWeight: 500 }}>
                  {row.title}
                </Link>
              </TableCell>
              <TableCell>
                <Monospace noWrap>{row.id}</Monospace>
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.clientCount === 0 && countsComplete ? (
                  <Typography component="span" variant="inherit" color="text.secondary">
                    None
                  </Typography>
                ) : (
                  formatCount(row.clientCount)
                )}
              </TableCell>
              {extraColumns.map((column) => (
                <TableCell key={column.header}>{column.cell(row)}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
