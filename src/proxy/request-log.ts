// One line per request: time, method, path (no query string), status, duration and upstream calls. Never headers,
// bodies, cookies, tokens or secrets.
import type { MiddlewareHandler } from 'hono';
import { sanitiseLogValue } from './log-sanitiser.ts';
import type { ProxyEnv } from './proxy-env.ts';

export function formatRequestLine(entry: {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  upstreamCalls: number;
}): string {
  // Paths are logged as routed (ids included, they are not secret), sanitised here for every caller.
  return `${new Date().toISOString()} ${sanitiseLogValue(entry.method, 16)} ${sanitiseLogValue(entry.path)} ${entry.status} ${Math.round(entry.durationMs)}ms upstream=${entry.upstreamCalls}`;
}

export function requestLog(log: (line: string) => void): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const started = performance.now();
    const counter = { calls: 0 };
    c.set('counter', counter);
    c.set('streamFinished', undefined);
    await next();
    const write = () => {
      log(
        formatRequestLine({
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          durationMs: performance.now() - started,
          upstreamCalls: counter.calls,
        }),
      );
    };
    const streamFinished = c.get('streamFinished');
    if (streamFinished === undefined) write();
    else void streamFinished.finally(write);
  };
}
