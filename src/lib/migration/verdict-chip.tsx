import Chip from '@mui/material/Chip';
import type { Verdict } from '../../identity-cloud/migration/readiness.ts';
import { verdictLabels } from '../../identity-cloud/migration/readiness.ts';

// Text colours with ≥ 4.5:1 contrast on the paper of each theme (as the severity chips); the label always says
// the verdict, never the colour alone.
const verdictColors: Record<Verdict, { light: string; dark: string }> = {
  ready: { light: '#1b5e20', dark: '#a5d6a7' },
  change: { light: '#8f3f00', dark: '#ffb74d' },
  reimagine: { light: '#8e0000', dark: '#ff8a80' },
};

export function VerdictChip({ verdict, size = 'small' }: { verdict: Verdict; size?: 'small' | 'medium' }) {
  const colors = verdictColors[verdict];
  return (
    <Chip
      label={verdictLabels[verdict]}
      size={size}
      variant="outlined"
      sx={[
        { color: colors.light, borderColor: colors.light, fontWeight: 500 },
        (theme) => theme.applyStyles('dark', { color: colors.dark, borderColor: colors.dark }),
      ]}
    />
  );
}
