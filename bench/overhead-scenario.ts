// Scenario 5: what the proxy adds to a forwarded GET, and its token single flight. Against a zero-latency
// sandbox, 200 concurrent GETs of client details straight to the sandbox (with a token), then the same 200
// through a freshly started proxy (cold: its first requests, which must share one token exchange), then again
// through the same proxy (warm). Latencies are per request, from sending to the end of the body.
import { Agent, request } from 'node:http';
import { startBenchServer } from './bench-server.ts';
import { startSandboxProcess, type RemoteSandbox } from './sandbox-process.ts';
import { median, percentile, round } from './stats.ts';

export interface OverheadPlan {
  runs: number;
  concurrent: number;
  log: (line: string) => void;
}

export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
}

export interface OverheadResult {
  concurrent: number;
  direct: LatencyFigures;
  proxyCold: LatencyFigures;
  proxyWarm: LatencyFigures;
  /** Proxy minus direct, per percentile (medians over the runs). */
  addedCold: LatencyFigures;
  addedWarm: LatencyFigures;
  /** The same GETs one at a time (first 50), warm: the hop's own cost, p50/p99 direct and through the proxy. */
  sequentialDirect: LatencyFigures;
  sequentialProxy: LatencyFigures;
  addedSequential: LatencyFigures;
  /** Token exchanges the sandbox saw during a cold burst (most over the runs): must be 1. */
  tokenExchangesCold: number;
  tokenExchangesWarm: number;
  /** Answers other than 200 (should be 0). */
  errors: number;
}

function get(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers, agent }, (incoming) => {
      incoming.resume();
      incoming.on('end', () =>
        resolve({ ms: performance.now() - started, status: incoming.statusCode ?? 0 }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function burst(
  urls: string[],
  headers: Record<string, string>,
): Promise<{ latencies: number[]; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  try {
    const answers = await Promise.all(urls.map((url) => get(agent, url, headers)));
    return {
      latencies: answers.map((answer) => answer.ms),
      errors: answers.filter((answer) => answer.status !== 200).length,
    };
  } finally {
    agent.destroy();
  }
}

/** One request at a time, on one keep-alive socket: the cost of the hop itself, without any queueing. */
async function oneAtATime(urls: string[], headers: Record<string, string>): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const latencies: number[] = [];
    for (const url of urls) latencies.push((await get(agent, url, headers)).ms);
    return latencies;
  } finally {
    agent.destroy();
  }
}

async function directToken(sandbox: RemoteSandbox): Promise<string> {
  const response = await fetch(`${sandbox.identityDomain}/${sandbox.customerId}/login/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: sandbox.scope }).toString(),
  });
  if (!response.ok) throw new Error(`Token exchange failed (${response.status}).`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function clientIds(sandbox: RemoteSandbox, token: string): Promise<string[]> {
  const response = await fetch(`${sandbox.identityDomain}/${sandbox.customerId}/config/clients`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { _embedded: { clients: { id: string }[] } };
  return body._embedded.clients.map((client) => client.id);
}

function percentiles(latencies: number[]): LatencyFigures {
  return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

function medianFigures(runs: LatencyFigures[]): LatencyFigures {
  return {
    p50Ms: round(median(runs.map((run) => run.p50Ms)), 1),
    p99Ms: round(median(runs.map((run) => run.p99Ms)), 1),
  };
}

export async function runOverheadScenario(plan: OverheadPlan): Promise<OverheadResult> {
  const sandbox = await startSandboxProcess({ clients: plan.concurrent, latencyMs: 0, seed: 1 });
  try {
    const token = await directToken(sandbox);
    const ids = (await clientIds(sandbox, token)).slice(0, plan.concurrent);
    const direct: LatencyFigures[] = [];
    const cold: LatencyFigures[] = [];
    const warm: LatencyFigures[] = [];
    const sequentialDirect: LatencyFigures[] = [];
    const sequentialProxy: LatencyFigures[] = [];
    const sample = ids.slice(0, 50);
    let tokenExchangesCold = 0;
    let tokenExchangesWarm = 0;
    let errors = 0;
    for (let run = 1; run <= plan.runs; run += 1) {
      const straight = await burst(
        ids.map((id) => `${sandbox.identityDomain}/${sandbox.customerId}/config/clients/${id}`),
        { authorization: `Bearer ${token}` },
      );
      direct.push(percentiles(straight.latencies));
      errors += straight.errors;

      const server = await startBenchServer(sandbox);
      try {
        const urls = ids.map((id) => `${server.url}api/config/clients/${id}`);
        await sandbox.resetStats();
        const first = await burst(urls, {});
        tokenExchangesCold = Math.max(tokenExchangesCold, (await sandbox.stats()).tokenExchanges);
        await sandbox.resetStats();
        const second = await burst(urls, {});
        tokenExchangesWarm = Math.max(tokenExchangesWarm, (await sandbox.stats()).tokenExchanges);
        cold.push(percentiles(first.latencies));
        warm.push(percentiles(second.latencies));
        sequentialDirect.push(
          percentiles(
            await oneAtATime(
              sample.map((id) => `${sandbox.identityDomain}/${sandbox.customerId}/config/clients/${id}`),
              { authorization: `Bearer ${token}` },
            ),
          ),
        );
        sequentialProxy.push(
          percentiles(
            await oneAtATime(
              sample.map((id) => `${server.url}api/config/clients/${id}`),
              {},
            ),
          ),
        );
        errors += first.errors + second.errors;
      } finally {
        await server.close();
      }
      plan.log(
        `  overhead run ${run}/${plan.runs}: p50 direct ${round(direct.at(-1)?.p50Ms ?? Number.NaN, 1)} ms, proxy cold ${round(cold.at(-1)?.p50Ms ?? Number.NaN, 1)} ms, warm ${round(warm.at(-1)?.p50Ms ?? Number.NaN, 1)} ms`,
      );
    }
    const directFigures = medianFigures(direct);
    const coldFigures = medianFigures(cold);
    const warmFigures = medianFigures(warm);
    const sequentialDirectFigures = medianFigures(sequentialDirect);
    const sequentialProxyFigures = medianFigures(sequentialProxy);
    const added = (proxy: LatencyFigures, direct: LatencyFigures = directFigures): LatencyFigures => ({
      p50Ms: round(proxy.p50Ms - direct.p50Ms, 1),
      p99Ms: round(proxy.p99Ms - direct.p99Ms, 1),
    });
    return {
      concurrent: plan.concurrent,
      direct: directFigures,
      proxyCold: coldFigures,
      proxyWarm: warmFigures,
      addedCold: added(coldFigures),
      addedWarm: added(warmFigures),
      sequentialDirect: sequentialDirectFigures,
      sequentialProxy: sequentialProxyFigures,
      addedSequential: added(sequentialProxyFigures, sequentialDirectFigures),
      tokenExchangesCold,
      tokenExchangesWarm,
      errors,
    };
  } finally {
    await sandbox.close();
  }
}
