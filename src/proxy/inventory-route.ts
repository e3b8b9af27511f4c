// GET /api/inventory: NDJSON, one line flushed per result; the upstream work stops when the browser goes away.
import type { Hono } from 'hono';
import type { InventoryLine } from '../identity-cloud/inventory-stream.ts';
import { emptyRetryStats } from './config-request.ts';
import { inventorySources, type InventorySource } from './history-port.ts';
import { InventoryRun } from './inventory.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { cancelledResponse, problem, problemResponse } from './problem.ts';
import { streamGate, type StreamGate } from './stream-backpressure.ts';
import { resolveRequestSession } from './session-resolution.ts';

export function mountInventoryRoute(app: Hono<ProxyEnv>, runtime: ProxyRuntime): void {
  app.get('/api/inventory', async (c) => {
    const startedAt = performance.now();
    const resolved = resolveRequestSession(c, runtime);
    if (!resolved.ok) return resolved.response;
    const { session } = resolved;
    const source = c.req.query('source') ?? 'browser';
    if (!(inventorySources as readonly string[]).includes(source)) {
      return problemResponse(problem(400, 'source must be browser, refresh or scheduled.'));
    }
    const { history } = runtime.options;
    // HEAD (routed here by Hono) must not start thousands of upstream requests for a body nobody reads.
    if (c.req.method === 'HEAD') {
      return new Response(null, {
        status: 200,
        headers: { 'content-type': 'application/x-ndjson; charset=utf-8' },
      });
    }

    const release = runtime.startInventory(session);
    if (release === 'session' || release === 'server') {
      const detail =
        release === 'session'
          ? `This connection already runs ${runtime.options.inventoryCaps.perSession} inventories: wait for one to finish (or close the other tabs), then refresh.`
          : 'The server is running as many inventories as it allows at once: try again in a moment.';
      return problemResponse(problem(429, detail), { 'retry-after': '5' });
    }
    await runtime.prepareTenant(session.connection);
    let gate: StreamGate | null = null;
    const run = new InventoryRun({
      context: runtime.configContext(session),
      backpressure: () => gate?.wait() ?? Promise.resolve(),
      signal: AbortSignal.any([c.req.raw.signal, session.lifetime.signal]),
      counter: c.get('counter'),
      stats: emptyRetryStats(),
      limits: runtime.options.inventoryLimits,
      startedAt,
    });
    let list: Awaited<ReturnType<InventoryRun['readClientList']>>;
    try {
      list = await run.readClientList();
    } catch (error) {
      const cancelled = run.signal.aborted || c.req.raw.signal.aborted || session.lifetime.signal.aborted;
      run.abort();
      release();
      if (cancelled) return cancelledResponse(session.lifetime.signal.aborted);
      throw error;
    }
    if (!list.ok) {
      run.abort();
      release();
      return problemResponse(list.problem.toProblem());
    }
    const clientList = list;

    // The history gets each line the browser gets as it is written (its per-item work is done while the fan-out
    // waits on the network), and records the inventory once the done line is out.
    const { identityDomain, customerId } = session.connection;
    const recording =
      history === null
        ? null
        : history.begin({
            tenant: { identityDomain, customerId },
            source: source as InventorySource,
            takenAt: new Date(),
          });
    const encoder = new TextEncoder();
    let finish: () => void = () => undefined;
    c.set('streamFinished', new Promise<void>((resolve) => (finish = resolve)));
    const stalledAfterMs = runtime.options.stalledReaderTimeoutMs;
    const body = new ReadableStream<Uint8Array>(
      {
        start(controller) {
          gate = streamGate({
            desiredSize: () => controller.desiredSize,
            stalledAfterMs,
            onStalled: () => {
              // Nobody reads: stop the upstream work and cut the stream (the reader sees no done line).
              run.abort();
              try {
                controller.error(new Error('The reader stalled.'));
              } catch {
                // Already closed.
              }
              // The server waits for the socket to drain, which it never will: close it.
              (c.env as ProxyEnv['Bindings'] | undefined)?.outgoing?.destroy();
            },
          });
          // Lines produced in the same turn of the event loop leave in one chunk: the browser still gets each line
          // as soon as it exists, with far fewer writes (a syscall each) when results arrive in bursts.
          let pending: string[] = [];
          let scheduled = false;
          const flush = () => {
            scheduled = false;
            if (pending.length === 0) return;
            const chunk = pending.join('');
            pending = [];
            try {
              controller.enqueue(encoder.encode(chunk));
            } catch {
              // The reader is gone (cancelled): the run is being aborted.
            }
          };
          const write = (line: Record<string, unknown> & { kind: string }) => {
            pending.push(`${JSON.stringify(line)}\n`);
            if (!scheduled) {
              scheduled = true;
              setImmediate(flush);
            }
            recording?.take(line as InventoryLine);
          };
          run
            .stream(clientList, write)
            .then(
              () => {
                flush();
                // Also when aborted (session ended): a stream without its done line tells the reader it is cut.
                try {
                  controller.close();
                } catch {
                  // Already cancelled by the reader.
                }
                // After the close: the write never delays the done line. Cut runs are not inventories.
                if (recording !== null && !run.signal.aborted) {
                  void recording.finish().then((kept) => {
                    // An unchanged re-read took nothing new: logged, it would add a row for every page view.
                    if (kept === null || kept.unchanged) return;
                    runtime.options.recordActivity({
                      kind: 'snapshot',
                      request: c.req.raw,
                      tenant: `${identityDomain}/${customerId}`,
                      detail: `history snapshot ${kept.id} (${source}), ${kept.clients} clients`,
                    });
                  });
                }
              },
              (error: unknown) => {
                console.error(
                  'inventory stream failed:',
                  error instanceof Error ? error.name : 'unknown error',
                );
                controller.error(error);
              },
            )
            .finally(() => {
              gate?.close();
              release();
              runtime.keepTenantLimit(session.connection);
              finish();
            });
        },
        pull() {
          gate?.pulled();
        },
        cancel() {
          // The browser went away: stop every queued and in-flight upstream request.
          run.abort();
          gate?.close();
          release();
        },
      },
      // Bytes queued for the reader before the fan-out pauses (the socket's own buffers come on top).
      { highWaterMark: 256 * 1024, size: (chunk) => chunk?.byteLength ?? 0 },
    );
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
