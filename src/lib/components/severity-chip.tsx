import Chip from '@mui/material/Chip';
import type { Severity } from '../../identity-cloud/findings/finding.ts';
import { severityLabels } from '../../identity-cloud/findings/finding.ts';

// Chosen for contrast (≥ 4.5:1 as text on the paper of each theme); critical is filled so that it stands out from
// high at a glance, and never by colour alone: the label always says the severity.
export const severityColors: Record<Severity, { light: string; dark: string }> = {
  critical: { light: '#8e0000', dark: '#ff5252' },
  high: { light: '#c62828', dark: '#ff8a80' },
  medium: { light: '#8f3f00', dark: '#ffb74d' },
  low: { light: '#0b5394', dark: '#90caf9' },
  info: { light: '#4f5b66', dark: '#b0bec5' },
};

interface SeverityChipProps {
  severity: Severity;
  /** Visible after the label: "High · 3". */
  count?: number;
  size?: 'small' | 'medium';
  tabIndex?: number;
}

export function SeverityChip({ severity, count, size = 'small', tabIndex }: SeverityChipProps) {
  const colors = severityColors[severity];
  const filled = severity === 'critical';
  const label = count === undefined ? severityLabels[severity] : `${severityLabels[severity]} · ${count}`;
  return (
    <Chip
      size={size}
      variant={filled ? 'filled' : 'outlined'}
      label={label}
      tabIndex={tabIndex}
      sx={[
        filled
          ? { bgcolor: colors.light, color: '#fff', fontWeight: 600 }
          : { color: colors.light, borderColor: colors.light, fontWeight: 500 },
        (theme) =>
          theme.applyStyles(
            'dark',
            filled
              ? { bgcolor: colors.dark, color: '#000' }
              : { color: colors.dark, borderColor: colors.dark },
          ),
      ]}
    />
  );
}
