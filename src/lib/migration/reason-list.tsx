import Box from '@mui/material/Box';
import type { ReadinessReason } from '../../identity-cloud/migration/readiness.ts';

const levelLabels = { info: 'To know', change: 'Change', reimagine: 'Reimagine' } as const;

/** Every reason of a verdict, most serious first, each with its level in words. */
export function ReasonList({ reasons, label }: { reasons: readonly ReadinessReason[]; label: string }) {
  const order = { reimagine: 0, change: 1, info: 2 } as const;
  const sorted = [...reasons].sort((a, b) => order[a.level] - order[b.level]);
  if (sorted.length === 0) return null;
  return (
    <Box component="ul" aria-label={label} sx={{ m: 0, pl: 2.5, '& li + li': { mt: 0.5 } }}>
      {sorted.map((reason, index) => (
        <li key={`${reason.code}-${index}`}>
          <Box component="span" sx={{ fontWeight: 600 }}>
            {levelLabels[reason.level]}:
          </Box>{' '}
          <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
            {reason.message}
          </Box>
        </li>
      ))}
    </Box>
  );
}
