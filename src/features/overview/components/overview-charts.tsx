// The overview's charts: MUI X Charts, in a chunk of their own that loads after the page's text. They repeat
// what the lists beside them say, for the eye; the lists carry the numbers for everyone else (so the charts are
// hidden from assistive technology, and take no keyboard focus).
import Box from '@mui/material/Box';
import { useColorScheme } from '@mui/material/styles';
import { memo } from 'react';
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

interface ChartProps {
  data: readonly ChartDatum[];
}

/** Drawing a chart costs tens of milliseconds: not again for the same numbers (a new array on each publish). */
function sameData(a: ChartProps, b: ChartProps): boolean {
  return (
    a.data.length === b.data.length &&
    a.data.every((datum, index) => {
      const other = b.data[index];
      return (
        other !== undefined &&
        datum.label === other.label &&
        datum.value === other.value &&
        datum.color.light === other.color.light &&
        datum.color.dark === other.color.dark
      );
    })
  );
}

/** A donut of parts of a whole (clients by kind). */
export const DonutChart = memo(function DonutChart({ data }: ChartProps) {
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
}, sameData);

/** Horizontal bars, one per category (clients by policy, findings by severity). */
export const HorizontalBarChart = memo(function HorizontalBarChart({ data }: ChartProps) {
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
}, sameData);
