import Box from '@mui/material/Box';
import type { Theme } from '@mui/material/styles';
import type { SystemStyleObject } from '@mui/system';
import type { ReactNode } from 'react';

interface DividedListProps {
  /** The list's accessible name: "Added clients". */
  label: string;
  sx?: SystemStyleObject<Theme>;
  children: ReactNode;
}

/** A list without bullets or indent, for items that each draw their own rule (DividedListItem). */
export function DividedList({ label, sx = {}, children }: DividedListProps) {
  return (
    <Box component="ul" aria-label={label} sx={{ listStyle: 'none', m: 0, p: 0, ...sx }}>
      {children}
    </Box>
  );
}

/** One item of a DividedList: a rule under it, the rest of its layout from `sx`. */
export function DividedListItem({
  sx = {},
  children,
}: {
  sx?: SystemStyleObject<Theme>;
  children: ReactNode;
}) {
  return (
    <Box component="li" sx={{ ...sx, borderBottom: 1, borderColor: 'divider' }}>
      {children}
    </Box>
  );
}
