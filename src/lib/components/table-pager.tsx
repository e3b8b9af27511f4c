import type { TablePaginationProps } from '@mui/material/TablePagination';
import TablePagination from '@mui/material/TablePagination';

interface TablePagerProps {
  /** How many rows the table has in all. */
  count: number;
  /** Zero-based. */
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  labelDisplayedRows?: TablePaginationProps['labelDisplayedRows'];
}

/** The page switcher under a table with a fixed page size; nothing when every row fits on one page. */
export function TablePager({ count, page, pageSize, onPageChange, labelDisplayedRows }: TablePagerProps) {
  if (count <= pageSize) return null;
  return (
    <TablePagination
      component="div"
      count={count}
      page={page}
      rowsPerPage={pageSize}
      rowsPerPageOptions={[pageSize]}
      onPageChange={(_event, next) => onPageChange(next)}
      labelDisplayedRows={labelDisplayedRows}
    />
  );
}
