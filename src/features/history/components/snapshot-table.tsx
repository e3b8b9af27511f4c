import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { memo } from 'react';
import { Link as RouterLink } from 'react-router';
import type { HistorySnapshot, SnapshotChangeCounts } from '../../../identity-cloud/history.ts';
import { findingsTotal } from '../../../identity-cloud/history.ts';
import { formatCount, formatDateTime } from '../../../lib/format/format.ts';
import { TablePager } from '../../../lib/components/table-pager.tsx';
import { visuallyHidden } from '../../../lib/components/visually-hidden.ts';
import { toDrift } from '../../drift/routes.ts';
import {
  compareWithNowLabel,
  firstSnapshotWords,
  noChangeWords,
  sourceLabel,
} from '../../../identity-cloud/history-page-words.ts';

// At phone width the table keeps what tells snapshots apart (time, clients, changes); source and findings return
// from the small breakpoint up.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } } as const;

function Changes({ changes }: { changes: SnapshotChangeCounts | null | undefined }) {
  if (changes === null || changes === undefined) return <>{firstSnapshotWords}</>;
  const { added, removed, changed } = changes;
  if (added + removed + changed === 0) return <>{noChangeWords}</>;
  return (
    <>
      {/* Full-strength text: coloured digits on a picked (tinted) row fall below 4.5:1. */}
      <Box
        component="span"
        aria-hidden
        sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', display: 'inline-flex', gap: 1.5 }}
      >
        {/* One text node each, as the server's picture of the page writes them (the same glyph runs). */}
        <span>{`+${formatCount(added)}`}</span>
        <span>{`−${formatCount(removed)}`}</span>
        <span>{`~${formatCount(changed)}`}</span>
      </Box>
      <Box component="span" sx={visuallyHidden}>
        {`${formatCount(added)} added, ${formatCount(removed)} removed, ${formatCount(changed)} changed`}
      </Box>
    </>
  );
}

interface SnapshotRowProps {
  snapshot: HistorySnapshot;
  picked: boolean;
  onTogglePick: (id: string) => void;
}

// Memoised: picking one snapshot re-renders two rows, not 365.
const SnapshotRow = memo(function SnapshotRow({ snapshot, picked, onTogglePick }: SnapshotRowProps) {
  const time = formatDateTime(new Date(snapshot.takenAt));
  const findings = findingsTotal(snapshot);
  return (
    <TableRow selected={picked} data-snapshot-id={snapshot.id}>
      <TableCell padding="checkbox">
        <Checkbox
          checked={picked}
          onChange={() => onTogglePick(snapshot.id)}
          slotProps={{ input: { 'aria-label': `Pick the snapshot of ${time}` } }}
        />
      </TableCell>
      <TableCell sx={{ whiteSpace: { sm: 'nowrap' } }}>
        <time dateTime={snapshot.takenAt}>{time}</time>
        {snapshot.partial ? <Chip size="small" variant="outlined" label="Partial" sx={{ ml: 1 }} /> : null}
      </TableCell>
      <TableCell sx={wideOnly}>{sourceLabel(snapshot.source)}</TableCell>
      <TableCell align="right">{formatCount(snapshot.clients)}</TableCell>
      <TableCell align="right" sx={wideOnly}>
        {findings === null ? '—' : formatCount(findings)}
      </TableCell>
      <TableCell>
        <Changes changes={snapshot.changes} />
      </TableCell>
      <TableCell>
        <Link component={RouterLink} to={toDrift({ base: snapshot.id })} underline="hover">
          {compareWithNowLabel}
        </Link>
      </TableCell>
    </TableRow>
  );
});

/** A page of snapshots: two months of daily ones, short enough to paint at once and to scan by eye. */
export const snapshotsPerPage = 50;

interface SnapshotTableProps {
  snapshots: readonly HistorySnapshot[];
  picks: readonly string[];
  onTogglePick: (id: string) => void;
  /** Zero-based. */
  page: number;
  onPageChange: (page: number) => void;
}

/** Newest first: when, how, how many clients and findings, and what changed against the snapshot before. */
export function SnapshotTable({ snapshots, picks, onTogglePick, page, onPageChange }: SnapshotTableProps) {
  const shown = snapshots.slice(page * snapshotsPerPage, (page + 1) * snapshotsPerPage);
  return (
    <>
      {/* Positioned, so that the hidden labels of a scrolled-off column are clipped with it, not stuck out of the page. */}
      <TableContainer sx={{ position: 'relative' }}>
        <Table size="small" aria-label="Snapshots">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Box component="span" sx={visuallyHidden}>
                  Pick
                </Box>
              </TableCell>
              <TableCell>Taken</TableCell>
              <TableCell sx={wideOnly}>Source</TableCell>
              <TableCell align="right">Clients</TableCell>
              <TableCell align="right" sx={wideOnly}>
                Findings
              </TableCell>
              <TableCell>Changes</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  Drift
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((snapshot) => (
              <SnapshotRow
                key={snapshot.id}
                snapshot={snapshot}
                picked={picks.includes(snapshot.id)}
                onTogglePick={onTogglePick}
              />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePager
        count={snapshots.length}
        page={page}
        pageSize={snapshotsPerPage}
        onPageChange={onPageChange}
        labelDisplayedRows={({ from, to, count }) => `${from}–${to} of ${count} snapshots`}
      />
    </>
  );
}
