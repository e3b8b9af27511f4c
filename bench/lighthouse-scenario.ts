// Scenario 7: Lighthouse (pinned 12.2.3) against the built app served the way `npm start` serves it, with the
// default connection on a sandbox of N clients at 50 ms and a history store, on the pages a person opens first,
// with the desktop and the (throttled) mobile presets. Each run starts from an empty cache and storage (Lighthouse
// resets them); the server is warm (token cached, one inventory read before).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import type { Result as LighthouseResult } from 'lighthouse';
import { startBenchServer } from './bench-server.ts';
import { chromiumArgs, chromiumExecutable } from './chromium.ts';
import { startSandboxProcess } from './sandbox-process.ts';

export type LighthousePreset = 'desktop' | 'mobile';

export interface LighthousePlan {
  clients: number;
  latencyMs: number;
  tenantCap: number;
  appDir: string;
  presets: readonly LighthousePreset[];
  /** Audits of each page and preset; the page's figures are those of the run with the median performance. */
  runs: number;
  /** When set, every run's full Lighthouse report is written there as JSON (what the table leaves out). */
  reportDir?: string | undefined;
  log: (line: string) => void;
}

export interface LighthousePageResult {
  /** `/clients/<id>` keeps its placeholder here; the real path is in `url`. */
  page: string;
  url: string;
  preset: LighthousePreset;
  /** Category scores, 0–100 (null when Lighthouse could not score it). */
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  cls: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  /** What the largest contentful paint painted: the element's selector's last step. */
  lcpElement: string | null;
  tbtMs: number | null;
  speedIndexMs: number | null;
  /** Every run's performance score, in order. */
  performanceRuns: (number | null)[];
  /** Accessibility and best-practices audits that failed, and the largest performance opportunities. */
  flagged: string[];
  runtimeError: string | null;
}

export interface LighthouseSection {
  clients: number;
  latencyMs: number;
  version: string;
  pages: LighthousePageResult[];
}

export const lighthouseTargets = {
  performance: { desktop: 95, mobile: 80 },
  accessibility: 100,
  bestPractices: 100,
  cls: 0.02,
} as const;

function score(result: LighthouseResult, category: string): number | null {
  const value = result.categories[category]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
}

function numeric(result: LighthouseResult, audit: string): number | null {
  const value = result.audits[audit]?.numericValue;
  return typeof value === 'number' ? value : null;
}

/** What to fix: failed audits of the pass/fail categories, then the performance opportunities worth > 50 ms. */
function flaggedAudits(result: LighthouseResult): string[] {
  const failed: string[] = [];
  for (const category of ['accessibility', 'best-practices']) {
    for (const ref of result.categories[category]?.auditRefs ?? []) {
      const audit = result.audits[ref.id];
      if (audit === undefined || ref.weight === 0) continue;
      if (typeof audit.score !== 'number' || audit.score >= 1) continue;
      // The inspector's issues say which kind (e.g. a Content-Security-Policy violation): the id alone does not.
      const kinds =
        audit.details?.type === 'table'
          ? [
              ...new Set(
                audit.details.items.map((item) => item.issueType).filter((kind) => typeof kind === 'string'),
              ),
            ]
          : [];
      failed.push(kinds.length === 0 ? ref.id : `${ref.id} (${kinds.join(', ')})`);
    }
  }
  const opportunities = Object.values(result.audits)
    .filter((audit) => audit.details?.type === 'opportunity' && (audit.numericValue ?? 0) > 50)
    .sort((a, b) => (b.numericValue ?? 0) - (a.numericValue ?? 0))
    .slice(0, 3)
    .map((audit) => `${audit.id} (${Math.round(audit.numericValue ?? 0)} ms)`);
  return [...failed, ...opportunities, ...shiftedElements(result)];
}

/** Where the layout shifts were, when they exceed the target: the elements Lighthouse blames, largest first. */
function shiftedElements(result: LighthouseResult): string[] {
  if ((numeric(result, 'cumulative-layout-shift') ?? 0) <= lighthouseTargets.cls) return [];
  const details = result.audits['layout-shifts']?.details;
  if (details?.type !== 'table') return [];
  return details.items.slice(0, 2).flatMap((item) => {
    const node = item.node;
    if (typeof node !== 'object' || !('selector' in node)) return [];
    // The selector's last step and the node's text: enough to find it, short enough for the table.
    const last = String(node.selector).split(' > ').at(-1) ?? '';
    const label = 'nodeLabel' in node ? String(node.nodeLabel).slice(0, 30) : '';
    const score = typeof item.score === 'number' ? item.score.toFixed(3) : '?';
    return [`shift ${score} at ${last} "${label}"`];
  });
}

function lcpElement(result: LighthouseResult): string | null {
  const details = result.audits['largest-contentful-paint-element']?.details;
  if (details?.type !== 'list') return null;
  for (const item of details.items) {
    if (item.type !== 'table') continue;
    const node = item.items[0]?.node;
    if (typeof node === 'object' && 'selector' in node)
      return String(node.selector).split(' > ').at(-1) ?? null;
  }
  return null;
}

