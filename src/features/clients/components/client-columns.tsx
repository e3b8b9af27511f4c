import type { GridColDef } from '@mui/x-data-grid';
import { policyReferenceText } from '../../../identity-cloud/client-model.ts';
import type { PolicyTab } from '../../policies/routes.ts';
import { toPolicy } from '../../policies/routes.ts';
import type { ClientRow } from '../utils/client-rows.ts';
import {
  ClientIdCell,
  ClientKindCell,
  ClientNameCell,
  PolicyCell,
  RedirectUrisCell,
} from './client-cells.tsx';
import { FindingsCell } from './findings-cell.tsx';

export interface ClientColumnsOptions {
  /** Whether failed rows offer a retry (not while the stream still runs: its next publish would undo it). */
  canRetry: boolean;
}

/** The column of the client's login or token policy: its title, linking to the policy's page. */
function policyColumn(tab: PolicyTab, headerName: string): GridColDef<ClientRow> {
  const field = `${tab}Policy` as const;
  return {
    field,
    headerName,
    flex: 1,
    minWidth: 160,
    valueGetter: (_value, row) => row[`${field}Title`],
    valueFormatter: (_value, row) => policyReferenceText(row[field]),
    renderCell: ({ row, tabIndex }) => (
      <PolicyCell
        row={row}
        policy={row[field]}
        href={(policyId) => toPolicy(tab, policyId)}
        tabIndex={tabIndex}
      />
    ),
  };
}

/**
 * The clients grid's columns. Fields are the URL's sort keys (see `clientColumnFields`); the rows arrive sorted
 * (`sortRows`, by `clientSortKeys`), the grid sorts nothing itself. Values are plain row fields, so that the
 * grid's own column chooser and quick filter read the same text the cells show. Memoise the result.
 */
export function createClientColumns({ canRetry }: ClientColumnsOptions): GridColDef<ClientRow>[] {
  return [
    {
      field: 'name',
      headerName: 'Name',
      flex: 1.5,
      minWidth: 240,
      renderCell: ({ row, tabIndex }) => <ClientNameCell row={row} tabIndex={tabIndex} />,
    },
    {
      field: 'kind',
      headerName: 'Kind',
      width: 170,
      valueGetter: (_value, row) => row.kindLabel,
      renderCell: ({ row, tabIndex }) => <ClientKindCell row={row} tabIndex={tabIndex} canRetry={canRetry} />,
    },
    {
      field: 'findings',
      headerName: 'Findings',
      width: 165,
      type: 'number',
      align: 'left',
      headerAlign: 'left',
      // Worst first on the first click: the point of sorting by findings.
      sortingOrder: ['desc', 'asc'],
      // Sorted by worst severity, then count (a precomputed number); exported as "high (3)".
      valueGetter: (_value, row) => row.findingsRank,
      valueFormatter: (_value, row) =>
        row.worstSeverity === null ? '' : `${row.worstSeverity} (${row.findingsCount})`,
      renderCell: ({ row, tabIndex }) => <FindingsCell row={row} tabIndex={tabIndex} />,
    },
    {
      field: 'clientId',
      headerName: 'Client ID',
      width: 330,
      valueGetter: (_value, row) => row.id,
      renderCell: ({ row, tabIndex }) => <ClientIdCell row={row} tabIndex={tabIndex} />,
    },
    policyColumn('login', 'Login policy'),
    policyColumn('token', 'Token policy'),
    {
      field: 'redirectUris',
      headerName: 'Redirect URIs',
      flex: 1.4,
      minWidth: 220,
      type: 'number',
      align: 'left',
      headerAlign: 'left',
      // Sorted by count; exported in full.
      valueGetter: (_value, row) => row.redirectUriCount,
      valueFormatter: (_value, row) => row.redirectUris.join(' '),
      renderCell: ({ row }) => <RedirectUrisCell row={row} />,
    },
  ];
}
