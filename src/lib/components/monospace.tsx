import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

export const monospaceFont = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** Ids and URLs in a monospace face; `noWrap` keeps a UUID on one line (tables). */
export function Monospace({ children, noWrap = false }: { children: ReactNode; noWrap?: boolean }) {
  return (
    <Box
      component="code"
      sx={{
        fontFamily: monospaceFont,
        fontSize: '0.85em',
        ...(noWrap ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }),
      }}
    >
      {children}
    </Box>
  );
}
