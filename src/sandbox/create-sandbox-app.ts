// The emulator as a Hono app (request → response). Order of work for each customer request:
// count it in flight → admit it under the concurrency cap (/config only; else 429) → latency with jitter →
// customer (404) → method (405) → authentication and scope → fault injection (/config GETs only) → answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { checkBearer, itemResponse, listResponse } from './config-endpoints.ts';
import { configError, jsonResponse, methodNotAllowed } from './responses.ts';
import type { SandboxState } from './sandbox-state.ts';
import { configCollections, type ConfigCollection } from '../identity-cloud/config-resources.ts';
import { createSandboxAdmin, mountSandboxAdmin } from './sandbox-admin.ts';
import { handleTokenRequest } from './token-endpoint.ts';

interface SandboxEnv {
  Variables: { onFinished: (callback: () => void) => void };
}

type SandboxContext = Context<SandboxEnv>;

/** Node's request and response, present when served by @hono/node-server; absent under `app.request()`. */
function nodeBindings(c: SandboxContext): { incoming?: IncomingMessage; outgoing?: ServerResponse } {
  // Hono types `env` as always present, but `app.request()` without an env leaves it undefined.
  return (c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined) ?? {};
}

/** Answers never sent (the socket is destroyed instead): already counted as `dropped` in the stats. */
const droppedResponses = new WeakSet<Response>();

const jitter = 0.2;

async function pause(state: SandboxState, milliseconds: number): Promise<void> {
  if (milliseconds <= 0 || state.closingSignal.aborted) return;
  try {
    await delay(milliseconds, undefined, { signal: state.closingSignal });
  } catch {
    // Closing: stop waiting, the server is going away.
  }
}

function networkLatency(state: SandboxState): Promise<void> {
  const base = state.knobs.latencyMs;
  return pause(state, base * (1 - jitter + 2 * jitter * state.random()));
}

/** Counts the request in flight until the response is sent or the socket closes (or, without Node, returns). */
function trackRequests(state: SandboxState) {
  return async (c: SandboxContext, next: () => Promise<void>): Promise<void> => {
    if (c.req.path.startsWith('/__sandbox/')) {
      await next();
      return;
    }
    const callbacks = [state.stats.arrive()];
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      for (const callback of callbacks) callback();
    };
    c.set('onFinished', (callback) => {
      if (finished) callback();
      else callbacks.push(callback);
    });
    const { outgoing } = nodeBindings(c);
    outgoing?.once('close', finish);
    try {
      await next();
    } finally {
      if (!outgoing) finish();
    }
  };
}

/** Takes one of the customer's /config slots, or refuses when maxConcurrency are already taken. */
function admit(state: SandboxState, c: SandboxContext): boolean {
  if (state.admittedConfigRequests >= state.knobs.maxConcurrency) return false;
  state.admittedConfigRequests += 1;
  c.get('onFinished')(() => {
    state.admittedConfigRequests -= 1;
  });
  return true;
}

type FaultDraw = 'serverError' | 'hang' | 'malformed' | undefined;

function drawFault(state: SandboxState): FaultDraw {
  const { serverError, hang, malformed } = state.knobs.faults;
  if (serverError + hang + malformed === 0) return undefined;
  const draw = state.random();
  if (draw < serverError) return 'serverError';
  if (draw < serverError + hang) return 'hang';
  if (draw < serverError + hang + malformed) return 'malformed';
  return undefined;
}

async function truncated(response: Response): Promise<Response> {
  const text = await response.text();
  return jsonResponse(text.slice(0, Math.max(1, Math.floor(text.length / 2))), 200);
}

async function hangThenDrop(state: SandboxState, c: SandboxContext): Promise<Response> {
  await pause(state, state.knobs.hangMs);
  const { incoming } = nodeBindings(c);
  if (incoming) {
    incoming.socket.destroy();
    return new Response(null, { status: 500 });
  }
  // Without a socket (app.request), the nearest equivalent: a body that fails while being read.
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error('The sandbox dropped the connection (injected hang).'));
      },
    }),
    { headers: { 'content-type': 'application/json' } },
  );
}

