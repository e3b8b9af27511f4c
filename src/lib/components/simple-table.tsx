import type { SxProps, Theme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ReactNode } from 'react';

export interface SimpleColumn<Row> {
  /** Unique among the table's columns. */
  key: string;
  header: ReactNode;
  align?: 'right';
  /** The style of the column's body cells. */
  sx?: SxProps<Theme>;
  cell: (row: Row) => ReactNode;
}

interface SimpleTableProps<Row> {
  label: string;
  columns: readonly SimpleColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}

/** A small read-only table: bold headers, one row per item, each cell drawn by its column. */
export function SimpleTable<Row>({ label, columns, rows, rowKey }: SimpleTableProps<Row>) {
  return (
    <TableContainer>
      <Table size="small" aria-label={label}>
        <TableHead sx={{ '& th': { fontWeight: 600 } }}>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.key} align={column.align}>
                {column.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} hover>
              {columns.map((column) => (
                <TableCell key={column.key} align={column.align} sx={column.sx}>
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
