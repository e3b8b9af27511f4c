import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Monospace } from '../../../lib/components/monospace.tsx';
import type { SimpleColumn } from '../../../lib/components/simple-table.tsx';
import { SimpleTable } from '../../../lib/components/simple-table.tsx';
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
    return <Typography color="textSecondary">This tenant has no {label.toLowerCase()}.</Typography>;
  }
  const columns: SimpleColumn<PolicyRow>[] = [
    {
      key: 'title',
      header: 'Title',
      cell: (row) => (
        <Link component={RouterLink} to={href(row.id)} underline="hover" sx={{ fontWeight: 500 }}>
          {row.title}
        </Link>
      ),
    },
    { key: 'id', header: 'Policy ID', cell: (row) => <Monospace noWrap>{row.id}</Monospace> },
    {
      key: 'clients',
      header: countsComplete ? 'Clients' : 'Clients (counting…)',
      align: 'right',
      sx: { fontVariantNumeric: 'tabular-nums' },
      cell: (row) =>
        row.clientCount === 0 && countsComplete ? (
          <Typography component="span" variant="inherit" color="textSecondary">
            None
          </Typography>
        ) : (
          formatCount(row.clientCount)
        ),
    },
    ...extraColumns.map((column) => ({ key: column.header, ...column })),
  ];
  return <SimpleTable label={label} columns={columns} rows={rows} rowKey={(row) => row.id} />;
}
