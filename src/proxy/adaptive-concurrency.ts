// How many upstream requests may be in flight for one tenant. A pure state machine (the clock is injected), so it
// can be tested without timers.
//
// Why not plain AIMD: a tenant that answers 429 above a fixed number of concurrent requests makes AIMD halve on
// every 429 and creep back one step per round trip, averaging about three quarters of the real capacity. Instead:
// - slow start: +1 per success (doubling per round trip) while no 429 has been seen;
// - the first 429 of an episode halves the limit and remembers the in-flight count at which 429s began as a
//   ceiling; 429s from requests launched before that decrease belong to the same episode and are ignored;
// - after a decrease, climb by +1 per success straight back to just below the ceiling, and hold there;
// - a 429 at (or just below) the remembered ceiling only trims the ceiling by a step: the in-flight count the
//   proxy sees runs slightly ahead of the tenant's, so the first ceiling is often one or two too high;
// - probe one step above the ceiling rarely (after many successes at the hold level, and only when enough work is
//   queued for a Retry-After delay of the probing request to be hidden); each failed probe doubles the interval;
// - never above `maxLimit`;
// - a small job stays at the starting level: above it, before any 429, the cap is unknown, and crossing it costs
//   the refused requests a whole Retry-After (1 s and more), longer than a tenant of tens or hundreds of clients
//   takes at the starting level. Slow start goes higher only while the queued work at the starting level would
//   take longer than `slowStartWorthMs` Retry-Afters, so that a refusal's delay is won back;
// - a cap learnt before (by an earlier server, kept in the store) is adopted as the ceiling: the limiter starts at
//   it and holds there, as if it had just learnt it, instead of starting again at the safe level.

export interface AdaptiveConcurrencyOptions {
  /** Concurrency before anything is known about the tenant. */
  initialLimit?: number;
  /** The configured ceiling (`maxConcurrency`): never exceeded, not even by a probe. */
  maxLimit: number;
  minLimit?: number;
  /**
   * Slow start climbs above `initialLimit` only when the queued work at `initialLimit` would take longer than this
   * many Retry-After delays (default 1.5): below that, a refusal would cost more than the extra concurrency wins.
   */
  slowStartWorth?: number;
  /** Successes at the hold level before the first probe; doubles after each failed probe. */
  probeAfterSuccesses?: number;
  now?: () => number;
}

export interface ConcurrencyTicket {
  readonly id: number;
  /** Decrease epoch at launch: a 429 from an older epoch was already answered by a decrease. */
  readonly epoch: number;
  /** In-flight count including this request, at launch. */
  readonly inFlightAtStart: number;
  readonly probe: boolean;
  readonly startedAt: number;
}

export interface ConcurrencySnapshot {
  limit: number;
  ceiling: number | null;
  inFlight: number;
  epoch: number;
  decreases: number;
  /** Ceilings lowered by one step without halving (a refusal at the remembered ceiling). */
  trims: number;
  probes: number;
  failedProbes: number;
  latencyMs: number | null;
}

const latencyGain = 0.125;
const deviationGain = 0.25;

export class AdaptiveConcurrency {
  private limitValue: number;
  private ceilingValue: number | null = null;
  private inFlightValue = 0;
  private epochValue = 0;
  private nextTicketId = 1;
  private successesAtHold = 0;
  private probeInterval: number;
  private readonly baseProbeInterval: number;
  private trimStep = 1;
  private lastTrimAt = Number.NEGATIVE_INFINITY;
  private probeInFlight = false;
  private decreases = 0;
  private trims = 0;
  private probes = 0;
  private failedProbes = 0;
  private smoothedLatencyMs: number | null = null;
  private latencyDeviationMs = 0;
  private lastRetryAfterMs = 1_000;
  private readonly maxLimit: number;
  private readonly minLimit: number;
  private readonly safeLimit: number;
  private readonly slowStartWorth: number;
  private readonly now: () => number;

