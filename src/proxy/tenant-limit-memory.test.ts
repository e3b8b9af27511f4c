// The remembered cap between the port and a gate: adopted when recent, ignored when stale or when the port fails,
// written when learnt or changed, not rewritten for nothing.
import { describe, expect, it } from 'vitest';
import { TenantGate } from './tenant-gate.ts';
import { TenantLimitMemory } from './tenant-limit-memory.ts';
import type { LimitedTenant, TenantLimit, TenantLimitsPort } from './tenant-limits-port.ts';

const tenant = { identityDomain: 'https://v1.api.us.janrain.com', customerId: 'abc' };
const week = 7 * 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 11, 2);

function portHolding(limit: TenantLimit | null) {
  const written: { tenant: LimitedTenant; limit: TenantLimit }[] = [];
  const port: TenantLimitsPort = {
    recall: () => Promise.resolve(limit),
    remember: (to, what) => {
      written.push({ tenant: to, limit: what });
      return Promise.resolve();
    },
  };
  return { port, written };
}

const gate = () => new TenantGate({ maxLimit: 32, initialLimit: 8 });

/** Acquires every slot the gate gives at once (a long queue behind: 30 waiting), then gives them back. */
async function slotsAtOnce(target: TenantGate): Promise<number> {
  const controller = new AbortController();
  const granted: Awaited<ReturnType<TenantGate['acquire']>>[] = [];
  const waiting = Array.from({ length: 30 }, () =>
    target.acquire(2, controller.signal).then((ticket) => granted.push(ticket)),
  );
  await new Promise((resolve) => setImmediate(resolve));
  const count = granted.length;
  controller.abort(new Error('done'));
  await Promise.allSettled(waiting);
  for (const ticket of granted) target.release(ticket, 'other');
  return count;
}

describe('TenantLimitMemory', () => {
  it('starts a new gate from a recent remembered cap', async () => {
    const { port } = portHolding({ maxConcurrency: 16, learntAt: new Date(now - week / 2) });
    const memory = new TenantLimitMemory(port, week, () => now);
    const fresh = gate();
    await memory.prepare(fresh, tenant);
    expect(fresh.learntCap()).toBe(16);
    expect(await slotsAtOnce(fresh)).toBe(16);
  });

  it('ignores a cap older than the maximum age, and a port that fails: the gate starts as without one', async () => {
    const stale = new TenantLimitMemory(
      portHolding({ maxConcurrency: 16, learntAt: new Date(now - week - 1) }).port,
      week,
      () => now,
    );
    const failing = new TenantLimitMemory(
      {
        recall: () => Promise.reject(new Error('store down')),
        remember: () => Promise.reject(new Error('store down')),
      },
      week,
      () => now,
    );
    for (const memory of [stale, failing, new TenantLimitMemory(null, week, () => now)]) {
      const fresh = gate();
      await memory.prepare(fresh, tenant);
      expect(fresh.learntCap()).toBeNull();
      expect(await slotsAtOnce(fresh)).toBe(8);
      memory.keep(fresh, tenant);
    }
  });

  it('writes a cap learnt here, once while unchanged, and again when it changes', async () => {
    const { port, written } = portHolding(null);
    const memory = new TenantLimitMemory(port, week, () => now);
    const learning = gate();
    await memory.prepare(learning, tenant);
    memory.keep(learning, tenant);
    expect(written).toHaveLength(0); // nothing learnt yet: nothing to keep
    learning.adopt(12);
    memory.keep(learning, tenant);
    memory.keep(learning, tenant);
    expect(written).toEqual([{ tenant, limit: { maxConcurrency: 12, learntAt: new Date(now) } }]);
  });

  it('never rewrites an adopted cap without new evidence (so a stale one expires), but keeps what a 429 taught', async () => {
    const clock = now;
    const { port, written } = portHolding({ maxConcurrency: 10, learntAt: new Date(now - week / 2) });
    const memory = new TenantLimitMemory(port, week, () => clock);
    const fresh = gate();
    await memory.prepare(fresh, tenant);
    // Inventories at the cap that succeed say nothing new of it.
    for (let inventory = 0; inventory < 3; inventory += 1) memory.keep(fresh, tenant);
    expect(written).toHaveLength(0);
    // The tenant refuses the 6th request in flight: a new episode, the cap learnt again (lower).
    const tickets = await Promise.all(Array.from({ length: 6 }, () => fresh.acquire(2)));
    const refused = tickets[5];
    if (refused === undefined) throw new Error('expected six tickets');
    fresh.release(refused, 'rate-limited', 1000);
    for (const ticket of tickets.slice(0, 5)) fresh.release(ticket, 'success');
    memory.keep(fresh, tenant);
    expect(written).toEqual([{ tenant, limit: { maxConcurrency: 5, learntAt: new Date(clock) } }]);
  });
});