/** The id of one client of the default connection's tenant, for the client page. */
async function someClientId(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}api/config/clients`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /api/config/clients answered ${response.status}.`);
  const text = await response.text();
  const match = /"id"\s*:\s*"([^"]+)"/.exec(text);
  if (match?.[1] === undefined) throw new Error('GET /api/config/clients listed no client id.');
  return match[1];
}

async function auditOnce(url: string, port: number, preset: LighthousePreset): Promise<LighthouseResult> {
  const runner = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (runner === undefined) throw new Error(`Lighthouse returned nothing for ${url}.`);
  return runner.lhr;
}

/** One audit; again once when Lighthouse itself failed (on a busy machine its trace sometimes misses the start). */
async function audit(url: string, port: number, preset: LighthousePreset): Promise<LighthouseResult> {
  const first = await auditOnce(url, port, preset);
  return first.runtimeError === undefined ? first : auditOnce(url, port, preset);
}

/** The run whose performance score is the median (the lower middle one for an even count); failed runs last. */
function medianRun(runs: readonly LighthouseResult[]): LighthouseResult {
  const ranked = [...runs].sort((a, b) => (score(a, 'performance') ?? -1) - (score(b, 'performance') ?? -1));
  const scored = ranked.filter((run) => score(run, 'performance') !== null);
  const pool = scored.length > 0 ? scored : ranked;
  const chosen = pool[Math.floor((pool.length - 1) / 2)];
  if (chosen === undefined) throw new Error('No Lighthouse run to report.');
  return chosen;
}

export async function runLighthouseScenario(plan: LighthousePlan): Promise<LighthouseSection> {
  const storeDir = mkdtempSync(join(tmpdir(), 'idc-bench-lighthouse-'));
  const sandbox = await startSandboxProcess({
    clients: plan.clients,
    latencyMs: plan.latencyMs,
    maxConcurrency: plan.tenantCap,
    seed: 1,
  });
  const server = await startBenchServer(sandbox, {
    staticDir: plan.appDir,
    store: { kind: 'sqlite', path: join(storeDir, 'inventory.db') },
  });
  const chrome = await launch({
    chromePath: chromiumExecutable() ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...chromiumArgs],
    logLevel: 'silent',
  });
  try {
    // Warm: the token cached, one whole inventory read (and recorded, so the pages show a history).
    const warm = await fetch(`${server.url}api/inventory?source=browser`, {
      headers: { accept: 'application/x-ndjson' },
    });
    await warm.text();
    const clientId = await someClientId(server.url);
    const pages = [
      { page: '/', path: '/' },
      { page: '/clients', path: '/clients' },
      { page: '/clients/<id>', path: `/clients/${encodeURIComponent(clientId)}` },
      { page: '/findings', path: '/findings' },
      { page: '/connect', path: '/connect' },
    ];
    const results: LighthousePageResult[] = [];
    let version = '';
    if (plan.reportDir !== undefined) mkdirSync(plan.reportDir, { recursive: true });
    for (const preset of plan.presets) {
      for (const { page, path } of pages) {
        const url = new URL(path, server.url).href;
        const runs: LighthouseResult[] = [];
        for (let run = 0; run < plan.runs; run++) {
          const lhr = await audit(url, chrome.port, preset);
          runs.push(lhr);
          if (plan.reportDir !== undefined) {
            const name = `${preset}-${page.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '') || 'overview'}-${run + 1}.json`;
            writeFileSync(join(plan.reportDir, name), JSON.stringify(lhr));
          }
        }
        const lhr = medianRun(runs);
        version = lhr.lighthouseVersion;
        const result: LighthousePageResult = {
          page,
          url,
          preset,
          performance: score(lhr, 'performance'),
          accessibility: score(lhr, 'accessibility'),
          bestPractices: score(lhr, 'best-practices'),
          cls: numeric(lhr, 'cumulative-layout-shift'),
          fcpMs: numeric(lhr, 'first-contentful-paint'),
          lcpMs: numeric(lhr, 'largest-contentful-paint'),
          lcpElement: lcpElement(lhr),
          tbtMs: numeric(lhr, 'total-blocking-time'),
          speedIndexMs: numeric(lhr, 'speed-index'),
          performanceRuns: runs.map((one) => score(one, 'performance')),
          flagged: flaggedAudits(lhr),
          runtimeError: lhr.runtimeError?.message ?? null,
        };
        results.push(result);
        const ms = (value: number | null): string => (value === null ? '—' : `${Math.round(value)} ms`);
        plan.log(
          `  lighthouse ${preset} ${page}: performance ${result.performance ?? '—'} (runs ${result.performanceRuns.map((value) => value ?? '—').join(', ')}), accessibility ${result.accessibility ?? '—'}, best practices ${result.bestPractices ?? '—'}, CLS ${result.cls?.toFixed(3) ?? '—'}, FCP ${ms(result.fcpMs)}, LCP ${ms(result.lcpMs)} (${result.lcpElement ?? '—'}), TBT ${ms(result.tbtMs)}, SI ${ms(result.speedIndexMs)}${result.flagged.length > 0 ? ` · ${result.flagged.join(', ')}` : ''}`,
        );
      }
    }
    return { clients: plan.clients, latencyMs: plan.latencyMs, version, pages: results };
  } finally {
    chrome.kill();
    await server.close();
    await sandbox.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
}
