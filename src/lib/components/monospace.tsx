import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

export const monospaceFont = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

export function Monospace({ children }: { children: ReactNode }) {
  return (
    <Box component="code" sx={{ fontFamily: monospaceFont, fontSize: '0.85em', overflowWrap: 'anywhere' }}>
      {children}
    </Box>
  );
}
