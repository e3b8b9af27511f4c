import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { SeverityChip } from '../../../lib/components/severity-chip.tsx';
import { visuallyHidden } from '../../../lib/components/visually-hidden.ts';
import { pluralize } from '../../../lib/format/format.ts';
import type { ClientRow } from '../utils/client-rows.ts';

/** The worst severity as a chip and how many findings; the rules' titles on hover or focus. */
export function FindingsCell({ row, tabIndex }: { row: ClientRow; tabIndex: number }) {
  if (row.status === 'failed') return null;
  if (row.findings === null || row.status === 'pending') {
    return (
      <Box sx={{ width: '100%' }}>
        <Skeleton variant="text" width="60%" aria-hidden />
        <Box component="span" sx={visuallyHidden}>
          Not checked yet
        </Box>
      </Box>
    );
  }
  if (row.worstSeverity === null) {
    return (
      <Typography component="span" variant="inherit" color="textSecondary">
        None
      </Typography>
    );
  }
  const titles = [...new Set(row.findings.map((finding) => finding.title))];
  return (
    <Tooltip title={titles.join(' · ')} describeChild>
      <Box
        tabIndex={tabIndex}
        sx={{ display: 'flex', alignItems: 'center', gap: 1, height: '100%', minWidth: 0, outline: 'none' }}
      >
        <SeverityChip severity={row.worstSeverity} />
        <Typography component="span" variant="inherit" noWrap>
          {pluralize(row.findingsCount, 'finding')}
        </Typography>
      </Box>
    </Tooltip>
  );
}
