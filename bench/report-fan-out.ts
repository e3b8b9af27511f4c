// The report's fan-out section: the proxy's inventory against the bound and the baselines, and its targets.
import type { FanOutRow } from './fan-out-scenario.ts';
import { formatInteger, formatMs, markdownTable } from './markdown-table.ts';
import type { TargetCheck } from './report-section.ts';
import { reportSection, rightAligned } from './report-section.ts';

export interface FanOutSection {
  latencyMs: number;
  tenantCap: number;
  rows: FanOutRow[];
}

const methodLabels = {
  proxy: 'proxy, fresh server',
  'proxy-restart': 'proxy, restarted on its store',
  'proxy-warm': 'proxy, same server again',
  simulated: 'limiter alone, virtual time',
  'fixed-6': 'fixed 6 at a time',
  sequential: 'sequential',
} as const;

function fanOutNotes(section: FanOutSection): string[] {
  const notes = section.rows
    .filter((row) => row.sampledClients !== null)
    .map(
      (row) =>
        `\\* ${methodLabels[row.method]} at ${formatInteger(row.clients)} clients: measured on the first ${formatInteger(row.sampledClients ?? 0)} clients and extrapolated by request count (requests and 429s are the sample's).`,
    );
  const missing = Math.max(0, ...section.rows.map((row) => row.missingPolicies));
  if (missing > 0) {
    notes.push(
      `"failed" counts items that could not be read. The proxy's stream also reports ${missing} referenced policy the tenant does not have (404, a dangling reference the seed plants for the findings rules): an answer, not a failure; the baselines read only listed policies and never ask for it.`,
    );
  }
  const sequential = section.rows.filter((row) => row.method === 'sequential');
  const roundTrips = sequential.map(
    (row) => (row.ratioToBound / row.ratioToMeasuredBound) * section.latencyMs,
  );
  if (roundTrips.length > 0) {
    notes.push(
      `"at measured round trip": the same bound computed with the time per request the sequential baseline measured in the same run (${roundTrips.map((value) => value.toFixed(1)).join(' / ')} ms against ${section.latencyMs} ms nominal: timers and HTTP on this machine), which no method can beat.`,
    );
  }
  if (section.rows.some((row) => row.method === 'simulated')) {
    notes.push(
      '"limiter alone, virtual time": the proxy\'s AdaptiveConcurrency class against a simulated tenant with the same cap, latency and Retry-After (bench/limiter-simulation.ts): no sockets, no event loop, no other programs, i.e. what the algorithm achieves by itself; its requests exclude the policies.',
    );
  }
  const restarts = section.rows.filter((row) => row.method === 'proxy-restart');
  if (restarts.length > 0) {
    const caps = restarts
      .map(
        (row) =>
          `${formatInteger(row.clients)}: ${row.rememberedCap === null ? 'none' : String(row.rememberedCap)}`,
      )
      .join(', ');
    notes.push(
      `"restarted on its store": a new proxy each run, on a store where one earlier, untimed inventory left the cap it learnt from the tenant's 429s (by size, ${caps}; none: that inventory was never refused, so there was nothing to learn and the restart starts like a fresh server). "CPU": the benchmark process's CPU time during the run (proxy and reader, or the baseline's client; the sandbox runs in a process of its own): on a shared machine, the wall-clock times stretch by what other programs take, the CPU time much less.`,
    );
  }
  if (section.rows.some((row) => row.method === 'proxy-warm')) {
    notes.push(
      '"fresh server": a new proxy each run (token exchange, limiter that knows nothing of the tenant; the targets apply to it). "same server again": the next inventory through that proxy (token cached, the tenant\'s cap learnt), as a second visit; measured where it costs little time.',
    );
  }
  return notes;
}

