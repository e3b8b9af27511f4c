// The overview's charts: MUI X Charts, in a chunk of their own that loads after the page's text. They repeat
// what the lists beside them say, for the eye; the lists carry the numbers for everyone else (so the charts are
// hidden from assistive technology, and take no keyboard focus).
import Box from '@mui/material/Box';
import { useColorScheme } from '@mui/material/styles';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { barChartHeight, donutChartHeight } from '../utils/chart-size.ts';

export interface ChartDatum {
  label: string;
  value: number;
  /** Per theme, chosen for contrast against the paper. */
  color: { light: string; dark: string };
}

function useDark(): boolean {
  const { mode, systemMode } = useColorScheme();
  return (mode === 'system' ? systemMode : mode) === 'dark';
}

function shorten(label: string, max = 22): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

/** A donut of parts of a whole (clients by kind). */
export function DonutChart({ data }: { data: readonly ChartDatum[] }) {
  const dark = useDark();
  return (
    <Box aria-hidden sx={{ width: '100%', height: donutChartHeight }}>
      <PieChart
        height={donutChartHeight}
        hideLegend
        skipAnimation
        disableKeyboardNavigation
        series={[
          {
            innerRadius: 50,
            outerRadius: 90,
            paddingAngle: 1,
            cornerRadius: 3,
            data: data.map((datum, index) => ({
              id: index,
              label: datum.label,
              value: datum.value,
              color: dark ? datum.color.dark : datum.color.light,
            })),
          },
        ]}
      />
    </Box>
  );
}

/** Horizontal bars, one per category (clients by policy, findings by severity). */
export function HorizontalBarChart({ data }: { data: readonly ChartDatum[] }) {
  const dark = useDark();
  const labels = data.map((datum) => datum.label);
  const height = barChartHeight(data.length);
  return (
    <Box aria-hidden sx={{ width: '100%', height }}>
      <BarChart
        height={height}
        layout="horizontal"
        hideLegend
        skipAnimation
        disableKeyboardNavigation
        margin={{ left: 8, right: 16, top: 8, bottom: 8 }}
        yAxis={[
          {
            scaleType: 'band',
            data: labels,
            width: 170,
            valueFormatter: (value: string) => shorten(value),
            colorMap: {
              type: 'ordinal',
              values: labels,
              colors: data.map((datum) => (dark ? datum.color.dark : datum.color.light)),
            },
          },
        ]}
        xAxis={[{ tickMinStep: 1 }]}
        series={[{ data: data.map((datum) => datum.value) }]}
      />
    </Box>
  );
}
