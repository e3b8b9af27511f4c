// Session creations per client address, as a token bucket: a burst for a person retrying the form, then a steady
// rate. Without it, one client creating sessions in a loop evicts everybody else's (the store is capped), and
// probes identity domains as fast as it likes.
export interface SessionCreationLimit {
  burst: number;
  perMinute: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Addresses remembered at once; beyond it the least recently seen is forgotten (its bucket was full anyway). */
const maxTrackedAddresses = 10_000;

export class SessionCreationLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly limit: SessionCreationLimit;
  private readonly now: () => number;

  constructor(limit: SessionCreationLimit, now: () => number = Date.now) {
    this.limit = limit;
    this.now = now;
  }

  /** Takes one creation for `address`; returns 0 when allowed, else the milliseconds until the next one is. */
  take(address: string): number {
    const now = this.now();
    const ratePerMs = this.limit.perMinute / 60_000;
    const known = this.buckets.get(address);
    const bucket = known ?? { tokens: this.limit.burst, updatedAt: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.updatedAt) * ratePerMs);
    bucket.updatedAt = now;
    this.buckets.delete(address);
    this.buckets.set(address, bucket);
    if (this.buckets.size > maxTrackedAddresses) {
      const oldest = this.buckets.keys().next();
      if (oldest.done !== true) this.buckets.delete(oldest.value);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / ratePerMs);
  }
}
