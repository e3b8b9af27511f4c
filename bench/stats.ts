// Small, exact statistics for the benchmark: the median of a few runs, percentiles of many samples.

/** The median (mean of the two middle values for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Nearest-rank percentile (p in 0..100): the smallest sample with at least p % of samples at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100 (got ${p}).`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * The physical bound of an inventory of N clients: one list request then N detail requests, at most `cap` at a
 * time, each taking `latencyMs`: ⌈(N + 1) / cap⌉ round trips.
 */
export function fanOutBoundMs(clients: number, cap: number, latencyMs: number): number {
  return Math.ceil((clients + 1) / cap) * latencyMs;
}

/** Rounds to `digits` decimals (for the JSON results, which should not carry float noise). */
export function round(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
