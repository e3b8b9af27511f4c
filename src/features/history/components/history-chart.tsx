// The history's chart: MUI X Charts, in a chunk of its own loaded after the page's table. It repeats what the
// table says, for the eye; the table carries the numbers for everyone else (so the chart is hidden from
// assistive technology, and takes no keyboard focus).
import Box from '@mui/material/Box';
import { useColorScheme } from '@mui/material/styles';
import { LineChart } from '@mui/x-charts/LineChart';
import { chartColors as colors } from '../../../identity-cloud/history-chart-still.ts';
import type { HistoryPoint } from '../../../identity-cloud/history-page-words.ts';
import { formatDateTime } from '../../../lib/format/format.ts';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const twoDaysMs = 2 * 86_400_000;

export function HistoryChart({ points }: { points: readonly HistoryPoint[] }) {
  const { mode, systemMode } = useColorScheme();
  const dark = (mode === 'system' ? systemMode : mode) === 'dark';
  const withFindings = points.some((point) => point.findings !== null);
  // Snapshots within a day or two (several reads today) are told apart by their time, not their date.
  const span = (points.at(-1)?.takenAt.getTime() ?? 0) - (points[0]?.takenAt.getTime() ?? 0);
  const tickFormat = span < twoDaysMs ? timeFormat : dateFormat;
  return (
    <Box aria-hidden sx={{ width: '100%', height: 240 }}>
      <LineChart
        height={240}
        skipAnimation
        disableKeyboardNavigation
        margin={{ left: 8, right: 16, top: 16, bottom: 8 }}
        xAxis={[
          {
            scaleType: 'time',
            data: points.map((point) => point.takenAt),
            valueFormatter: (value: Date, context) =>
              context.location === 'tick' ? tickFormat.format(value) : formatDateTime(value),
          },
        ]}
        yAxis={[{ tickMinStep: 1, width: 48 }]}
        series={[
          {
            label: 'Clients',
            data: points.map((point) => point.clients),
            color: dark ? colors.clients.dark : colors.clients.light,
            showMark: points.length <= 40,
          },
          ...(withFindings
            ? [
                {
                  label: 'Findings',
                  data: points.map((point) => point.findings),
                  color: dark ? colors.findings.dark : colors.findings.light,
                  showMark: points.length <= 40,
                  connectNulls: true,
                },
              ]
            : []),
        ]}
      />
    </Box>
  );
}