function customerMismatch(state: SandboxState, c: SandboxContext): Response | undefined {
  return c.req.param('customerId') === state.tenant.customerId
    ? undefined
    : configError(404, 'Customer not found');
}

async function answerConfig(
  state: SandboxState,
  c: SandboxContext,
  collection: ConfigCollection,
  id: string | undefined,
): Promise<Response> {
  const customerKnown = c.req.param('customerId') === state.tenant.customerId;
  if (customerKnown && !admit(state, c)) {
    await networkLatency(state);
    return configError(429, 'Too Many Requests', { 'retry-after': '1' });
  }
  await networkLatency(state);
  const mismatch = customerMismatch(state, c);
  if (mismatch) return mismatch;
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return methodNotAllowed('GET, HEAD');

  const path = id === undefined ? `config/${collection}` : `config/${collection}/${id}`;
  const routeLabel = id === undefined ? `config/${collection}` : `config/${collection}/{id}`;
  const refusal = checkBearer(state, c.req.header('authorization') ?? null, 'GET', path, routeLabel);
  if (refusal) return refusal;

  const fault = drawFault(state);
  if (fault) state.stats.fault(fault);
  if (fault === 'serverError') return configError(500, 'Internal Server Error');
  if (fault === 'hang') {
    state.stats.record(routeKey(c, collection, id), 'dropped');
    const response = await hangThenDrop(state, c);
    droppedResponses.add(response);
    return response;
  }
  const response = id === undefined ? listResponse(state, collection) : itemResponse(state, collection, id);
  return fault === 'malformed' ? truncated(response) : response;
}

function routeKey(c: SandboxContext, collection: ConfigCollection, id: string | undefined): string {
  return `${c.req.method} /config/${collection}${id === undefined ? '' : '/:id'}`;
}

async function answerToken(state: SandboxState, c: SandboxContext): Promise<Response> {
  await networkLatency(state);
  const mismatch = customerMismatch(state, c);
  if (mismatch) return mismatch;
  if (c.req.method !== 'POST') return methodNotAllowed('POST');
  return handleTokenRequest(c.req.raw, state);
}

/** The sandbox's HTTP surface over the given state. Serve it with @hono/node-server, or call `app.request()`. */
export function createSandboxApp(state: SandboxState): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  app.get('/__sandbox/stats', () =>
    jsonResponse(JSON.stringify(state.stats.snapshot()), 200, { 'cache-control': 'no-store' }),
  );
  mountSandboxAdmin(app, createSandboxAdmin(state));
  app.use('*', trackRequests(state));

  app.all('/:customerId/login/token', async (c) => {
    const response = await answerToken(state, c);
    state.stats.record(`${c.req.method} /login/token`, response.status);
    return response;
  });

  for (const collection of configCollections) {
    app.all(`/:customerId/config/${collection}`, async (c) => {
      const response = await answerConfig(state, c, collection, undefined);
      if (!droppedResponses.has(response))
        state.stats.record(routeKey(c, collection, undefined), response.status);
      return response;
    });
    app.all(`/:customerId/config/${collection}/:id`, async (c) => {
      const id = c.req.param('id');
      const response = await answerConfig(state, c, collection, id);
      if (!droppedResponses.has(response)) state.stats.record(routeKey(c, collection, id), response.status);
      return response;
    });
  }

  app.notFound((c) => {
    state.stats.record(`${c.req.method} (unmatched)`, 404);
    return configError(404, 'Not Found');
  });
  app.onError((error, c) => {
    state.stats.record(`${c.req.method} (error)`, 500);
    console.error('Identity Cloud sandbox: unexpected error', error);
    return configError(500, 'Internal Server Error');
  });
  return app;
}
