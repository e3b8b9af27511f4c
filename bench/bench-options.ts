// `npm run bench -- [scenario…] [--quick] [--scenarios fan-out,table] [--runs 5] [--sizes 100,1000] [--out FILE]`.
import { parseArgs } from 'node:util';

export const scenarioNames = [
  'fan-out',
  'first-rows',
  'table',
  'bundle',
  'overhead',
  'store',
  'lighthouse',
] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export interface BenchOptions {
  scenarios: ScenarioName[];
  quick: boolean;
  runs: number;
  sizes: number[];
  /** Where the JSON goes; the Markdown table goes beside it (same name, .md). */
  out: string;
  help: boolean;
}

export const benchUsage = `Usage: npm run bench -- [scenario…] [options]

Runs the performance scenarios several times each and prints the medians as Markdown tables; writes
them as JSON (and the tables as Markdown beside it).

  scenario…           the scenarios to run, by name or number, e.g. \`npm run bench -- lighthouse\`
  --scenarios <list>  the same, comma-separated (default: all):
                      1 fan-out, 2 first-rows, 3 table, 4 bundle, 5 overhead, 6 store, 7 lighthouse
  --quick             a smoke run: 1 run each, fan-out at 30, 100 and 1,000 clients only
  --runs <n>          runs per measurement (default 3; --quick: 1)
  --sizes <list>      tenant sizes of the fan-out scenario (default 30,100,1000,10000); above 100 clients the
                      sequential baseline reads the first 150 clients, above 1,000 the fixed-6 one the first
                      500, and their times are extrapolated by request count (marked * in the table)
  --out <file>        JSON results (default bench/results/latest.json for a full run,
                      bench/results/partial.json for --quick or a subset of scenarios)
  --help              this text`;

export class BenchUsageError extends Error {}

function positiveInteger(name: string, text: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) {
    throw new BenchUsageError(`--${name} takes a positive integer (got "${text}").`);
  }
  return value;
}

function parseScenarios(text: string): ScenarioName[] {
  const chosen = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const byNumber = /^\d+$/.test(part) ? scenarioNames[Number(part) - 1] : undefined;
      const name = byNumber ?? scenarioNames.find((candidate) => candidate === part);
      if (name === undefined) {
        throw new BenchUsageError(
          `Unknown scenario "${part}": use ${scenarioNames.join(', ')} or 1–${scenarioNames.length}.`,
        );
      }
      return name;
    });
  if (chosen.length === 0) throw new BenchUsageError('--scenarios needs at least one scenario.');
  // In the order of the issue, whatever the order given.
  return scenarioNames.filter((name) => chosen.includes(name));
}

export function parseBenchArgs(args: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        scenarios: { type: 'string' },
        quick: { type: 'boolean', default: false },
        runs: { type: 'string' },
        sizes: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const quick = values.quick;
  const named = [values.scenarios, ...positionals].filter((part) => part !== undefined);
  const scenarios = named.length === 0 ? [...scenarioNames] : parseScenarios(named.join(','));
  const sizes =
    values.sizes === undefined
      ? quick
        ? [30, 100, 1000]
        : [30, 100, 1000, 10_000]
      : values.sizes.split(',').map((size) => positiveInteger('sizes', size.trim()));
  const full = !quick && scenarios.length === scenarioNames.length;
  return {
    scenarios,
    quick,
    runs: values.runs === undefined ? (quick ? 1 : 3) : positiveInteger('runs', values.runs),
    sizes,
    out: values.out ?? (full ? 'bench/results/latest.json' : 'bench/results/partial.json'),
    help: values.help,
  };
}
