import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { formatCount } from '../../../lib/format/format.ts';
import type { InventoryProgress } from '../../../lib/inventory/inventory-snapshot.ts';

interface InventoryProgressBarProps {
  /** The inventory is being read: the bar shows. Once read, the same room holds one line saying so. */
  reading: boolean;
  progress: InventoryProgress | null;
}

function doneText(progress: InventoryProgress | null): string {
  if (progress === null || progress.total === null) return '\u00a0';
  const settled = progress.loaded + progress.failed;
  return `Details of ${formatCount(settled)} of ${formatCount(progress.total)} clients read.`;
}

/**
 * "Loading client details": determinate, "412 of 1,000". The bar's room and its line stay when the stream is
 * done (the line then says how many were read), so the table below does not move up when the bar goes.
 */
export function InventoryProgressBar({ reading, progress }: InventoryProgressBarProps) {
  if (!reading) {
    return (
      <Box>
        <Box sx={{ height: 4 }} />
        <Typography variant="body2" color="textSecondary" noWrap sx={{ mt: 0.5 }}>
          {doneText(progress)}
        </Typography>
      </Box>
    );
  }
  if (progress === null || progress.total === null) {
    return (
      <Box>
        <LinearProgress aria-label="Loading the client list" />
        <Typography variant="body2" color="textSecondary" noWrap sx={{ mt: 0.5 }}>
          Loading the client list…
        </Typography>
      </Box>
    );
  }
  const settled = progress.loaded + progress.failed;
  const text = `${formatCount(settled)} of ${formatCount(progress.total)}`;
  const percent = progress.total === 0 ? 100 : Math.min(100, (settled / progress.total) * 100);
  return (
    <Box>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label="Loading client details"
        aria-valuetext={text}
      />
      <Typography variant="body2" color="textSecondary" noWrap sx={{ mt: 0.5 }} aria-hidden>
        Loading client details: {text}
        {progress.failed > 0 ? ` (${formatCount(progress.failed)} failed)` : ''}
      </Typography>
    </Box>
  );
}
