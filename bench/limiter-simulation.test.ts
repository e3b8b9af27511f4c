// The limiter's own share of the fan-out target, free of machine noise: in virtual time, against a tenant
// capped at 16 with 50 ms ±20 % latency and a 1 s Retry-After, a fresh proxy reads 1,000 clients within 1.1× the
// bound ⌈(N+1)/16⌉ × 50 ms (the token and list round trips included).
import { describe, expect, it } from 'vitest';
import { simulateFanOut, simulateFixedConcurrency } from './limiter-simulation.ts';
import { fanOutBoundMs } from './stats.ts';

const tenant = { cap: 16, latencyMs: 50, retryAfterMs: 1000 };

describe('the adaptive limiter in virtual time', () => {
  it('reads 1,000 clients within 1.1× the physical bound, learning the cap with few refusals', () => {
    for (const seed of [1, 2, 3]) {
      const run = simulateFanOut({ ...tenant, clients: 1000, seed });
      expect(run.ms / fanOutBoundMs(1000, 16, 50)).toBeLessThanOrEqual(1.1);
      expect(run.refused).toBeLessThanOrEqual(40);
    }
  });

  it('is never slower than six at a time for small tenants, and is never refused there', () => {
    for (const clients of [30, 60, 100, 200]) {
      for (const seed of [1, 2, 3]) {
        const run = simulateFanOut({ ...tenant, clients, seed });
        const sixAtATime = simulateFixedConcurrency({
          latencyMs: tenant.latencyMs,
          clients,
          seed,
          concurrency: 6,
        });
        expect(run.ms, `${clients} clients, seed ${seed}`).toBeLessThanOrEqual(sixAtATime);
        expect(run.refused, `${clients} clients, seed ${seed}`).toBe(0);
      }
    }
  });

  it('restarted on a remembered cap, reads 30 and 100 clients faster than fresh, never refused, 100 within 1.3× the bound', () => {
    for (const clients of [30, 100]) {
      for (const seed of [1, 2, 3]) {
        const label = `${clients} clients, seed ${seed}`;
        const fresh = simulateFanOut({ ...tenant, clients, seed });
        const learning = simulateFanOut({ ...tenant, clients: 1000, seed });
        const cap = learning.limiter.learntCap();
        expect(cap, label).not.toBeNull();
        const restarted = simulateFanOut({ ...tenant, clients, seed, rememberedCap: cap ?? 0 });
        expect(restarted.refused, label).toBe(0);
        expect(restarted.ms, label).toBeLessThan(fresh.ms);
        if (clients >= 100) {
          expect(restarted.ms / fanOutBoundMs(clients, 16, 50), label).toBeLessThanOrEqual(1.3);
        }
      }
    }
  });

  it('learns the cap within one step of the tenant’s, never above what it takes', () => {
    for (const seed of [1, 2, 3]) {
      const run = simulateFanOut({ ...tenant, clients: 1000, seed });
      expect(run.limiter.learntCap()).toBeGreaterThanOrEqual(15);
      expect(run.limiter.learntCap()).toBeLessThanOrEqual(16);
    }
  });

  // Tenants capped below the proxy's ceiling, at the sizes most customers have. A policy that starts higher than 8
  // (16 would read a 100-client tenant capped at 16 within 1.3× the bound) makes tenants capped at 8 or 12 wait a
  // whole Retry-After: 100 clients at cap 8 took 1.3 s instead of 0.76 s in this model, 30 clients 1.3 s instead
  // of 0.3 s. This holds today's trade in place: no refusal below the starting level's reach, no slower than six
  // at a time there, and every cap found within 1.1× the bound from 1,000 clients up.
  it('costs tenants capped at 4, 8, 12 or 16 no Retry-After they can avoid, at 30, 100 and 1,000 clients', () => {
    for (const cap of [4, 8, 12, 16]) {
      for (const clients of [30, 100, 1000]) {
        for (const seed of [1, 2, 3]) {
          const label = `cap ${cap}, ${clients} clients, seed ${seed}`;
          const run = simulateFanOut({ ...tenant, cap, clients, seed });
          const bound = fanOutBoundMs(clients, cap, tenant.latencyMs);
          if (clients >= 1000) {
            expect(run.ms / bound, label).toBeLessThanOrEqual(1.1);
          } else if (cap >= 8) {
            // The starting level fits: never refused, never slower than six at a time.
            expect(run.refused, label).toBe(0);
            const sixAtATime = simulateFixedConcurrency({
              latencyMs: tenant.latencyMs,
              clients,
              seed,
              concurrency: 6,
            });
            expect(run.ms, label).toBeLessThanOrEqual(sixAtATime);
          } else {
            // Below the starting level the first round is refused: one Retry-After, then the cap is held.
            expect(run.refused, label).toBeLessThanOrEqual(8);
            expect(run.ms, label).toBeLessThanOrEqual(bound + 1.5 * tenant.retryAfterMs);
          }
        }
      }
    }
  });

  // Why the starting level stays at 8 for small jobs: each other policy that was studied either leaves a 100-client
  // tenant capped at 16 above 1.3× the bound, or makes one capped at 8 or 12 pay a Retry-After it does not pay now.
  it('has no studied alternative that reads 100 clients at cap 16 within 1.3× the bound without costing caps 8 and 12', () => {
    const alternatives = {
      'start at 12': { initialLimit: 12 },
      'start at 16': { initialLimit: 16 },
      'slow start for every job': { slowStartWorth: 0 },
    };
    const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[1] ?? 0;
    const timeOf = (cap: number, limiter?: { initialLimit?: number; slowStartWorth?: number }) =>
      median(
        [1, 2, 3].map(
          (seed) =>
            simulateFanOut({
              ...tenant,
              cap,
              clients: 100,
              seed,
              ...(limiter === undefined ? {} : { limiter }),
            }).ms,
        ),
      );
    const today = { 8: timeOf(8), 12: timeOf(12) };
    for (const [name, limiter] of Object.entries(alternatives)) {
      const meetsTarget = timeOf(16, limiter) <= 1.3 * fanOutBoundMs(100, 16, tenant.latencyMs);
      const costsSmallerCaps = timeOf(8, limiter) > today[8] || timeOf(12, limiter) > today[12];
      expect(!meetsTarget || costsSmallerCaps, name).toBe(true);
    }
  });

  it('is deterministic for a seed', () => {
    const first = simulateFanOut({ ...tenant, clients: 300, seed: 7 });
    const second = simulateFanOut({ ...tenant, clients: 300, seed: 7 });
    expect(second.ms).toBe(first.ms);
    expect(second.refused).toBe(first.refused);
  });

  it('never refused when the tenant has room for the proxy’s whole limit', () => {
    const run = simulateFanOut({ ...tenant, cap: 64, clients: 1000, seed: 1 });
    expect(run.refused).toBe(0);
  });
});
