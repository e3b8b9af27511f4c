// The History page with a year of snapshots: a SQLite store seeded with 365 daily snapshots of the sandbox tenant
// (the real recording code), the built app served by the real server on that store, and Chromium timing from the
// navigation to /history to the snapshot table's rows painted and to the chart painted: first by whichever draws them
// (the server's picture in the HTML, or the app), and by the app's own table and chart. Each run uses a new browser
// context (cold browser cache, as a first visit); the server is warm. With the HTML's answer (time and size) and
// the page's main-thread task time, to say where the time goes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { seedTenant } from '../src/sandbox/seed-tenant.ts';
import { createStoreHistory } from '../src/server/history/store-history.ts';
import { StoreService } from '../src/store/store-service.ts';
import { startBenchServer } from './bench-server.ts';
import { launchChromium } from './chromium.ts';
import { waitInPage } from './page-probe.ts';
import { startSandboxProcess } from './sandbox-process.ts';
import { inventoryOf } from './seeded-inventory.ts';
import { median, round } from './stats.ts';

/** The target: the History page with 365 snapshots painted within 500 ms. */
export const historyPageTargetMs = 500;

export interface HistoryPagePlan {
  runs: number;
  appDir: string;
  log: (line: string) => void;
}

interface PageFigures {
  /** Navigation to the frame after both the first rows and the chart's line are on screen, drawn by whichever came first. */
  paintedMs: number;
  /** The first 50 rows on screen: the server's picture when the HTML carried it, else the app's table. */
  tableMs: number;
  /** The chart's line on screen: the server's still picture when the HTML carried it, else the app's chart. */
  chartMs: number;
  /** The app's own table and its own chart (MUI X), drawn by its JavaScript. */
  appTableMs: number;
  appChartMs: number;
  mainThreadMs: number;
}

export interface HistoryPageResult {
  snapshots: number;
  /** The same page with 50 snapshots, measured in the same run. */
  baseline: PageFigures & { snapshots: number };
  clients: number;
  targetMs: number;
  /** Navigation to the frame after both the table's rows and the chart's line are in the page (median). */
  paintedMs: number;
  paintedRunsMs: number[];
  tableMs: number;
  chartMs: number;
  appTableMs: number;
  appChartMs: number;
  /** In how many of the runs the HTML carried the server's picture of the page. */
  pictureRuns: number;
  /** The HTML of /history as the browser saw it: from its request to the last byte, and its size. */
  htmlMs: number;
  htmlBytes: number;
  /** The same as sent, compressed. */
  htmlTransferBytes: number;
  /** Chromium's main-thread task time from the navigation to painted (median). */
  mainThreadMs: number;
}

const year = 365;
/** The baseline, in the same run: the same page with 50 snapshots (its first page of rows, without the year). */
const baselineSnapshots = 50;
const clients = 200;
const rowsOnFirstPage = 50;

// In the page (plain JavaScript: the Node-side project has no DOM types): when the table's first rows and the
// chart's line (a path with a segment between each two snapshots) are first in the DOM, and the frame after each;
// each for the server's picture (`#first-paint`) and for the app's own (`#root`), which replaces it.
const probeScript = (points: number) => String.raw`
(() => {
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });
  const probe = { picture: false, painted: {} };
  window.__historyProbe = probe;
  const segments = (path) => ((path.getAttribute('d') ?? '').match(/[LC]/g) ?? []).length;
  const found = {
    pictureTable: () => document.querySelectorAll('#first-paint table tbody tr').length >= ${String(rowsOnFirstPage)},
    pictureChart: () => [...document.querySelectorAll('#first-paint svg path')].some((path) => segments(path) >= ${String(points - 1)}),
    appTable: () => document.querySelectorAll('#root table[aria-label="Snapshots"] tbody tr').length >= ${String(rowsOnFirstPage)},
    // The app's chart, not the still picture it shows while the chart's code loads.
    appChart: () => [...document.querySelectorAll('#root section[aria-labelledby="history-chart-heading"] svg path')]
      .some((path) => path.closest('[data-still-picture]') === null && segments(path) >= ${String(points - 1)}),
  };
  const seen = new Set();
  const observer = new MutationObserver(() => {
    for (const [name, test] of Object.entries(found)) {
      if (seen.has(name) || !test()) continue;
      seen.add(name);
      if (name.startsWith('picture')) probe.picture = true;
      afterNextPaint((time) => (probe.painted[name] = time));
    }
    if (seen.has('appTable') && seen.has('appChart')) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();
`;

interface Run {
  tablePaintedAt: number;
  chartPaintedAt: number;
  appTablePaintedAt: number;
  appChartPaintedAt: number;
  picture: boolean;
  htmlMs: number;
  htmlBytes: number;
  htmlTransferBytes: number;
  mainThreadMs: number;
}

async function measureOnce(browser: Browser, url: string, points: number): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript(points) });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')
        ?.value ?? 0;
    const before = await taskSeconds();
    await page.goto(url);
    await waitInPage(
      page,
      'window.__historyProbe.painted.appTable !== undefined && window.__historyProbe.painted.appChart !== undefined',
      60_000,
    );
    const mainThreadMs = ((await taskSeconds()) - before) * 1000;
    const timings = await page.evaluate<Omit<Run, 'mainThreadMs'>>(`(() => {
      const { painted, picture } = window.__historyProbe;
      const first = (a, b) => Math.min(a ?? Infinity, b ?? Infinity);
      const html = performance.getEntriesByType('navigation')[0];
      return {
        tablePaintedAt: first(painted.pictureTable, painted.appTable),
        chartPaintedAt: first(painted.pictureChart, painted.appChart),
        appTablePaintedAt: painted.appTable,
        appChartPaintedAt: painted.appChart,
        picture,
        htmlMs: html ? html.responseEnd - html.requestStart : NaN,
        htmlBytes: html ? html.decodedBodySize : NaN,
        htmlTransferBytes: html ? html.encodedBodySize : NaN,
      };
    })()`);
    return { ...timings, mainThreadMs };
  } finally {
    await context.close();
  }
}

