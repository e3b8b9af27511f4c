import Box from '@mui/material/Box';
import { formatCount } from '../format/format.ts';

/**
 * A filter button's label and the count beside it. Both are the button's accessible name ("Public 12"): a name
 * that leaves out visible text fails WCAG 2.5.3 (label in name) for people who speak the text they see. One
 * inline span, so that the space between them is kept (whitespace between a flex container's items is dropped,
 * which would make the name "Public12").
 */
export function CountBadge({ label, count }: { label: string; count: number }) {
  return (
    <span>
      {label}{' '}
      <Box
        component="span"
        sx={{
          fontVariantNumeric: 'tabular-nums',
          bgcolor: 'action.selected',
          // Full-strength text: the unselected button's grey on this badge's grey falls below 4.5:1.
          color: 'text.primary',
          borderRadius: 1,
          px: 0.75,
          ml: 0.5,
          fontSize: '0.8rem',
        }}
      >
        {formatCount(count)}
      </Box>
    </span>
  );
}
