import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';

interface DividedListProps {
  /** The list's accessible name: "Added clients". */
  label: string;
  sx?: SxProps<Theme>;
  children: ReactNode;
}

/** A list without bullets or indent, for items that each draw their own rule (DividedListItem). */
export function DividedList({ label, sx = [], children }: DividedListProps) {
  return (
    <Box
      component="ul"
      aria-label={label}
      sx={[{ listStyle: 'none', m: 0, p: 0 }, ...(Array.isArray(sx) ? sx : [sx])]}
    >
      {children}
    </Box>
  );
}

/** One item of a DividedList: a rule under it, the rest of its layout from `sx`. */
export function DividedListItem({ sx = [], children }: { sx?: SxProps<Theme>; children: ReactNode }) {
  return (
    <Box
      component="li"
      sx={[...(Array.isArray(sx) ? sx : [sx]), { borderBottom: 1, borderColor: 'divider' }]}
    >
      {children}
    </Box>
  );
}