  constructor(options: AdaptiveConcurrencyOptions) {
    this.maxLimit = Math.max(1, Math.floor(options.maxLimit));
    this.minLimit = Math.min(this.maxLimit, Math.max(1, Math.floor(options.minLimit ?? 1)));
    this.limitValue = clamp(Math.floor(options.initialLimit ?? 8), this.minLimit, this.maxLimit);
    this.safeLimit = this.limitValue;
    this.slowStartWorth = Math.max(0, options.slowStartWorth ?? 1.5);
    this.baseProbeInterval = Math.max(1, Math.floor(options.probeAfterSuccesses ?? 128));
    this.probeInterval = this.baseProbeInterval;
    this.now = options.now ?? (() => performance.now());
  }

  get limit(): number {
    return this.limitValue;
  }

  get inFlight(): number {
    return this.inFlightValue;
  }

  /**
   * The most concurrent requests the tenant is known to take: one below the in-flight count at which its 429s
   * began (after trims and probes), or null while no 429 has been seen. What is worth remembering across restarts.
   */
  learntCap(): number | null {
    return this.ceilingValue === null ? null : Math.max(this.minLimit, this.ceilingValue - 1);
  }

  /**
   * Starts from a cap learnt earlier (see `learntCap`). Ignored once this limiter has seen a 429 of its own:
   * what it learnt now is newer. Returns whether the cap was adopted.
   */
  adopt(cap: number): boolean {
    if (this.ceilingValue !== null || !Number.isInteger(cap) || cap < 1) return false;
    this.ceilingValue = Math.max(this.minLimit + 1, cap + 1);
    this.limitValue = clamp(this.holdLevel(), this.minLimit, this.maxLimit);
    this.successesAtHold = 0;
    return true;
  }

  /** A retransmission-timeout-style estimate (smoothed latency + 4 deviations), or null before any sample. */
  latencyEstimateMs(): number | null {
    if (this.smoothedLatencyMs === null) return null;
    return this.smoothedLatencyMs + 4 * this.latencyDeviationMs;
  }

  snapshot(): ConcurrencySnapshot {
    return {
      limit: this.limitValue,
      ceiling: this.ceilingValue,
      inFlight: this.inFlightValue,
      epoch: this.epochValue,
      decreases: this.decreases,
      trims: this.trims,
      probes: this.probes,
      failedProbes: this.failedProbes,
      latencyMs: this.smoothedLatencyMs,
    };
  }

  /**
   * Starts a request when there is room, else returns null. `queued` is how many requests wait behind this one:
   * a probe is only worth it when the queue is long enough to hide the prober's Retry-After delay.
   */
  tryStart(queued = 0): ConcurrencyTicket | null {
    if (this.inFlightValue < this.allowedNow(queued)) return this.launch(false);
    if (this.shouldProbe(queued)) return this.launch(true);
    return null;
  }

  onSuccess(ticket: ConcurrencyTicket): void {
    this.finish(ticket);
    this.recordLatency(this.now() - ticket.startedAt);
    if (ticket.probe) {
      // The tenant took one more than the remembered ceiling: the capacity grew.
      this.ceilingValue =
        this.ceilingValue === null ? null : Math.min(this.maxLimit + 1, this.ceilingValue + 1);
      this.limitValue = clamp(this.holdLevel(), this.minLimit, this.maxLimit);
      this.successesAtHold = 0;
      // The ceiling may still be low (a trim overshot): probe again soon, climbing a step per couple of rounds.
      this.probeInterval = Math.max(1, 2 * this.limitValue);
      return;
    }
    if (ticket.epoch !== this.epochValue) return;
    const target = this.holdLevel();
    if (this.limitValue < target) {
      this.limitValue += 1;
    } else {
      this.successesAtHold += 1;
    }
  }

