import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  defaultRetryAfterMs,
  maxRetryAfterMs,
  parseRetryAfterMs,
  sleep,
} from './retry-policy.ts';

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [null, defaultRetryAfterMs],
    ['', defaultRetryAfterMs],
    ['1', 1000],
    ['0', 0],
    ['2.5', 2500],
    ['3600', maxRetryAfterMs],
    ['Thu, 01 Jan 2026 00:00:03 GMT', 3000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', defaultRetryAfterMs],
    ['-5', defaultRetryAfterMs],
  ])('reads %s as %i ms', (header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });
});

describe('backoffDelayMs', () => {
  it('grows exponentially with full jitter, capped', () => {
    const top = () => 0.999_999;
    expect(backoffDelayMs(1, { baseMs: 100, maxMs: 2000 }, top)).toBe(99);
    expect(backoffDelayMs(2, { baseMs: 100, maxMs: 2000 }, top)).toBe(199);
    expect(backoffDelayMs(4, { baseMs: 100, maxMs: 2000 }, top)).toBe(799);
    expect(backoffDelayMs(10, { baseMs: 100, maxMs: 2000 }, top)).toBe(1999);
    expect(backoffDelayMs(3, { baseMs: 100, maxMs: 2000 }, () => 0)).toBe(0);
  });
});

describe('sleep', () => {
  it('rejects at once when the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const sleeping = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(performance.now() - started).toBeLessThan(100);
  });
});
