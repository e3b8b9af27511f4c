// The proxy's limiter alone, in virtual time: the real AdaptiveConcurrency class against a simulated tenant that
// answers 429 (after its latency, with Retry-After) above `cap` requests in flight. No sockets, no event loop, no
// other programs: what the algorithm achieves by itself, to set beside what the machine let the real proxy achieve.
import {
  AdaptiveConcurrency,
  type AdaptiveConcurrencyOptions,
  type ConcurrencyTicket,
} from '../src/proxy/adaptive-concurrency.ts';
import { proxyDefaults } from '../src/proxy/proxy-options.ts';
import { seededRandom } from '../src/sandbox/mulberry32.ts';

export interface SimulationOptions {
  clients: number;
  cap: number;
  latencyMs: number;
  /** ±20 %, as the sandbox does. */
  jitter?: number;
  retryAfterMs: number;
  seed: number;
  /** A cap remembered by an earlier server (the store's): the fresh limiter adopts it before the first request. */
  rememberedCap?: number;
  /** Another policy than the proxy's defaults (to compare policies; the proxy uses the defaults). */
  limiter?: Partial<Omit<AdaptiveConcurrencyOptions, 'now'>>;
}

export interface SimulationResult {
  /** From the request to the last detail, the token exchange and the list included (one round trip each). */
  ms: number;
  refused: number;
  limiter: AdaptiveConcurrency;
}

/**
 * Reads `clients` details through the limiter. Pass the limiter (and its clock) of an earlier run to simulate a
 * second inventory through the same proxy.
 */
export function simulateFanOut(
  options: SimulationOptions,
  previous?: { limiter: AdaptiveConcurrency; clock: { now: number } },
): SimulationResult & { clock: { now: number } } {
  const random = seededRandom(options.seed);
  const jitter = options.jitter ?? 0.2;
  const clock = previous?.clock ?? { now: 0 };
  const limiter =
    previous?.limiter ??
    new AdaptiveConcurrency({
      maxLimit: proxyDefaults.maxConcurrency,
      initialLimit: proxyDefaults.initialConcurrency,
      ...options.limiter,
      now: () => clock.now,
    });
  if (previous === undefined && options.rememberedCap !== undefined) limiter.adopt(options.rememberedCap);
  const latency = () => options.latencyMs * (1 - jitter + 2 * jitter * random());
  const events: { at: number; run: () => void }[] = [];
  const queue = Array.from({ length: options.clients }, (_, index) => index);
  let atTenant = 0;
  let refused = 0;
  let done = 0;

  const send = (item: number, ticket: ConcurrencyTicket) => {
    if (atTenant >= options.cap) {
      refused += 1;
      events.push({
        at: clock.now + latency(),
        run: () => {
          limiter.onRateLimited(ticket, options.retryAfterMs);
          // Honour Retry-After, then queue again behind the others (as the gate does).
          events.push({
            at: clock.now + options.retryAfterMs,
            run: () => {
              queue.push(item);
              pump();
            },
          });
          pump();
        },
      });
      return;
    }
    atTenant += 1;
    events.push({
      at: clock.now + latency(),
      run: () => {
        atTenant -= 1;
        done += 1;
        limiter.onSuccess(ticket);
        pump();
      },
    });
  };
  const pump = () => {
    while (queue.length > 0) {
      const ticket = limiter.tryStart(queue.length - 1);
      if (ticket === null) return;
      send(queue.shift() ?? 0, ticket);
    }
  };

  const started = clock.now;
  // The token exchange (on a fresh proxy) and the list: one round trip each before any detail.
  clock.now += (previous === undefined ? 2 : 1) * options.latencyMs;
  pump();
  while (done < options.clients) {
    let next = 0;
    for (let index = 1; index < events.length; index += 1) {
      if ((events[index]?.at ?? Infinity) < (events[next]?.at ?? Infinity)) next = index;
    }
    const [event] = events.splice(next, 1);
    if (event === undefined)
      throw new Error('The simulation ran out of events before the inventory was complete.');
    clock.now = event.at;
    event.run();
  }
  return { ms: clock.now - started, refused, limiter, clock };
}

/**
 * The naive reader beside it, in the same virtual time and latency model: `concurrency` workers (6, as browsers
 * allow per host), each reading one detail after another, after the token and list round trips.
 */
export function simulateFixedConcurrency(
  options: Omit<SimulationOptions, 'cap' | 'retryAfterMs'> & { concurrency: number },
): number {
  const random = seededRandom(options.seed);
  const jitter = options.jitter ?? 0.2;
  const workers = Array.from({ length: options.concurrency }, () => 0);
  for (let item = 0; item < options.clients; item += 1) {
    const next = workers.indexOf(Math.min(...workers));
    workers[next] = (workers[next] ?? 0) + options.latencyMs * (1 - jitter + 2 * jitter * random());
  }
  return 2 * options.latencyMs + Math.max(...workers);
}
