import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** A page's title (its one h1) and the sentence under it that says what the page is for. */
export function PageHeading({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="h1" gutterBottom>
        {title}
      </Typography>
      <Typography color="textSecondary">{children}</Typography>
    </Box>
  );
}
