import { describe, expect, it } from 'vitest';
import { clientListSchema, configErrorSchema } from '../identity-cloud/schemas.ts';
import { startSandbox } from './start-sandbox.ts';
import type { RunningSandbox, SandboxOptions, SandboxStats } from './start-sandbox.ts';
import { accessToken, getConfig, requestToken } from '../test-support/node/sandbox-http.ts';

async function withSandbox(
  options: SandboxOptions,
  run: (sandbox: RunningSandbox) => Promise<void>,
): Promise<void> {
  const sandbox = await startSandbox({ quiet: true, ...options });
  try {
    await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('stats', () => {
  it('counts requests by route and status, token exchanges and concurrency, and resets', async () => {
    await withSandbox({}, async (sandbox) => {
      const token = await accessToken(sandbox);
      await requestToken(sandbox, { clientSecret: 'wrong' });
      await Promise.all([getConfig(sandbox, 'clients', token), getConfig(sandbox, 'clients', token)]);
      await getConfig(sandbox, `clients/${sandbox.clientId}`, token);
      await getConfig(sandbox, 'clients/missing', token);
      await getConfig(sandbox, 'clients', token, { method: 'POST' });
      await fetch(`${sandbox.identityDomain}/nowhere`);

      const stats = sandbox.stats();
      expect(stats).toMatchObject({
        requests: {
          'POST /login/token': { '200': 1, '401': 1 },
          'GET /config/clients': { '200': 2 },
          'GET /config/clients/:id': { '200': 1, '404': 1 },
          'POST /config/clients': { '405': 1 },
          'GET (unmatched)': { '404': 1 },
        },
        totalRequests: 8,
        tokenExchanges: 1,
        rateLimited: 0,
        faults: { serverError: 0, hang: 0, malformed: 0 },
        inFlight: 0,
      });
      expect(stats.peakConcurrency).toBeGreaterThanOrEqual(1);

      const served = (await (
        await fetch(`${sandbox.identityDomain}/__sandbox/stats`)
      ).json()) as SandboxStats;
      expect(served).toEqual(sandbox.stats());
      expect(sandbox.stats().totalRequests).toBe(8); // the stats endpoint does not count itself

      sandbox.resetStats();
      expect(sandbox.stats()).toEqual({
        requests: {},
        totalRequests: 0,
        tokenExchanges: 0,
        rateLimited: 0,
        faults: { serverError: 0, hang: 0, malformed: 0 },
        peakConcurrency: 0,
        inFlight: 0,
      });
    });
  });

  it('keeps in-flight honest when the client gives up before the answer', async () => {
    await withSandbox({ latencyMs: 300 }, async (sandbox) => {
      const token = await accessToken(sandbox);
      const abort = new AbortController();
      const pending = getConfig(sandbox, 'clients', token, { signal: abort.signal }).catch(() => 'aborted');
      await until(() => sandbox.stats().inFlight === 1);
      abort.abort();
      expect(await pending).toBe('aborted');
      await until(() => sandbox.stats().inFlight === 0, 200);
    });
  });
});

describe('latency', () => {
  // 400 ms with at most 20 % jitter is at least 320 ms; without latency a request on a busy machine still answers
  // well under that, so the two cannot be confused.
  it('delays every request by about the latency (±20% jitter), changeable at runtime', async () => {
    await withSandbox({ latencyMs: 400 }, async (sandbox) => {
      let started = performance.now();
      const token = await accessToken(sandbox);
      expect(performance.now() - started).toBeGreaterThanOrEqual(320);
      started = performance.now();
      await getConfig(sandbox, 'clients', token);
      expect(performance.now() - started).toBeGreaterThanOrEqual(320);
      sandbox.update({ latencyMs: 0 });
      started = performance.now();
      await getConfig(sandbox, 'clients', token);
      expect(performance.now() - started).toBeLessThan(320);
    });
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After above maxConcurrency in-flight /config requests, never on the token endpoint', async () => {
    await withSandbox({ latencyMs: 150, maxConcurrency: 2 }, async (sandbox) => {
      const token = await accessToken(sandbox);
      const burst = Array.from({ length: 6 }, () => getConfig(sandbox, 'clients', token));
      const tokenDuringBurst = requestToken(sandbox);
      const responses = await Promise.all(burst);
      expect((await tokenDuringBurst).status).toBe(200);

      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
      for (const response of responses.filter((candidate) => candidate.status === 429)) {
        expect(response.headers.get('retry-after')).toBe('1');
        expect(configErrorSchema.parse(await response.json())).toEqual({ errors: 'Too Many Requests' });
      }
      const stats = sandbox.stats();
      expect(stats.rateLimited).toBe(4);
      expect(stats.requests['GET /config/clients']).toEqual({ '200': 2, '429': 4 });
      expect(stats.peakConcurrency).toBeGreaterThanOrEqual(6);
      await until(() => sandbox.stats().inFlight === 0);

      // The slots are free again once the answers are sent.
      expect(
        (await Promise.all([getConfig(sandbox, 'clients', token), getConfig(sandbox, 'clients', token)])).map(
          (r) => r.status,
        ),
      ).toEqual([200, 200]);
      sandbox.update({ maxConcurrency: Number.POSITIVE_INFINITY });
      const unlimited = await Promise.all(
        Array.from({ length: 6 }, () => getConfig(sandbox, 'clients', token)),
      );
      expect(unlimited.every((response) => response.status === 200)).toBe(true);
    });
  });
});

describe('faults on /config GETs', () => {
  it('answers 500 with an errors body at serverError rate 1, leaving the token endpoint alone', async () => {
    await withSandbox({ faults: { serverError: 1 } }, async (sandbox) => {
      const token = await accessToken(sandbox);
      const response = await getConfig(sandbox, 'clients', token);
      expect(response.status).toBe(500);
      expect(configErrorSchema.parse(await response.json())).toEqual({ errors: 'Internal Server Error' });
      expect(sandbox.stats().faults).toEqual({ serverError: 1, hang: 0, malformed: 0 });
      expect((await fetch(`${sandbox.identityDomain}/__sandbox/stats`)).status).toBe(200);
    });
  });

  it('answers 200 with a truncated JSON body at malformed rate 1', async () => {
    await withSandbox({ faults: { malformed: 1 } }, async (sandbox) => {
      const response = await getConfig(sandbox, 'clients', await accessToken(sandbox));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const text = await response.text();
      expect(text.startsWith('{"total":60')).toBe(true);
      expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
      expect(sandbox.stats().faults.malformed).toBe(1);
    });
  });

  it('hangs then drops the connection at hang rate 1, counted as dropped', async () => {
    await withSandbox({ faults: { hang: 1 }, hangMs: 150 }, async (sandbox) => {
      const token = await accessToken(sandbox);
      const started = performance.now();
      await expect(getConfig(sandbox, 'clients', token)).rejects.toThrow(TypeError);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      await until(() => sandbox.stats().inFlight === 0);
      const stats = sandbox.stats();
      expect(stats.faults.hang).toBe(1);
      expect(stats.requests['GET /config/clients']).toEqual({ dropped: 1 });
    });
  });

  it('spreads faultRate 1 over the three kinds, and update() turns faults off', async () => {
    await withSandbox({ faultRate: 1, hangMs: 20 }, async (sandbox) => {
      const token = await accessToken(sandbox);
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, async () => {
          try {
            const response = await getConfig(sandbox, 'tokenPolicies', token);
            return response.status === 500 ? 'serverError' : 'malformed';
          } catch {
            return 'hang';
          }
        }),
      );
      const { faults } = sandbox.stats();
      expect(faults.serverError + faults.hang + faults.malformed).toBe(40);
      expect(faults.serverError).toBe(outcomes.filter((outcome) => outcome === 'serverError').length);
      expect(faults.hang).toBe(outcomes.filter((outcome) => outcome === 'hang').length);
      for (const count of Object.values(faults)) expect(count).toBeGreaterThan(0);

      sandbox.update({ faultRate: 0 });
      expect((await getConfig(sandbox, 'tokenPolicies', token)).status).toBe(200);
    });
  });

  it('close() ends at once, dropping hung requests', async () => {
    const sandbox = await startSandbox({ quiet: true, faults: { hang: 1 } });
    const token = await accessToken(sandbox);
    const hung = getConfig(sandbox, 'clients', token).then(
      () => 'answered',
      () => 'dropped',
    );
    await until(() => sandbox.stats().inFlight === 1);
    const started = performance.now();
    await sandbox.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await hung).toBe('dropped');
  });
});

describe('scale', () => {
  it('lists 20,000 clients quickly', async () => {
    let started = performance.now();
    await withSandbox({ clients: 20_000 }, async (sandbox) => {
      const startMs = performance.now() - started;
      const token = await accessToken(sandbox);
      started = performance.now();
      const response = await getConfig(sandbox, 'clients', token);
      const body = await response.text();
      const listMs = performance.now() - started;
      const list = clientListSchema.parse(JSON.parse(body));
      console.log(
        `20,000-client sandbox: started in ${startMs.toFixed(0)} ms; list answered and read in ${listMs.toFixed(0)} ms (${(body.length / 1e6).toFixed(1)} MB)`,
      );
      expect(list.total).toBe(20_000);
      expect(list.items).toHaveLength(20_000);
      expect(listMs).toBeLessThan(2_000);
    });
  });
});