/** Daily snapshots of the tenant up to today, a client renamed every third day, recorded as the server records. */
async function seedDays(
  path: string,
  tenant: { identityDomain: string; customerId: string },
  snapshots: number,
): Promise<void> {
  const service = new StoreService({ kind: 'sqlite', path }, { log: () => undefined });
  await service.start();
  try {
    const history = createStoreHistory(service, () => undefined);
    const data = seedTenant({
      seed: 3,
      clients,
      customerId: tenant.customerId,
      configurationClient: { clientId: 'bench', clientSecret: 'bench-secret', scope: '*:config/**' },
    });
    const day = 86_400_000;
    const now = Date.now();
    for (let index = 0; index < snapshots; index += 1) {
      const client = data.clients[index % data.clients.length];
      if (client !== undefined && index % 3 === 0)
        client.name = `${client.name.replace(/ \(\d+\)$/, '')} (${index})`;
      const recorded = await history.recordNow({
        tenant,
        source: index % 5 === 0 ? 'refresh' : 'scheduled',
        takenAt: new Date(now - (snapshots - index) * day),
        inventory: inventoryOf(data),
      });
      if (recorded === null) throw new Error('The history page scenario could not seed its store.');
    }
  } finally {
    await service.close();
  }
}

async function measurePage(
  browser: Browser,
  url: string,
  snapshots: number,
  plan: HistoryPagePlan,
): Promise<Run[]> {
  // Warm-up (not measured): the server's token and first queries, Chromium's and V8's first-time costs.
  await measureOnce(browser, url, snapshots);
  const runs: Run[] = [];
  for (let run = 1; run <= plan.runs; run += 1) {
    const timings = await measureOnce(browser, url, snapshots);
    runs.push(timings);
    plan.log(
      `  history page, ${snapshots} snapshots, run ${run}/${plan.runs}: ${timings.picture ? "server's picture" : 'no picture'}, table ${Math.round(timings.tablePaintedAt)} ms, chart ${Math.round(timings.chartPaintedAt)} ms, app's table ${Math.round(timings.appTablePaintedAt)} ms, app's chart ${Math.round(timings.appChartPaintedAt)} ms, HTML ${Math.round(timings.htmlMs)} ms (${timings.htmlBytes} bytes, ${timings.htmlTransferBytes} sent), main thread ${Math.round(timings.mainThreadMs)} ms`,
    );
  }
  return runs;
}

const painted = (run: Run) => Math.max(run.tablePaintedAt, run.chartPaintedAt);

function figures(runs: readonly Run[]): PageFigures {
  const of = (pick: (run: Run) => number) => round(median(runs.map(pick)));
  return {
    paintedMs: of(painted),
    tableMs: of((run) => run.tablePaintedAt),
    chartMs: of((run) => run.chartPaintedAt),
    appTableMs: of((run) => run.appTablePaintedAt),
    appChartMs: of((run) => run.appChartPaintedAt),
    mainThreadMs: of((run) => run.mainThreadMs),
  };
}

export async function runHistoryPageScenario(plan: HistoryPagePlan): Promise<HistoryPageResult> {
  const dir = mkdtempSync(join(tmpdir(), 'idc-bench-history-page-'));
  const sandbox = await startSandboxProcess({ clients: 30, latencyMs: 0, seed: 1 });
  try {
    const tenant = { identityDomain: sandbox.identityDomain, customerId: sandbox.customerId };
    const yearPath = join(dir, 'year.db');
    const baselinePath = join(dir, 'baseline.db');
    await seedDays(yearPath, tenant, year);
    await seedDays(baselinePath, tenant, baselineSnapshots);
    plan.log(`  history page: recorded ${year} and ${baselineSnapshots} snapshots of ${clients} clients`);
    const browser = await launchChromium();
    try {
      const measure = async (path: string, snapshots: number) => {
        const server = await startBenchServer(sandbox, {
          staticDir: plan.appDir,
          store: { kind: 'sqlite', path },
        });
        try {
          return await measurePage(browser, `${server.url}history`, snapshots, plan);
        } finally {
          await server.close();
        }
      };
      const runs = await measure(yearPath, year);
      const baseline = await measure(baselinePath, baselineSnapshots);
      return {
        snapshots: year,
        clients,
        targetMs: historyPageTargetMs,
        ...figures(runs),
        paintedRunsMs: runs.map((run) => round(painted(run))),
        pictureRuns: runs.filter((run) => run.picture).length,
        htmlMs: round(median(runs.map((run) => run.htmlMs))),
        htmlBytes: round(median(runs.map((run) => run.htmlBytes))),
        htmlTransferBytes: round(median(runs.map((run) => run.htmlTransferBytes))),
        baseline: { snapshots: baselineSnapshots, ...figures(baseline) },
      };
    } finally {
      await browser.close();
    }
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
