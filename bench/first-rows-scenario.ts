// Scenario 2: time to first rows in Chromium against the built app (`/clients`), served by the real server whose
// default connection is a sandbox of N clients at 50 ms: from navigation to the first row names painted, and to
// every client's details painted (the progress bar gone). The server is warm (token cached, as after any earlier
// visit); each run uses a new browser context, so the browser cache is cold.
import type { Browser } from '@playwright/test';
import { startBenchServer } from './bench-server.ts';
import { launchChromium } from './chromium.ts';
import { pageProbeScript, waitInPage, type LoadTimings } from './page-probe.ts';
import { startSandboxProcess } from './sandbox-process.ts';
import { median, round } from './stats.ts';

/** The first page of names on screen this long after navigation, at 1,000 clients and 50 ms, warm server. */
export const namesTargetMs = 700;

export interface FirstRowsPlan {
  runs: number;
  clients: number;
  latencyMs: number;
  tenantCap: number;
  /** The built app to serve. */
  appDir: string;
  log: (line: string) => void;
}

export interface FirstRowsResult {
  clients: number;
  latencyMs: number;
  /** The first page of names painted within 700 ms of the navigation. */
  namesTargetMs: number;
  namesMs: number;
  namesRunsMs: number[];
  allDetailsMs: number;
  allDetailsRunsMs: number[];
  /** When the browser received the first byte of /api/inventory (the proxy answers once the list is read). */
  inventoryFirstByteMs: number;
  /** When the browser sent /api/inventory (the app's code loaded, the session known). */
  inventoryRequestMs: number;
}

interface RunTimings extends LoadTimings {
  inventoryRequestMs: number | null;
  inventoryFirstByteMs: number | null;
}

async function measureOnce(browser: Browser, url: string): Promise<RunTimings> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: pageProbeScript });
    await page.goto(url);
    await waitInPage(page, 'window.__benchProbe.donePaintedAt !== null', 60_000);
    return await page.evaluate<RunTimings>(`(() => {
      const probe = window.__benchProbe;
      const inventory = performance.getEntriesByType('resource').find((entry) => new URL(entry.name).pathname === '/api/inventory');
      return {
        namesPaintedAt: probe.namesPaintedAt,
        donePaintedAt: probe.donePaintedAt,
        progressSeen: probe.progressSeen,
        inventoryRequestMs: inventory ? inventory.requestStart : null,
        inventoryFirstByteMs: inventory ? inventory.responseStart : null,
      };
    })()`);
  } finally {
    await context.close();
  }
}

export async function runFirstRowsScenario(plan: FirstRowsPlan): Promise<FirstRowsResult> {
  const sandbox = await startSandboxProcess({
    clients: plan.clients,
    latencyMs: plan.latencyMs,
    maxConcurrency: plan.tenantCap,
    seed: 1,
  });
  const server = await startBenchServer(sandbox, { staticDir: plan.appDir });
  const browser = await launchChromium();
  try {
    // Warm-up (not measured): the server's token, Chromium's and V8's first-time costs.
    await measureOnce(browser, `${server.url}clients`);
    const runs: RunTimings[] = [];
    for (let run = 1; run <= plan.runs; run += 1) {
      const timings = await measureOnce(browser, `${server.url}clients`);
      runs.push(timings);
      plan.log(
        `  first rows run ${run}/${plan.runs}: names ${Math.round(timings.namesPaintedAt ?? Number.NaN)} ms, all details ${Math.round(timings.donePaintedAt ?? Number.NaN)} ms`,
      );
    }
    const figure = (pick: (run: RunTimings) => number | null) =>
      runs.map(pick).filter((value): value is number => value !== null);
    const names = figure((run) => run.namesPaintedAt);
    const all = figure((run) => run.donePaintedAt);
    return {
      clients: plan.clients,
      latencyMs: plan.latencyMs,
      namesTargetMs,
      namesMs: round(median(names)),
      namesRunsMs: names.map((value) => round(value)),
      allDetailsMs: round(median(all)),
      allDetailsRunsMs: all.map((value) => round(value)),
      inventoryFirstByteMs: round(median(figure((run) => run.inventoryFirstByteMs))),
      inventoryRequestMs: round(median(figure((run) => run.inventoryRequestMs))),
    };
  } finally {
    await browser.close();
    await server.close();
    await sandbox.close();
  }
}
