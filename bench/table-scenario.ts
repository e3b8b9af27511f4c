// Scenario 3: the clients table at 10,000 rows in Chromium. A keystroke in "Search clients", a click on a column
// header and a change of the kind filter, each timed inside the page from the input event to the frame after the
// grid's DOM settled (page-probe.ts), and checked: the grid must show what was asked for.
import type { Browser, Page } from '@playwright/test';
import { startBenchServer } from './bench-server.ts';
import { launchChromium } from './chromium.ts';
import { measureMainThreadCpu } from './main-thread-cpu.ts';
import { pageProbeScript, waitInPage, type Settled } from './page-probe.ts';
import { startSandboxProcess } from './sandbox-process.ts';
import { median, round } from './stats.ts';

export interface TablePlan {
  runs: number;
  clients: number;
  /** The built app to serve. */
  appDir: string;
  log: (line: string) => void;
}

export interface InteractionFigures {
  /** Median over every measured interaction of this kind. */
  medianMs: number;
  maxMs: number;
  samplesMs: number[];
  /** The page's main-thread CPU time per interaction (median): the work itself, whatever else the machine does. */
  cpuMedianMs: number;
  targetMs: number | null;
}

export interface TableResult {
  clients: number;
  /** Navigation to every detail painted, with a zero-latency tenant (how long the page took to be ready). */
  loadMs: number;
  search: InteractionFigures;
  sort: InteractionFigures;
  kind: InteractionFigures;
  /** Keystrokes after which the grid did not change (the same rows matched): not counted. */
  unchangedKeystrokes: number;
  /** Interactions whose result on screen was not the expected one (should be empty). */
  mismatches: string[];
}

/** The DOM must stay unchanged this long before an interaction counts as settled. */
const quietMs = 250;
/** Typed one character at a time, each keystroke measured: the matches narrow as a person types. */
const searchQuery = 'shop';
/** Column fields: name twice (ascending, then descending), then two more columns. */
const headers = ['name', 'name', 'clientId', 'redirectUris'];
const kinds = ['Public', 'Confidential', 'Configuration', 'All'] as const;

interface Sample {
  ms: number;
  cpuMs: number;
}

function describe(samples: Sample[]): string {
  return `${samples.map((sample) => Math.round(sample.ms)).join('/')} ms (CPU ${samples.map((sample) => Math.round(sample.cpuMs)).join('/')})`;
}

/**
 * Milliseconds to the settled grid and the page's main-thread CPU time meanwhile, or null when the grid did not
 * change (e.g. a keystroke matching the same rows).
 */
async function timed(
  browser: Browser,
  page: Page,
  eventType: string,
  action: () => Promise<void>,
): Promise<Sample | null> {
  await page.evaluate(`window.__benchProbe.arm(${JSON.stringify(eventType)})`);
  const { value: settled, cpuMs } = await measureMainThreadCpu(browser, page, async () => {
    await action();
    return page.evaluate<Settled>(`window.__benchProbe.settled(${quietMs})`);
  });
  return settled.ms === null ? null : { ms: settled.ms, cpuMs };
}

/** Waits until the grid's DOM has been quiet for a while (after an unmeasured step). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(`window.__benchProbe.arm('none')`);
  await page.evaluate(`window.__benchProbe.settled(${quietMs})`);
}

function parseCount(text: string): number | null {
  const digits = /([\d,]+)\s*$/.exec(text.trim())?.[1];
  return digits === undefined ? null : Number(digits.replaceAll(',', ''));
}

/** A kind button: its accessible name is what it shows, the kind then its count ("Public 3,412"). */
function kindButton(page: Page, kind: string) {
  return page.getByRole('button', { name: new RegExp(`^${kind}\\b`) });
}

/** The grid footer's total ("1–50 of 3,412") and the count shown on a kind button ("Public 3,412"). */
async function shownTotals(
  page: Page,
  kind: string,
): Promise<{ grid: number | null; button: number | null }> {
  const footer = await page.locator('.MuiTablePagination-displayedRows').innerText();
  const button = await kindButton(page, kind).innerText();
  return { grid: parseCount(footer), button: parseCount(button) };
}

