import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';

interface StreamStatusLineProps {
  /** The stream runs: the bar shows (named by `progressLabel`). */
  active: boolean;
  progressLabel: string;
  /**
   * How far, 0–100, once known. A determinate bar moves by transform, which is no layout shift; the indeterminate
   * one animates its bars' left and right, which the browser counts as a (small) shift on every frame.
   */
  value?: number;
  /** One short line (it does not wrap: keep it under about 45 characters for 360 px); empty: a blank line. */
  text: string;
}

/**
 * A progress bar and one line of text that take the same room whether the inventory streams or not, so that
 * nothing below moves when the stream ends (a block that appears or goes away above the content shifts it all).
 */
export function StreamStatusLine({ active, progressLabel, value, text }: StreamStatusLineProps) {
  return (
    <Box>
      <Box sx={{ height: 4 }}>
        {active ? (
          value === undefined ? (
            <LinearProgress aria-label={progressLabel} />
          ) : (
            <LinearProgress aria-label={progressLabel} variant="determinate" value={value} />
          )
        ) : null}
      </Box>
      <Typography variant="body2" color="textSecondary" noWrap sx={{ mt: 0.5 }}>
        {/* A no-break space keeps the line's height while there is nothing to say. */}
        {text === '' ? '\u00a0' : text}
      </Typography>
    </Box>
  );
}
