// GET /api/inventory: NDJSON, one line flushed per result; the upstream work stops when the browser goes away.
import type { Hono } from 'hono';
import { applyInventoryLine, emptyInventory } from '../identity-cloud/inventory.ts';
import type { InventoryLine } from '../identity-cloud/inventory-stream.ts';
import { emptyRetryStats } from './config-request.ts';
import { inventorySources, type InventorySource } from './history-port.ts';
import { InventoryRun } from './inventory.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { cancelledResponse, problem, problemResponse } from './problem.ts';
import { notConnected, sessionCookie } from './session-routes.ts';

export function mountInventoryRoute(app: Hono<ProxyEnv>, runtime: ProxyRuntime): void {
  app.get('/api/inventory', async (c) => {
    const startedAt = performance.now();
    const session = runtime.resolveSession(sessionCookie(c));
    if (session === null) return notConnected();
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

    const run = new InventoryRun({
      context: runtime.configContext(session),
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
      if (cancelled) return cancelledResponse(session.lifetime.signal.aborted);
      throw error;
    }
    if (!list.ok) {
      run.abort();
      return problemResponse(list.problem.toProblem());
    }
    const clientList = list;

    // The history gets what the browser got, folded as the app folds it, once the done line is out.
    const recorded = history === null ? null : emptyInventory();
    const takenAt = new Date();
    const encoder = new TextEncoder();
    let finish: () => void = () => undefined;
    c.set('streamFinished', new Promise<void>((resolve) => (finish = resolve)));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
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
          if (recorded !== null) applyInventoryLine(recorded, line as InventoryLine);
          pending.push(`${JSON.stringify(line)}\n`);
          if (!scheduled) {
            scheduled = true;
            setImmediate(flush);
          }
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
              if (history !== null && recorded?.done != null && !run.signal.aborted) {
                void history.record({
                  tenant: {
                    identityDomain: session.connection.identityDomain,
                    customerId: session.connection.customerId,
                  },
                  source: source as InventorySource,
                  takenAt,
                  inventory: recorded,
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
          .finally(finish);
      },
      cancel() {
        // The browser went away: stop every queued and in-flight upstream request.
        run.abort();
      },
    });
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
