// One line per request: time, method, path (no query string), status, duration and upstream calls. Never headers,
// bodies, cookies, tokens or secrets.
import type { MiddlewareHandler } from 'hono';
import { sanitiseLogValue } from './log-sanitiser.ts';
import type { ProxyEnv } from './proxy-env.ts';

/** What the line reads of a request and its answer (any Hono context has it). */
interface RequestAnswered {
  req: { method: string; path: string };
  res: { status: number };
}

/** The line of a finished request that started at `started` (a `performance.now()` reading). */
export function formatRequestLine(c: RequestAnswered, started: number, upstreamCalls: number): string {
  const durationMs = performance.now() - started;
  // Paths are logged as routed (ids included, they are not secret), sanitised here for every caller.
  return `${new Date().toISOString()} ${sanitiseLogValue(c.req.method, 16)} ${sanitiseLogValue(c.req.path)} ${c.res.status} ${Math.round(durationMs)}ms upstream=${upstreamCalls}`;
}

export function requestLog(log: (line: string) => void): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const started = performance.now();
    const counter = { calls: 0 };
    c.set('counter', counter);
    c.set('streamFinished', undefined);
    await next();
    const write = () => log(formatRequestLine(c, started, counter.calls));
    const streamFinished = c.get('streamFinished');
    if (streamFinished === undefined) write();
    else void streamFinished.finally(write);
  };
}