async function visibleNames(page: Page): Promise<string[]> {
  return page.locator('[role="grid"] [role="row"][data-id] [data-field="name"]').allInnerTexts();
}

function figures(samples: Sample[], targetMs: number | null): InteractionFigures {
  const times = samples.map((sample) => sample.ms);
  return {
    medianMs: round(median(times)),
    maxMs: round(Math.max(...times)),
    samplesMs: times.map((value) => round(value)),
    cpuMedianMs: round(median(samples.map((sample) => sample.cpuMs))),
    targetMs,
  };
}

export async function runTableScenario(plan: TablePlan): Promise<TableResult> {
  const sandbox = await startSandboxProcess({ clients: plan.clients, latencyMs: 0, seed: 1 });
  const server = await startBenchServer(sandbox, { staticDir: plan.appDir });
  const browser = await launchChromium();
  const mismatches: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript({ content: pageProbeScript });
    await page.goto(`${server.url}clients`);
    await waitInPage(page, 'window.__benchProbe.donePaintedAt !== null', 120_000);
    const loadMs = await page.evaluate<number>('window.__benchProbe.donePaintedAt');
    plan.log(`  table: ${plan.clients} clients loaded in ${Math.round(loadMs)} ms`);
    await settle(page);

    const search: Sample[] = [];
    const sort: Sample[] = [];
    const kind: Sample[] = [];
    let unchanged = 0;
    const searchBox = page.getByRole('searchbox', { name: 'Search clients' });
    for (let run = 1; run <= plan.runs; run += 1) {
      await searchBox.fill('');
      await settle(page);
      await searchBox.focus();
      for (const character of searchQuery) {
        const ms = await timed(browser, page, 'keydown', () => page.keyboard.press(character));
        if (ms === null) unchanged += 1;
        else search.push(ms);
        const totals = await shownTotals(page, 'All');
        if (totals.grid === null || totals.grid !== totals.button) {
          mismatches.push(`search: the grid shows ${totals.grid} rows, the All button ${totals.button}`);
        }
      }
      await searchBox.fill('');
      await settle(page);

      for (const header of headers) {
        // By field: a sorted header's accessible name also carries its sort button's label.
        const cell = page.locator(`[role="columnheader"][data-field="${header}"]`);
        const ms = await timed(browser, page, 'pointerdown', () => cell.click());
        if (ms === null) mismatches.push(`sort by ${header}: the grid did not change`);
        else sort.push(ms);
        if (header === 'name') {
          const names = await visibleNames(page);
          const direction = (await cell.getAttribute('aria-sort')) === 'descending' ? -1 : 1;
          const ordered = names.every(
            (name, index) => index === 0 || direction * (names[index - 1] ?? '').localeCompare(name) <= 0,
          );
          if (names.length === 0 || !ordered)
            mismatches.push(`sort by name: rows not in order (${names.slice(0, 3).join(', ')}…)`);
        }
      }

      for (const label of kinds) {
        const button = kindButton(page, label);
        const ms = await timed(browser, page, 'pointerdown', () => button.click());
        if (ms === null) mismatches.push(`kind ${label}: the grid did not change`);
        else kind.push(ms);
        const totals = await shownTotals(page, label);
        if (totals.grid === null || totals.grid !== totals.button) {
          mismatches.push(`kind ${label}: the grid shows ${totals.grid} rows, the button ${totals.button}`);
        }
      }
      plan.log(
        `  table run ${run}/${plan.runs}: search ${describe(search.slice(-searchQuery.length))}, sort ${describe(sort.slice(-headers.length))}, kind ${describe(kind.slice(-kinds.length))}`,
      );
    }
    await context.close();
    return {
      clients: plan.clients,
      loadMs: round(loadMs),
      search: figures(search, 100),
      sort: figures(sort, 150),
      kind: figures(kind, null),
      unchangedKeystrokes: unchanged,
      mismatches,
    };
  } finally {
    await browser.close();
    await server.close();
    await sandbox.close();
  }
}
