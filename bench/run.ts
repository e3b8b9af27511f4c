// `npm run bench`: the performance scenarios, measured side by side in one run (these machines are noisy:
// absolute times alone say little). Prints Markdown tables and writes the same figures as JSON. The same bundle,
// started with BENCH_ROLE=sandbox, hosts the sandbox in a child process (sandbox-process.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { ensureAppBuild, snapshotAppBuild } from './app-build.ts';
import { BenchUsageError, benchUsage, parseBenchArgs, type BenchOptions } from './bench-options.ts';
import { analyseBundle } from './bundle-size.ts';
import { runFanOutScenario } from './fan-out-scenario.ts';
import { runFirstRowsScenario } from './first-rows-scenario.ts';
import { runHistoryPageScenario, type HistoryPageResult } from './history-page-scenario.ts';
import { runLighthouseScenario } from './lighthouse-scenario.ts';
import { runOverheadScenario } from './overhead-scenario.ts';
import { checkTargets, renderMarkdown, type BenchResults } from './report.ts';
import { sandboxRole, sandboxRoleVariable, serveSandboxInThisProcess } from './sandbox-process.ts';
import { runStoreScenario } from './store-scenario.ts';
import { runTableScenario } from './table-scenario.ts';

const log = (line: string) => {
  console.error(line);
};

async function runBench(options: BenchOptions): Promise<BenchResults> {
  const started = performance.now();
  const cpuList = cpus();
  const partial: Omit<BenchResults, 'targets'> = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown CPU',
      node: process.versions.node,
      platform: `${process.platform} ${process.arch}`,
      loadAverage: loadavg(),
    },
    options: { runs: options.runs, quick: options.quick, scenarios: options.scenarios },
    durationS: 0,
  };
  const wants = (name: BenchOptions['scenarios'][number]) => options.scenarios.includes(name);
  // The store scenario paints the History page of a year of snapshots in Chromium, against the built app too.
  const needsApp =
    wants('first-rows') || wants('table') || wants('bundle') || wants('lighthouse') || wants('store');
  if (needsApp) ensureAppBuild(resolve('.'), log);
  const app = needsApp ? snapshotAppBuild(resolve('.')) : null;
  let historyPage: HistoryPageResult | undefined;
  try {
    if (app !== null && wants('bundle')) {
      log('4. Bundle…');
      partial.bundle = analyseBundle(app.dir);
    }
    if (wants('overhead')) {
      log('5. Proxy overhead and token single flight…');
      partial.overhead = await runOverheadScenario({ runs: Math.max(options.runs, 3), concurrent: 200, log });
    }
    if (app !== null && wants('first-rows')) {
      log('2. Time to first rows…');
      partial.firstRows = await runFirstRowsScenario({
        runs: Math.max(options.runs, 3),
        clients: 1000,
        latencyMs: 50,
        tenantCap: 16,
        appDir: app.dir,
        log,
      });
    }
    if (app !== null && wants('table')) {
      log('3. Table at 10,000 clients…');
      partial.table = await runTableScenario({ runs: options.runs, clients: 10_000, appDir: app.dir, log });
    }
    if (app !== null && wants('lighthouse')) {
      log('7. Lighthouse…');
      partial.lighthouse = await runLighthouseScenario({
        clients: 1000,
        latencyMs: 50,
        tenantCap: 16,
        appDir: app.dir,
        presets: ['desktop', 'mobile'],
        runs: options.runs,
        reportDir: process.env.LIGHTHOUSE_REPORT_DIR,
        log,
      });
    }
    if (app !== null && wants('store')) {
      log('6. History store: the History page with a year of snapshots…');
      historyPage = await runHistoryPageScenario({ runs: Math.max(options.runs, 3), appDir: app.dir, log });
    }
  } finally {
    app?.remove();
  }
  if (wants('fan-out')) {
    log('1. Inventory fan-out…');
    const latencyMs = 50;
    const tenantCap = 16;
    partial.fanOut = {
      latencyMs,
      tenantCap,
      rows: await runFanOutScenario({
        sizes: options.sizes,
        runs: options.runs,
        latencyMs,
        tenantCap,
        // Sequential reading takes about 53 s for 1,000 clients and 9 minutes for 10,000: above 100 clients the
        // sequential baseline reads the first 150 (its time per request does not depend on the list's length) and
        // is extrapolated by request count, labelled so; fixed-6 likewise above 1,000 clients, from 500. This keeps
        // the whole benchmark under 10 minutes on 2 cores, even busy ones.
        sequentialSample: (clients) => (clients > 100 ? 150 : undefined),
        fixedSample: (clients) => (clients > 1000 ? 500 : undefined),
        warmProxy: (clients) => clients <= 1000,
        log,
      }),
    };
  }
  if (wants('store')) {
    log('6. History store…');
    partial.store = { ...(await runStoreScenario({ clients: 10_000, log })), historyPage };
  }
  partial.durationS = (performance.now() - started) / 1000;
  return { ...partial, targets: checkTargets(partial) };
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`bench: ${error.message}\n\n${benchUsage}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(benchUsage);
    return;
  }
  const results = await runBench(options);
  const markdown = renderMarkdown(results);
  console.log(`\n${markdown}\n`);
  const out = resolve(options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(out.replace(/\.json$/, '') + '.md', `${markdown}\n`);
  log(`Results written to ${options.out} (and the tables to ${options.out.replace(/\.json$/, '')}.md).`);
}

if (process.env[sandboxRoleVariable] === sandboxRole) {
  serveSandboxInThisProcess();
} else {
  main().catch((error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}
