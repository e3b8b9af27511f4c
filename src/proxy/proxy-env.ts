// Hono's per-request variables of the proxy app.
import type { HttpBindings } from '@hono/node-server';
import type { UpstreamCounter } from './upstream-fetch.ts';

export interface ProxyEnv {
  /** Present when served by @hono/node-server (standalone or Vite middleware): the raw request target. */
  Bindings: Partial<HttpBindings>;
  Variables: {
    counter: UpstreamCounter;
    /** Set by streaming handlers: the request log waits for the stream's end. */
    streamFinished: Promise<void> | undefined;
  };
}
