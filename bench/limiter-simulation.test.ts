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
