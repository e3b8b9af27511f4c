// One line per request: time, method, path (no query string), status, duration and upstream calls. Never headers,
// bodies, cookies, tokens or secrets.
import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from './proxy-env.ts';

export function formatRequestLine(entry: {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  upstreamCalls: number;
}): string {
  return `${new Date().toISOString()} ${entry.method} ${entry.path} ${entry.status} ${Math.round(entry.durationMs)}ms upstream=${entry.upstreamCalls}`;
}

/** Paths are logged as routed (ids included, they are not secret), truncated, with control characters removed. */
function printablePath(path: string): string {
  // eslint-disable-next-line no-control-regex -- strip anything that could forge a log line
  const clean = path.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
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
          path: printablePath(c.req.path),
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
