import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency, type ConcurrencyTicket } from './adaptive-concurrency.ts';

function fakeClock() {
  let time = 0;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** A limiter on a fake clock (`maxLimit` 32 unless given). */
function limiterOnFakeClock(options: Partial<ConstructorParameters<typeof AdaptiveConcurrency>[0]> = {}) {
  const clock = fakeClock();
  const limiter = new AdaptiveConcurrency({ maxLimit: 32, now: clock.now, ...options });
  return { clock, limiter };
}

function startAll(limiter: AdaptiveConcurrency, queued = 0): ConcurrencyTicket[] {
  const tickets: ConcurrencyTicket[] = [];
  for (;;) {
    const ticket = limiter.tryStart(queued);
    if (ticket === null) return tickets;
    tickets.push(ticket);
  }
}

/** The tenant refuses the ticket at `index` with 429 and a Retry-After of 1 s; returns that ticket. */
function refuse(
  limiter: AdaptiveConcurrency,
  tickets: ConcurrencyTicket[],
  index: number,
): ConcurrencyTicket {
  const ticket = tickets[index];
  if (ticket === undefined) throw new Error(`expected a ticket at ${index}`);
  limiter.onRateLimited(ticket, 1000);
  return ticket;
}

function succeed(limiter: AdaptiveConcurrency, tickets: ConcurrencyTicket[]): void {
  for (const ticket of tickets) limiter.onSuccess(ticket);
}

/** Rounds in which every request the limiter starts succeeds after `latencyMs` on the clock. */
function succeedRounds(
  { clock, limiter }: ReturnType<typeof limiterOnFakeClock>,
  rounds: { count: number; queued?: number; latencyMs?: number },
): void {
  for (let round = 0; round < rounds.count; round += 1) {
    const batch = startAll(limiter, rounds.queued ?? 0);
    clock.advance(rounds.latencyMs ?? 0);
    succeed(limiter, batch);
  }
}

describe('AdaptiveConcurrency', () => {
  it('starts at the initial limit and grows by one per success (slow start)', () => {
    const { clock, limiter } = limiterOnFakeClock({ initialLimit: 4 });
    const first = startAll(limiter);
    expect(first).toHaveLength(4);
    clock.advance(50);
    succeed(limiter, first);
    expect(limiter.limit).toBe(8);
    // With a long queue behind (slow start above the initial limit is only for work worth a refusal's delay).
    expect(startAll(limiter, 10_000)).toHaveLength(8);
  });

  it('keeps a small job at the initial limit: crossing an unknown cap would cost it a whole Retry-After', () => {
    const { clock, limiter } = limiterOnFakeClock({ initialLimit: 8 });
    // 100 items at 50 ms: 625 ms of work at 8 at a time, less than 1.5 × the 1 s Retry-After assumed.
    let queued = 100;
    for (let round = 0; round < 20 && queued > 0; round += 1) {
      const tickets: ConcurrencyTicket[] = [];
      for (let ticket = limiter.tryStart(queued - 1); ticket !== null;) {
        tickets.push(ticket);
        queued -= 1;
        ticket = queued > 0 ? limiter.tryStart(queued - 1) : null;
      }
      expect(tickets.length).toBeLessThanOrEqual(8);
      clock.advance(50);
      succeed(limiter, tickets);
    }
    expect(queued).toBe(0);
    expect(limiter.snapshot().decreases).toBe(0);
    // Slow start still counted the successes: a long queue (here 10,000 items) may use the higher limit at once.
    expect(limiter.limit).toBe(32);
    expect(startAll(limiter, 10_000)).toHaveLength(32);
  });

  it('never exceeds maxLimit', () => {
    const limiter = new AdaptiveConcurrency({ initialLimit: 50, maxLimit: 6 });
    expect(startAll(limiter)).toHaveLength(6);
    for (let round = 0; round < 10; round += 1) succeed(limiter, startAll(limiter, 10_000));
    expect(limiter.limit).toBe(6);
  });

  it('halves on the first 429 of an episode, remembers the ceiling and ignores 429s launched before it', () => {
    const { limiter } = limiterOnFakeClock({ initialLimit: 20 });
    const tickets = startAll(limiter);
    expect(tickets).toHaveLength(20);
    // The tenant takes 16: the 17th to 20th are refused.
    refuse(limiter, tickets, 16);
    expect(limiter.snapshot()).toMatchObject({ limit: 10, ceiling: 17, decreases: 1 });
    for (const ticket of tickets.slice(17)) limiter.onRateLimited(ticket, 1000);
    expect(limiter.snapshot()).toMatchObject({ limit: 10, ceiling: 17, decreases: 1 });
  });

  it('tells the cap it learnt (none before a 429), and a new limiter adopts it: a small job starts at the cap', () => {
    const { clock, limiter: learner } = limiterOnFakeClock({ initialLimit: 20 });
    expect(learner.learntCap()).toBeNull();
    refuse(learner, startAll(learner), 16);
    expect(learner.learntCap()).toBe(16);

    const restarted = new AdaptiveConcurrency({ initialLimit: 8, maxLimit: 32, now: clock.now });
    expect(startAll(restarted, 30)).toHaveLength(8);
    const fresh = new AdaptiveConcurrency({ initialLimit: 8, maxLimit: 32, now: clock.now });
    expect(fresh.adopt(16)).toBe(true);
    // 30 queued items: without the cap this job would stay at 8 (see above); with it, 16 at once and no more.
    expect(startAll(fresh, 30)).toHaveLength(16);
    expect(fresh.snapshot()).toMatchObject({ limit: 16, ceiling: 17 });
    expect(fresh.learntCap()).toBe(16);
  });

  it('adopts a cap only before learning one itself, never above maxLimit, and still backs off from it', () => {
    const { clock, limiter } = limiterOnFakeClock({ initialLimit: 8 });
    expect(limiter.adopt(0)).toBe(false);
    expect(limiter.adopt(1.5)).toBe(false);
    expect(limiter.adopt(12)).toBe(true);
    const tickets = startAll(limiter, 0);
    expect(tickets).toHaveLength(12);
    // The tenant's cap fell to 6 since it was remembered: it refuses the 7th request, a new episode, which halves.
    refuse(limiter, tickets, 6);
    expect(limiter.snapshot().limit).toBeLessThanOrEqual(6);
    expect(limiter.adopt(12)).toBe(false);

    const small = new AdaptiveConcurrency({ initialLimit: 8, maxLimit: 10, now: clock.now });
    expect(small.adopt(50)).toBe(true);
    expect(startAll(small, 0)).toHaveLength(10);
  });

  it('climbs straight back to just below the ceiling and holds there', () => {
    const limited = limiterOnFakeClock({ initialLimit: 20 });
    const { limiter } = limited;
    const tickets = startAll(limiter);
    refuse(limiter, tickets, 16);
    for (const ticket of tickets.slice(17)) limiter.onRateLimited(ticket, 1000);
    // Requests from before the decrease succeeding do not grow the limit (they say nothing new).
    succeed(limiter, tickets.slice(0, 16));
    expect(limiter.limit).toBe(10);
    succeedRounds(limited, { count: 5, latencyMs: 50 });
    expect(limiter.limit).toBe(16);
    expect(startAll(limiter, 0)).toHaveLength(16);
  });

  it('probes above the ceiling rarely, only with enough queued work, and backs off after a failed probe', () => {
    const { clock, limiter } = limiterOnFakeClock({ initialLimit: 17, probeAfterSuccesses: 32 });
    const tickets = startAll(limiter);
    refuse(limiter, tickets, 16);
    succeed(limiter, tickets.slice(0, 16));

    const probeRounds: number[] = [];
    const probeLevels: number[] = [];
    let round = 0;
    const runRound = (queued: number) => {
      round += 1;
      const batch = startAll(limiter, queued);
      for (const ticket of batch.filter((candidate) => candidate.probe)) {
        probeRounds.push(round);
        probeLevels.push(ticket.inFlightAtStart);
      }
      clock.advance(50);
      for (const ticket of batch) {
        if (ticket.probe) limiter.onRateLimited(ticket, 1000);
        else limiter.onSuccess(ticket);
      }
    };
    // A short queue: no probe, whatever the number of successes.
    for (let index = 0; index < 20; index += 1) runRound(10);
    expect(probeRounds).toHaveLength(0);
    // A long queue: probes at the ceiling (17 in flight), each refused, each doubling the interval:
    // 64 then 128 successes at 16 a round.
    for (let index = 0; index < 20; index += 1) runRound(5_000);
    expect(probeLevels.every((level) => level === 17)).toBe(true);
    expect(probeRounds.slice(1).map((at, index) => at - (probeRounds[index] ?? 0))).toEqual([5, 9]);
    expect(limiter.snapshot()).toMatchObject({ limit: 16, ceiling: 17, failedProbes: 3, decreases: 1 });
  });

  it('raises the ceiling when a probe succeeds', () => {
    const limited = limiterOnFakeClock({ initialLimit: 9, probeAfterSuccesses: 8 });
    const { limiter } = limited;
    const tickets = startAll(limiter);
    refuse(limiter, tickets, 8);
    succeed(limiter, tickets.slice(0, 8));
    succeedRounds(limited, { count: 6, queued: 5_000, latencyMs: 50 });
    expect(limiter.snapshot().ceiling).toBeGreaterThan(9);
    expect(limiter.limit).toBeGreaterThan(8);
  });

  it('lowers the ceiling when the tenant refuses below it (capacity shrank)', () => {
    const limited = limiterOnFakeClock({ initialLimit: 17 });
    const { limiter } = limited;
    const tickets = startAll(limiter);
    refuse(limiter, tickets, 16);
    succeed(limiter, tickets.slice(0, 16));
    succeedRounds(limited, { count: 4 });
    expect(limiter.limit).toBe(16);
    refuse(limiter, startAll(limiter), 7);
    expect(limiter.snapshot()).toMatchObject({ limit: 7, ceiling: 8, decreases: 2 });
    expect(startAll(limiter)).toHaveLength(0); // the requests launched before the refusal still hold 7 slots
  });

  it('trims a ceiling that proves one step too high, without halving', () => {
    const limited = limiterOnFakeClock({ initialLimit: 20 });
    const { limiter } = limited;
    const tickets = startAll(limiter);
    // The first refusal came at 19 (the proxy's count ran ahead of the tenant's).
    const refused = refuse(limiter, tickets, 18);
    succeed(
      limiter,
      tickets.filter((ticket) => ticket !== refused),
    );
    succeedRounds(limited, { count: 4 });
    expect(limiter.snapshot()).toMatchObject({ limit: 18, ceiling: 19, decreases: 1 });
    const atHold = startAll(limiter);
    refuse(limiter, atHold, atHold.length - 1);
    expect(limiter.snapshot()).toMatchObject({ limit: 17, ceiling: 18, decreases: 1, trims: 1 });
  });

  it('converges quickly from a far-off ceiling: consecutive trims double their step, probes fix an overshoot', () => {
    const capacity = 16;
    const { clock, limiter } = limiterOnFakeClock({ initialLimit: 32 });
    // A busy machine: the first refusal came at 31 in the proxy's count, while the tenant takes 16.
    let tickets = startAll(limiter);
    const first = refuse(limiter, tickets, 30);
    succeed(
      limiter,
      tickets.filter((ticket) => ticket !== first),
    );
    const ceilings: number[] = [];
    for (let round = 0; round < 40; round += 1) {
      tickets = startAll(limiter, 5_000);
      clock.advance(10);
      for (const ticket of tickets) {
        if (ticket.inFlightAtStart > capacity) limiter.onRateLimited(ticket, 1000);
        else limiter.onSuccess(ticket);
      }
      ceilings.push(limiter.snapshot().ceiling ?? 0);
    }
    // Down from 31 within a few rounds; an overshoot below 17 is probed back up.
    expect(ceilings.findIndex((ceiling) => ceiling <= capacity + 1)).toBeLessThanOrEqual(6);
    expect(Math.min(...ceilings)).toBeGreaterThanOrEqual(capacity - 4);
    expect(ceilings.at(-1)).toBe(capacity + 1);
    expect(limiter.limit).toBe(capacity);
  });

  it('keeps a latency estimate from successes', () => {
    const { clock, limiter } = limiterOnFakeClock({ maxLimit: 4 });
    expect(limiter.latencyEstimateMs()).toBeNull();
    for (let index = 0; index < 50; index += 1) {
      const ticket = limiter.tryStart();
      if (ticket === null) throw new Error('expected room');
      clock.advance(50);
      limiter.onSuccess(ticket);
    }
    const estimate = limiter.latencyEstimateMs() ?? 0;
    expect(estimate).toBeGreaterThanOrEqual(50);
    expect(estimate).toBeLessThan(60);
  });
});

/**
 * A discrete-event model of the fan-out benchmark: a tenant that answers in `latencyMs` (±20 % jitter) and refuses
 * with 429 + Retry-After: 1 s above `capacity` concurrent requests; `items` GETs after one list request. The limiter
 * under test is started on the model's own fake clock.
 */
function simulateInventory(
  tenant: { items: number; capacity: number; latencyMs: number },
  startLimiter: (clock: ReturnType<typeof fakeClock>) => {
    tryStart: (queued: number) => ConcurrencyTicket | null;
    success: (t: ConcurrencyTicket) => void;
    rateLimited: (t: ConcurrencyTicket) => void;
  },
): { doneAtMs: number; rateLimited: number } {
  const { items, capacity, latencyMs } = tenant;
  const clock = fakeClock();
  const limiter = startLimiter(clock);
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  interface Event {
    at: number;
    run: () => void;
  }
  const events: Event[] = [];
  const schedule = (at: number, run: () => void) => {
    events.push({ at, run });
    events.sort((a, b) => a.at - b.at);
  };
  let tenantInFlight = 0;
  let rateLimited = 0;
  let completed = 0;
  let doneAt = 0;
  const ready: number[] = [];
  const pump = () => {
    while (ready.length > 0) {
      const ticket = limiter.tryStart(ready.length - 1);
      if (ticket === null) return;
      ready.shift();
      if (tenantInFlight >= capacity) {
        rateLimited += 1;
        schedule(clock.now() + 1, () => {
          limiter.rateLimited(ticket);
          schedule(clock.now() + 1000, () => {
            ready.push(0);
            pump();
          });
          pump();
        });
        continue;
      }
      tenantInFlight += 1;
      schedule(clock.now() + latencyMs * (0.8 + 0.4 * random()), () => {
        tenantInFlight -= 1;
        limiter.success(ticket);
        completed += 1;
        if (completed === items) doneAt = clock.now();
        pump();
      });
    }
  };
  // The list request first, then every item.
  const list = limiter.tryStart(0);
  if (list === null) throw new Error('no room for the list');
  tenantInFlight += 1;
  schedule(latencyMs, () => {
    tenantInFlight -= 1;
    limiter.success(list);
    for (let index = 0; index < items; index += 1) ready.push(index);
    pump();
  });
  while (events.length > 0) {
    const event = events.shift();
    if (event === undefined) break;
    clock.advance(event.at - clock.now());
    event.run();
  }
  return { doneAtMs: doneAt, rateLimited };
}

describe('AdaptiveConcurrency against a modelled tenant (cap 16, 50 ms)', () => {
  const items = 1000;
  const bound = Math.ceil((items + 1) / 16) * 50;

  it('finishes 1,000 items within 1.2× the physical bound and far faster than a fixed 6', () => {
    const tenant = { items, capacity: 16, latencyMs: 50 };
    const adaptive = simulateInventory(tenant, (clock) => {
      const limiter = new AdaptiveConcurrency({ maxLimit: 32, now: clock.now });
      return {
        tryStart: (queued) => limiter.tryStart(queued),
        success: (ticket) => limiter.onSuccess(ticket),
        rateLimited: (ticket) => limiter.onRateLimited(ticket, 1000),
      };
    });
    const fixedSix = simulateInventory(tenant, (clock) => {
      let inFlight = 0;
      let nextId = 1;
      return {
        tryStart: () => {
          if (inFlight >= 6) return null;
          inFlight += 1;
          return {
            id: nextId++,
            epoch: 0,
            inFlightAtStart: inFlight,
            probe: false,
            startedAt: clock.now(),
          };
        },
        success: () => {
          inFlight -= 1;
        },
        rateLimited: () => {
          inFlight -= 1;
        },
      };
    });
    expect(adaptive.doneAtMs).toBeLessThanOrEqual(1.2 * bound);
    expect(fixedSix.doneAtMs / adaptive.doneAtMs).toBeGreaterThanOrEqual(2.5);
    // Slow start overshoots once; the ceiling keeps it from happening again (beyond rare probes).
    expect(adaptive.rateLimited).toBeLessThan(40);
  });
});
