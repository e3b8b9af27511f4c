/**
 * Styles that keep text for screen readers while hiding it from sight (as a `sx` value or a nested rule). Sizes
 * are strings: in `sx`, a number up to 1 is a fraction of the parent (`width: 1` is 100%), which would stretch an
 * absolutely placed span across the page.
 */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
