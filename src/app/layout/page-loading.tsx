import Box from '@mui/material/Box';
import { keyframes } from '@mui/material/styles';

const sweep = keyframes`
  from { transform: translateX(-100%); }
  to { transform: translateX(250%); }
`;

// What MUI's indeterminate LinearProgress draws, without its four variants' code: this bar is on every first
// paint, so it is part of the JavaScript every visit waits for.
export function PageLoading() {
  return (
    <Box
      role="progressbar"
      aria-label="Loading page"
      sx={{
        position: 'relative',
        overflow: 'hidden',
        height: 4,
        // The track: the bar's colour, faint.
        '&::before': {
          content: '""',
          position: 'absolute',
          inset: 0,
          bgcolor: 'primary.main',
          opacity: 0.24,
        },
      }}
    >
      <Box
        sx={{
          position: 'absolute',
          inset: 0,
          width: '40%',
          bgcolor: 'primary.main',
          animation: `${sweep} 1.6s ease-in-out infinite`,
          '@media (prefers-reduced-motion: reduce)': { animation: 'none', width: '100%', opacity: 0.5 },
        }}
      />
    </Box>
  );
}
