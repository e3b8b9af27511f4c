// How long to wait before trying again: Retry-After when the server says so, exponential backoff with full
// jitter otherwise (AWS architecture blog, "Exponential Backoff And Jitter"), so that retries spread out.
import { onAbort } from './abort-subscriptions.ts';

export const defaultRetryAfterMs = 1_000;
export const maxRetryAfterMs = 10_000;

/** Retry-After as delta-seconds or an HTTP date; absent or unreadable → 1 s; capped at 10 s. */
export function parseRetryAfterMs(header: string | null | undefined, nowMs: number = Date.now()): number {
  if (header === null || header === undefined || header.trim() === '') return defaultRetryAfterMs;
  const value = header.trim();
  let delayMs: number;
  if (/^\d+(?:\.\d+)?$/.test(value)) {
    delayMs = Number(value) * 1000;
  } else {
    // An HTTP date has a weekday and month name; anything else (e.g. "-5") is unreadable.
    const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(date)) return defaultRetryAfterMs;
    delayMs = date - nowMs;
  }
  return Math.min(maxRetryAfterMs, Math.max(0, delayMs));
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 100, maxMs: 2_000 };

/** Full jitter: uniformly random in [0, min(max, base·2^(attempt-1))]; attempt counts from 1. */
export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions = defaultBackoff,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
    const unsubscribe =
      signal === undefined
        ? undefined
        : onAbort(signal, () => {
            clearTimeout(timer);
            reject(signal.reason as Error);
          });
  });
}
