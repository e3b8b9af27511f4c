// The benchmark's results: one JSON document, and the same figures as Markdown tables with the targets checked.
// Each scenario's section and targets live in a `report-*.ts` file of their own.
import type { BundleReport } from './bundle-size.ts';
import type { FirstRowsResult } from './first-rows-scenario.ts';
import type { LighthouseSection } from './lighthouse-scenario.ts';
import { markdownTable } from './markdown-table.ts';
import type { OverheadResult } from './overhead-scenario.ts';
import type { FanOutSection } from './report-fan-out.ts';
import { fanOutChecks, fanOutReport } from './report-fan-out.ts';
import { lighthouseChecks, lighthouseReport } from './report-lighthouse.ts';
import {
  bundleChecks,
  bundleReport,
  firstRowsChecks,
  firstRowsReport,
  overheadChecks,
  overheadReport,
  tableChecks,
  tableReport,
} from './report-pages.ts';
import type { TargetCheck } from './report-section.ts';
import { reportSection, rightAligned } from './report-section.ts';
import { storeChecks, storeReport } from './report-store.ts';
import type { StoreResult } from './store-scenario.ts';
import type { TableResult } from './table-scenario.ts';

export interface BenchResults {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; loadAverage: number[] };
  options: { runs: number; quick: boolean; scenarios: string[] };
  durationS: number;
  fanOut?: FanOutSection;
  firstRows?: FirstRowsResult;
  table?: TableResult;
  bundle?: BundleReport;
  overhead?: OverheadResult;
  store?: StoreResult;
  lighthouse?: LighthouseSection;
  targets: TargetCheck[];
}

export function checkTargets(results: Omit<BenchResults, 'targets'>): TargetCheck[] {
  return [
    ...(results.fanOut ? fanOutChecks(results.fanOut) : []),
    ...(results.firstRows ? firstRowsChecks(results.firstRows) : []),
    ...(results.table ? tableChecks(results.table) : []),
    ...(results.bundle ? bundleChecks(results.bundle) : []),
    ...(results.overhead ? overheadChecks(results.overhead) : []),
    ...(results.store ? storeChecks(results.store) : []),
    ...(results.lighthouse ? lighthouseChecks(results.lighthouse) : []),
  ];
}

export function renderMarkdown(results: BenchResults): string {
  const sections = [
    results.fanOut && fanOutReport(results.fanOut),
    results.firstRows && firstRowsReport(results.firstRows),
    results.table && tableReport(results.table),
    results.bundle && bundleReport(results.bundle),
    results.overhead && overheadReport(results.overhead),
    results.store && storeReport(results.store),
    results.lighthouse && lighthouseReport(results.lighthouse),
  ].filter((section) => section !== undefined);
  const { machine } = results;
  sections.push(
    reportSection(
      '### Targets',
      markdownTable(
        [{ title: 'target' }, ...rightAligned('measured'), { title: 'met' }],
        results.targets.map((check) => [check.target, check.measured, check.met ? 'yes' : '**no**']),
      ),
    ),
    `${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC · ${machine.cpus} × ${machine.cpuModel} · Node ${machine.node} · load average at start ${machine.loadAverage.map((value) => value.toFixed(2)).join(' ')} · ${results.options.runs} runs each, medians · ${Math.round(results.durationS)} s in all`,
  );
  return sections.join('\n\n');
}
