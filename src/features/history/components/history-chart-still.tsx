// The chart's still picture (the same lines as the server's, history-chart-still.ts) in the chart's box, drawn
// while the chart's own code loads: the picture the page's HTML painted stays until the chart replaces it.
import Box from '@mui/material/Box';
import { useColorScheme } from '@mui/material/styles';
import { useMemo } from 'react';
import {
  chartColors,
  chartStillLines,
  chartStillViewBox,
} from '../../../identity-cloud/history-chart-still.ts';
import type { HistoryPoint } from '../../../identity-cloud/history-page-words.ts';

/** Where the chart draws its lines in its 240 px box, below its legend and beside its axis (measured). */
const plot = { left: 56, right: 16, top: 46, height: 191 } as const;

export function HistoryChartStill({ points }: { points: readonly HistoryPoint[] }) {
  const { mode, systemMode } = useColorScheme();
  const dark = (mode === 'system' ? systemMode : mode) === 'dark';
  const lines = useMemo(() => chartStillLines(points), [points]);
  const { left, right, top, height } = plot;
  return (
    <Box aria-hidden data-still-picture sx={{ position: 'relative', height: 240 }}>
      <svg
        viewBox={chartStillViewBox}
        preserveAspectRatio="none"
        style={{
          position: 'absolute',
          left,
          top,
          width: `calc(100% - ${left + right}px)`,
          height,
          overflow: 'visible',
        }}
      >
        {lines.map((line) => (
          <path
            key={line.series}
            d={line.d}
            fill="none"
            stroke={dark ? chartColors[line.series].dark : chartColors[line.series].light}
            strokeWidth={2}
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
    </Box>
  );
}