  onRateLimited(ticket: ConcurrencyTicket, retryAfterMs?: number): void {
    this.finish(ticket);
    if (retryAfterMs !== undefined) this.lastRetryAfterMs = retryAfterMs;
    if (ticket.probe) {
      this.failedProbes += 1;
      this.successesAtHold = 0;
      this.probeInterval = Math.max(this.baseProbeInterval, 2 * this.probeInterval);
      return;
    }
    if (ticket.epoch !== this.epochValue) return;
    // A new episode: this request was launched after the last change, and still was refused.
    const previousCeiling = this.ceilingValue;
    const refusedAt = Math.max(this.minLimit + 1, ticket.inFlightAtStart);
    this.epochValue += 1;
    this.successesAtHold = 0;
    this.ceilingValue = refusedAt;
    if (previousCeiling !== null && refusedAt >= previousCeiling - 2) {
      // Refused at (or just below) the remembered ceiling: the ceiling was too high (our in-flight count runs
      // ahead of the tenant's, which has already answered what we have not read yet; more so on a busy machine).
      // Trim it rather than halve: halving throws away half the capacity to correct an error of a few. Trims in
      // quick succession (within two round trips) double their step, so a far-off ceiling converges in a few
      // round trips instead of one step each.
      const now = this.now();
      const roundTrip = this.smoothedLatencyMs ?? 100;
      this.trimStep =
        now - this.lastTrimAt < 2 * roundTrip
          ? Math.min(2 * this.trimStep, Math.max(1, Math.floor(refusedAt / 4)))
          : 1;
      this.lastTrimAt = now;
      this.trims += 1;
      this.ceilingValue = Math.max(this.minLimit + 1, refusedAt - this.trimStep + 1);
      this.limitValue = Math.max(this.minLimit, this.ceilingValue - 1);
      // A big step may overshoot below the real capacity: probe back up soon rather than after the usual wait.
      if (this.trimStep > 1) this.probeInterval = Math.max(1, 2 * this.limitValue);
      return;
    }
    this.decreases += 1;
    this.limitValue = Math.max(this.minLimit, Math.min(refusedAt - 1, Math.floor(this.limitValue / 2)));
  }

  /** Any other outcome (server error, timeout, cancellation): frees the slot, teaches nothing about capacity. */
  onOtherOutcome(ticket: ConcurrencyTicket): void {
    this.finish(ticket);
  }

  /** The limit, except during slow start for a job too small to win back a refusal's Retry-After. */
  private allowedNow(queued: number): number {
    if (this.ceilingValue !== null || this.limitValue <= this.safeLimit) return this.limitValue;
    const latency = this.smoothedLatencyMs;
    if (latency === null) return this.safeLimit;
    const remainingWorkMs = ((queued + 1 + this.inFlightValue) * latency) / this.safeLimit;
    return remainingWorkMs > this.slowStartWorth * this.lastRetryAfterMs ? this.limitValue : this.safeLimit;
  }

  private holdLevel(): number {
    return this.ceilingValue === null ? this.maxLimit : Math.min(this.maxLimit, this.ceilingValue - 1);
  }

  private shouldProbe(queued: number): boolean {
    if (this.ceilingValue === null || this.probeInFlight) return false;
    if (this.limitValue < this.holdLevel()) return false;
    if (this.ceilingValue > this.maxLimit) return false;
    if (this.inFlightValue !== this.limitValue) return false;
    if (this.successesAtHold < this.probeInterval) return false;
    const latency = this.smoothedLatencyMs;
    if (latency === null) return false;
    const queuedWorkMs = (queued * latency) / Math.max(1, this.limitValue);
    return queuedWorkMs > 2 * this.lastRetryAfterMs;
  }

  private launch(probe: boolean): ConcurrencyTicket {
    this.inFlightValue += 1;
    if (probe) {
      this.probeInFlight = true;
      this.probes += 1;
      this.successesAtHold = 0;
    }
    return {
      id: this.nextTicketId++,
      epoch: this.epochValue,
      inFlightAtStart: this.inFlightValue,
      probe,
      startedAt: this.now(),
    };
  }

  private finish(ticket: ConcurrencyTicket): void {
    this.inFlightValue = Math.max(0, this.inFlightValue - 1);
    if (ticket.probe) this.probeInFlight = false;
  }

  private recordLatency(sampleMs: number): void {
    if (this.smoothedLatencyMs === null) {
      this.smoothedLatencyMs = sampleMs;
      this.latencyDeviationMs = sampleMs / 2;
      return;
    }
    this.latencyDeviationMs +=
      deviationGain * (Math.abs(sampleMs - this.smoothedLatencyMs) - this.latencyDeviationMs);
    this.smoothedLatencyMs += latencyGain * (sampleMs - this.smoothedLatencyMs);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
