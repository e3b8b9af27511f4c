// Helpers of the reliability and security suite (src/proxy/security/*.test.ts) that proxy-under-test.ts does not
// have: raw sockets, socket counting, a garbage-collected memory reading, incremental NDJSON reading, percentiles.
import { Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { z } from 'zod';
import { inventoryDoneLineSchema } from '../../identity-cloud/inventory-stream.ts';
import type { InventoryLineObject } from './proxy-under-test.ts';
import { sendRawBytes } from './raw-socket.ts';

/** Sends bytes exactly as given (no client library to normalise the target or the Host) and returns the answer. */
export async function rawExchange(origin: string, text: string): Promise<{ status: number; answer: string }> {
  // Not half-closed: Node's HTTP server aborts a request whose client half-closes before the answer is ready.
  // Every request sent here says `Connection: close`, so the server closes the socket after answering.
  const answer = await sendRawBytes(origin, text, { halfClose: false });
  return { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 'NaN'), answer };
}

/** A GET with an exact request target and headers, `Connection: close`. */
export function rawGet(origin: string, target: string, headers: Record<string, string> = {}) {
  const lines = [`GET ${target} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'host')) {
    lines.push(`Host: ${new URL(origin).host}`);
  }
  lines.push('Connection: close', '', '');
  return rawExchange(origin, lines.join('\r\n'));
}

/**
 * Counts every outgoing TCP connection attempt of this process (all of node:http, node:https and fetch go through
 * `net.Socket#connect`), so that a test can prove that nothing was contacted at all.
 */
export function countSocketConnects(): { count: () => number; restore: () => void } {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with the socket as `this`
  const original = Socket.prototype.connect;
  let count = 0;
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    count += 1;
    return (original as (...a: unknown[]) => Socket).apply(this, args);
  };
  return {
    count: () => count,
    restore: () => {
      Socket.prototype.connect = original;
    },
  };
}

let collectGarbage: (() => void) | undefined;

/**
 * Heap and resident memory after full garbage collections, in MiB (gc exposed at run time through V8 flags). Between
 * collections the event loop turns, so that objects only weakly held (WeakRef targets are kept until the end of the
 * current job, e.g. an AbortSignal's dependants) can go too.
 */
export async function settledMemoryMiB(): Promise<{ heapUsed: number; rss: number }> {
  if (collectGarbage === undefined) {
    setFlagsFromString('--expose-gc');
    collectGarbage = runInNewContext('gc') as () => void;
  }
  for (let round = 0; round < 3; round += 1) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed: toMiB(heapUsed), rss: toMiB(rss) };
}

export function toMiB(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

/** Samples `process.memoryUsage()` until stopped; resolves the peaks in MiB. */
export function sampleMemory(intervalMs = 25): () => { peakHeapUsed: number; peakRss: number } {
  let peakHeapUsed = 0;
  let peakRss = 0;
  const sample = () => {
    const { heapUsed, rss } = process.memoryUsage();
    peakHeapUsed = Math.max(peakHeapUsed, heapUsed);
    peakRss = Math.max(peakRss, rss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return () => {
    clearInterval(timer);
    sample();
    return { peakHeapUsed: toMiB(peakHeapUsed), peakRss: toMiB(peakRss) };
  };
}

/** The p-th percentile (0..100, nearest rank) of some numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/**
 * Reads `GET /api/inventory` line by line, calling `onLine` as each arrives (so that a test can act mid-stream),
 * and resolves with every line and whether the stream ended cleanly.
 */
export async function streamInventory(
  origin: string,
  cookie: string | null,
  onLine: (line: InventoryLineObject, index: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<{ status: number; lines: InventoryLineObject[] }> {
  const response = await fetch(`${origin}/api/inventory`, {
    headers: cookie === null ? {} : { cookie },
    signal: signal ?? null,
  });
  const lines: InventoryLineObject[] = [];
  if (response.body === null) return { status: response.status, lines };
  const decoder = new TextDecoder();
  let pending = '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending += decoder.decode(value, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const text = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (text !== '') {
        const line = JSON.parse(text) as InventoryLineObject;
        lines.push(line);
        onLine(line, lines.length - 1);
      }
      newline = pending.indexOf('\n');
    }
  }
  return { status: response.status, lines };
}

export function clientIdsOf(lines: readonly InventoryLineObject[]): string[] {
  return lines.filter((line) => line.kind === 'client').map((line) => (line.client as { id: string }).id);
}

export function clientErrorsOf(lines: readonly InventoryLineObject[]): InventoryLineObject[] {
  return lines.filter((line) => line.kind === 'error' && line.resource === 'client');
}

// The proxy sends every figure of the contract's done line: a test holds it to that.
const proxyDoneLineSchema = inventoryDoneLineSchema.required({
  requests: true,
  retries: true,
  rateLimited: true,
});
export type DoneLine = z.infer<typeof proxyDoneLineSchema>;

/** The stream's last line, checked against the contract's done line with every figure present. */
export function doneLineOf(lines: readonly InventoryLineObject[]): DoneLine {
  const last = lines.at(-1);
  if (last?.kind !== 'done')
    throw new Error(`The inventory has no done line (last: ${JSON.stringify(last)})`);
  return proxyDoneLineSchema.parse(last);
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
