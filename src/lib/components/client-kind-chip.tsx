import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { ClientKind } from '../../identity-cloud/client-kind.ts';
import { clientKindDescriptions, clientKindLabels } from '../../identity-cloud/client-kind.ts';

// Chosen for contrast (≥ 4.5:1 as text on the paper of each theme); MUI's warning orange is too light on white.
export const kindColors: Record<ClientKind, { light: string; dark: string }> = {
  public: { light: '#0b5394', dark: '#90caf9' },
  confidential: { light: '#1b5e20', dark: '#a5d6a7' },
  configuration: { light: '#8f3f00', dark: '#ffb74d' },
};

/** The kind as a chip, its definition as a tooltip (reachable by keyboard too: the chip takes focus). */
export function ClientKindChip({ kind, tabIndex = 0 }: { kind: ClientKind; tabIndex?: number }) {
  const colors = kindColors[kind];
  return (
    <Tooltip title={clientKindDescriptions[kind]} describeChild>
      <Chip
        size="small"
        variant="outlined"
        label={clientKindLabels[kind]}
        tabIndex={tabIndex}
        sx={[
          { color: colors.light, borderColor: colors.light, fontWeight: 500 },
          (theme) => theme.applyStyles('dark', { color: colors.dark, borderColor: colors.dark }),
        ]}
      />
    </Tooltip>
  );
}
