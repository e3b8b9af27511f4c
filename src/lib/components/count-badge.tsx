import Box from '@mui/material/Box';
import { formatCount } from '../format/format.ts';

/**
 * The count beside a filter button's label. Hidden from assistive technology: the button's accessible name is its
 * label alone (a stable name to find it by), and the count is for the eye.
 */
export function CountBadge({ count }: { count: number }) {
  return (
    <Box
      component="span"
      aria-hidden
      sx={{
        fontVariantNumeric: 'tabular-nums',
        bgcolor: 'action.selected',
        // Full-strength text: the unselected button's grey on this badge's grey falls below 4.5:1.
        color: 'text.primary',
        borderRadius: 1,
        px: 0.75,
        fontSize: '0.8rem',
      }}
    >
      {formatCount(count)}
    </Box>
  );
}
