// The report's history store section: recording time and the store's growth per engine, and their targets.
import { formatInteger, formatMs, markdownTable } from './markdown-table.ts';
import type { TargetCheck } from './report-section.ts';
import { reportSection, rightAligned } from './report-section.ts';
import type { RecordingFigures, StoreEngineResult, StoreResult } from './store-scenario.ts';

/** Recording ≤ 200 ms on SQLite; history read ≤ 20 ms; 30 snapshots at 1 % churn ≤ 1.5×; unchanged ≤ 1 %. */
export const storeTargets = { recordMs: 200, historyReadMs: 20, after30Ratio: 1.5, unchangedGrowth: 0.01 };

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const percent = (ratio: number) => `${(ratio * 100).toFixed(2)} %`;

function recordingRows(result: StoreResult): string[][] {
  const recordings = (row: StoreEngineResult) =>
    [
      ['first', row.recordFirst],
      ['unchanged', row.recordUnchanged],
      ['1% churn (median of 29)', row.recordChurn],
    ] as const;
  return result.engines.flatMap((row) =>
    recordings(row).map(([name, figures]: readonly [string, RecordingFigures]) => [
      row.engine,
      name,
      formatMs(figures.ms),
      formatMs(figures.cpuMs),
      formatMs(figures.longestBlockMs),
      `${(figures.ms / row.exportFileMs).toFixed(2)}×`,
      row.engine === 'sqlite' ? `≤ ${formatMs(storeTargets.recordMs)}` : '',
    ]),
  );
}

export function storeReport(result: StoreResult): string {
  const sizeRows = result.engines.map((row) => [
    row.engine,
    megabytes(row.firstBytes),
    percent(row.unchangedGrowthBytes / row.firstBytes),
    `${megabytes(row.after30Bytes)} (${(row.after30Bytes / row.firstBytes).toFixed(2)}×)`,
    `${row.historyMedianMs.toFixed(1)} ms`,
  ]);
  const first = result.engines[0];
  return reportSection(
    `### 6. History store (${formatInteger(first?.clients ?? 0)} clients)`,
    markdownTable(
      [
        { title: 'engine' },
        { title: 'recording' },
        ...rightAligned('time', 'CPU', 'longest event-loop block', 'ratio to baseline', 'target'),
      ],
      recordingRows(result),
    ),
    markdownTable(
      [
        { title: 'engine' },
        ...rightAligned(
          'store after one',
          `unchanged re-read growth (≤ ${percent(storeTargets.unchangedGrowth)})`,
          `after 30 at 1% churn (≤ ${storeTargets.after30Ratio}×)`,
          `one client's history, ${formatInteger(first?.historySnapshots ?? 0)} snapshots of ${formatInteger(first?.historyClients ?? 0)} (≤ ${storeTargets.historyReadMs} ms)`,
        ),
      ],
      sizeRows,
    ),
    `"Recording": from the done line to the snapshot committed, the lines having been handed over as they streamed, in bursts of 16 (what remains: findings, assembly, the check of the versions stored ahead, one transaction); CPU: this process's user + system time meanwhile, which depends less on the machine's load; longest event-loop block: how long a timer or a socket waited at worst meanwhile. Baseline, measured in the same run on the same content: building and serialising the snapshot file as \`npm run export\` does (${result.engines.map((row) => `${row.engine} run ${formatMs(row.exportFileMs)}`).join(', ')}).`,
    ...historyPageLines(result),
    ...(result.postgresServer === undefined ? [] : [`PostgreSQL: ${result.postgresServer}.`]),
    ...result.skipped,
  );
}

function historyPageLines(result: StoreResult): string[] {
  const page = result.historyPage;
  if (page === undefined) return [];
  const figures = (row: NonNullable<StoreResult['historyPage']>['baseline']) => [
    formatMs(row.paintedMs),
    formatMs(row.tableMs),
    formatMs(row.chartMs),
    formatMs(row.appTableMs),
    formatMs(row.appChartMs),
  ];
  return [
    markdownTable(
      [
        { title: 'History page' },
        ...rightAligned(
          'painted (table and chart)',
          'table',
          'chart',
          "app's table",
          "app's chart",
          'HTML answer',
          'main thread',
          'target',
        ),
      ],
      [
        [
          `${formatInteger(page.snapshots)} snapshots of ${formatInteger(page.clients)} clients`,
          ...figures(page),
          `${formatMs(page.htmlMs)}, ${(page.htmlBytes / 1024).toFixed(0)} kB (${(page.htmlTransferBytes / 1024).toFixed(0)} kB sent)`,
          formatMs(page.mainThreadMs),
          `≤ ${formatMs(page.targetMs)}`,
        ],
        [
          `baseline: ${formatInteger(page.baseline.snapshots)} snapshots, same run`,
          ...figures(page.baseline),
          '',
          formatMs(page.baseline.mainThreadMs),
          '',
        ],
      ],
    ),
    `History page: from the navigation to /history (a new browser context each run, the server warm) to the frame after the snapshot table's first 50 rows and the chart's line are on screen, drawn by whichever came first: the server's picture in the HTML (in ${page.pictureRuns} of ${page.paintedRunsMs.length} runs) or the app; "app's table" and "app's chart": the app's own, drawn by its JavaScript. Median of ${page.paintedRunsMs.length} runs (${page.paintedRunsMs.map((ms) => formatMs(ms)).join(', ')}). HTML answer: the page's HTML from request to last byte, its size, and its size as sent (compressed). Main thread: Chromium's task time meanwhile. Ratio to the baseline: ${(page.paintedMs / page.baseline.paintedMs).toFixed(2)}×.`,
  ];
}

export function storeChecks(result: StoreResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const page = result.historyPage;
  if (page !== undefined) {
    checks.push({
      target: `the History page with ${formatInteger(page.snapshots)} snapshots paints ≤ ${formatMs(page.targetMs)}`,
      measured: formatMs(page.paintedMs),
      met: page.paintedMs <= page.targetMs,
    });
  }
  for (const row of result.engines) {
    const times = [row.recordFirst, row.recordUnchanged, row.recordChurn];
    if (row.engine === 'sqlite') {
      checks.push({
        target: `recording ${formatInteger(row.clients)} clients ≤ ${storeTargets.recordMs} ms on SQLite (first / unchanged / churn)`,
        measured: times.map((figures) => formatInteger(figures.ms)).join(' / ') + ' ms',
        met: times.every((figures) => figures.ms <= storeTargets.recordMs),
      });
    }
    const after30 = row.after30Bytes / row.firstBytes;
    const growth = row.unchangedGrowthBytes / row.firstBytes;
    checks.push(
      {
        target: `${row.engine}: unchanged re-read grows the store ≤ ${percent(storeTargets.unchangedGrowth)}`,
        measured: percent(growth),
        met: growth <= storeTargets.unchangedGrowth,
      },
      {
        target: `${row.engine}: 30 snapshots at 1% churn ≤ ${storeTargets.after30Ratio}× one`,
        measured: `${after30.toFixed(2)}×`,
        met: after30 <= storeTargets.after30Ratio,
      },
      {
        target: `${row.engine}: one client's history at ${formatInteger(row.historySnapshots)} snapshots ≤ ${storeTargets.historyReadMs} ms`,
        measured: `${row.historyMedianMs.toFixed(1)} ms`,
        met: row.historyMedianMs <= storeTargets.historyReadMs,
      },
    );
  }
  return checks;
}
