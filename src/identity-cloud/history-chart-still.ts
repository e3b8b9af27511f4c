// A still picture of the History page's chart: the same series as lines in a fixed coordinate box that the page
// stretches over the chart's plot area, with no axes or labels. The server draws it in the page's HTML and the app
// draws it while the chart's own code loads, so the chart's box never shows anything else.
import type { HistoryPoint } from './history-page-words.ts';

/** The picture's coordinates, stretched to the plot area (`preserveAspectRatio="none"`). */
export const chartStillViewBox = '0 0 1000 100';
const width = 1000;
const height = 100;

export const chartColors = {
  clients: { light: '#0b5cad', dark: '#7ab8ff' },
  findings: { light: '#b3261e', dark: '#ff8a80' },
} as const;

export interface ChartStillLine {
  series: keyof typeof chartColors;
  /** An SVG path: one point per snapshot that has a value, joined by straight lines. */
  d: string;
}

/** The axis' range as a chart rounds it: to a step of 1, 2 or 5 times a power of ten, about five steps. */
function niceRange(low: number, high: number): [number, number] {
  if (low === high) return [low - 1, high + 1];
  const rough = (high - low) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? rough;
  return [Math.floor(low / step) * step, Math.ceil(high / step) * step];
}

const coordinate = (value: number) => String(Math.round(value * 10) / 10);

/** The clients line, and the findings line when any snapshot counted them; oldest point on the left. */
export function chartStillLines(points: readonly HistoryPoint[]): ChartStillLine[] {
  const withFindings = points.some((point) => point.findings !== null);
  const values = points.flatMap((point) =>
    point.findings === null ? [point.clients] : [point.clients, point.findings],
  );
  if (values.length === 0) return [];
  const [low, high] = niceRange(Math.min(...values), Math.max(...values));
  const first = points[0]?.takenAt.getTime() ?? 0;
  const span = (points.at(-1)?.takenAt.getTime() ?? 0) - first;
  const x = (point: HistoryPoint, index: number) =>
    span > 0
      ? ((point.takenAt.getTime() - first) / span) * width
      : (index / Math.max(points.length - 1, 1)) * width;
  const y = (value: number) => height - ((value - low) / (high - low)) * height;
  const path = (value: (point: HistoryPoint) => number | null) =>
    points
      .flatMap((point, index) => {
        const at = value(point);
        return at === null ? [] : [`${coordinate(x(point, index))} ${coordinate(y(at))}`];
      })
      .map((pair, index) => `${index === 0 ? 'M' : 'L'}${pair}`)
      .join('');
  const lines: ChartStillLine[] = [{ series: 'clients', d: path((point) => point.clients) }];
  if (withFindings) lines.push({ series: 'findings', d: path((point) => point.findings) });
  return lines;
}