export function fanOutReport(section: FanOutSection): string {
  const rows = section.rows.map((row) => [
    formatInteger(row.clients),
    methodLabels[row.method],
    row.sampledClients === null ? formatMs(row.ms) : `${formatMs(row.ms)} *`,
    formatMs(row.boundMs),
    `${row.ratioToBound.toFixed(2)}×`,
    `${row.ratioToMeasuredBound.toFixed(2)}×`,
    row.speedUpOverFixed6 === null ? '' : `${row.speedUpOverFixed6.toFixed(1)}×`,
    row.speedUpOverSequential === null ? '' : `${row.speedUpOverSequential.toFixed(1)}×`,
    formatInteger(row.requests),
    formatInteger(row.rateLimited),
    formatInteger(row.failed),
    formatInteger(row.tokenExchanges),
    row.method === 'simulated' ? '' : formatMs(row.cpuMs),
  ]);
  const columns = [
    { title: 'clients', align: 'right' as const },
    { title: 'method' },
    ...rightAligned(
      'time (median)',
      'bound',
      'ratio to bound',
      'at measured round trip',
      'speed-up vs fixed-6',
      'speed-up vs sequential',
      'requests',
      '429s',
      'failed',
      'token exchanges',
      'CPU',
    ),
  ];
  return reportSection(
    `### 1. Inventory fan-out (${section.latencyMs} ms ±20% latency, tenant answers 429 above ${section.tenantCap} concurrent requests)`,
    'Time from the request to the `done` line of `/api/inventory` (proxy) or to the last response (baselines, which do the same work: token, the three lists, every client, every listed policy). Bound: ⌈(N+1)/16⌉ × latency.',
    markdownTable(columns, rows),
    fanOutNotes(section)
      .map((note) => `${note}  `)
      .join('\n'),
  );
}

function boundChecks(section: FanOutSection): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const row of section.rows) {
    if (row.clients < 100) continue;
    const limit =
      row.method === 'proxy' || row.method === 'proxy-restart'
        ? 1.3
        : row.method === 'proxy-warm'
          ? 1.1
          : null;
    if (limit === null) continue;
    checks.push({
      target: `fan-out, ${methodLabels[row.method]}, ≤ ${limit}× the bound (${formatInteger(row.clients)} clients)`,
      measured: `${row.ratioToBound.toFixed(2)}× (${row.ratioToMeasuredBound.toFixed(2)}× at the measured round trip)`,
      met: row.ratioToBound <= limit,
    });
  }
  return checks;
}

export function fanOutChecks(section: FanOutSection): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const proxyRows = section.rows.filter((row) => row.method === 'proxy');
  const atThousand = proxyRows.find((row) => row.clients === 1000);
  if (atThousand) {
    checks.push(
      {
        target: 'fan-out ratio to the bound ≤ 1.2 at 1,000 clients',
        measured: `${atThousand.ratioToBound.toFixed(2)}×`,
        met: atThousand.ratioToBound <= 1.2,
      },
      {
        target: 'fan-out ≥ 2.5× faster than fixed-6 (1,000 clients)',
        measured: `${atThousand.speedUpOverFixed6?.toFixed(1)}×`,
        met: (atThousand.speedUpOverFixed6 ?? 0) >= 2.5,
      },
      {
        target: 'fan-out ≥ 15× faster than sequential (1,000 clients)',
        measured: `${atThousand.speedUpOverSequential?.toFixed(1)}×`,
        met: (atThousand.speedUpOverSequential ?? 0) >= 15,
      },
    );
  }
  for (const row of proxyRows) {
    checks.push({
      target: `fan-out, fresh server, never slower than 6 at a time (${formatInteger(row.clients)} clients)`,
      measured: `${row.speedUpOverFixed6?.toFixed(2)}× its speed`,
      met: (row.speedUpOverFixed6 ?? 0) >= 1,
    });
  }
  checks.push(...boundChecks(section));
  const restartRows = section.rows.filter(
    (row) => row.method === 'proxy-restart' && row.rememberedCap !== null,
  );
  if (restartRows.length > 0) {
    const freshAt = (clients: number) => proxyRows.find((row) => row.clients === clients)?.rateLimited ?? 0;
    checks.push({
      target: 'fan-out, restarted on its store: fewer 429s than a fresh server (no probing from scratch)',
      measured: restartRows
        .map((row) => `${row.rateLimited} vs ${freshAt(row.clients)} at ${formatInteger(row.clients)}`)
        .join(', '),
      met: restartRows.every((row) => row.rateLimited < freshAt(row.clients)),
    });
  }
  checks.push(
    {
      target: 'fan-out: 0 failed items',
      measured: proxyRows.map((row) => `${row.failed}`).join(' / '),
      met: proxyRows.every((row) => row.failed === 0),
    },
    {
      target: 'fan-out: exactly 1 token exchange',
      measured: proxyRows.map((row) => `${row.tokenExchanges}`).join(' / '),
      met: proxyRows.every((row) => row.tokenExchanges === 1),
    },
  );
  return checks;
}
