import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { formatCount } from '../../../lib/format/format.ts';
import type { InventoryProgress } from '../../../lib/inventory/inventory-snapshot.ts';

/** "Loading client details": determinate, "412 of 1,000"; the caller removes it when the stream is done. */
export function InventoryProgressBar({ progress }: { progress: InventoryProgress | null }) {
  if (progress === null || progress.total === null) {
    return (
      <Box>
        <LinearProgress aria-label="Loading the client list" />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
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
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }} aria-hidden>
        Loading client details: {text}
        {progress.failed > 0 ? ` (${formatCount(progress.failed)} failed)` : ''}
      </Typography>
    </Box>
  );
}
