import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

export interface FieldListItem {
  label: string;
  value: ReactNode;
}

/** A two-column description list (<dl>): label, then value. */
export function FieldList({ items }: { items: readonly FieldListItem[] }) {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(140px, max-content) 1fr' },
        columnGap: 3,
        rowGap: 1,
        m: 0,
      }}
    >
      {items.map((item) => (
        <Box key={item.label} sx={{ display: 'contents' }}>
          <Box component="dt" sx={{ color: 'text.secondary', fontSize: '0.875rem', pt: 0.25 }}>
            {item.label}
          </Box>
          <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere', fontSize: '0.9375rem' }}>
            {item.value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
