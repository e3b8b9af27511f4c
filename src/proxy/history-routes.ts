// GET /api/history/*: the session tenant's snapshots, read through the history port. Never another tenant's: the
// tenant comes from the session, not from the request.
import type { Hono } from 'hono';
import { HistoryUnavailableError, type HistoryPort, type HistoryTenant } from './history-port.ts';
import { isPlainIdentifier } from './identifiers.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { problem, problemResponse } from './problem.ts';
import { notConnected, sessionCookie } from './session-routes.ts';

const noHistory = 'this server was started without a history';

function historyOff(reason: string): Response {
  return problemResponse(problem(503, `history is off: ${reason}`, { reason }));
}

async function answer(read: () => Promise<unknown>, missing: string): Promise<Response> {
  try {
    const body = await read();
    if (body === null) return problemResponse(problem(404, missing));
    return Response.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof HistoryUnavailableError) return historyOff(error.reason);
    throw error;
  }
}

export function mountHistoryRoutes(
  app: Hono<ProxyEnv>,
  runtime: ProxyRuntime,
  port: HistoryPort | null,
): void {
  app.get('/api/history/status', async () =>
    Response.json(port === null ? { enabled: false, reason: noHistory } : await port.status(), {
      headers: { 'cache-control': 'no-store' },
    }),
  );

  const tenantOf = (cookie: string | undefined): HistoryTenant | null => {
    const session = runtime.resolveSession(cookie);
    if (session === null) return null;
    return { identityDomain: session.connection.identityDomain, customerId: session.connection.customerId };
  };

  app.get('/api/history/snapshots', async (c) => {
    const tenant = tenantOf(sessionCookie(c));
    if (tenant === null) return notConnected();
    if (port === null) return historyOff(noHistory);
    return answer(() => port.listSnapshots(tenant), 'There is no history for this tenant.');
  });

  app.get('/api/history/snapshots/:id', async (c) => {
    const tenant = tenantOf(sessionCookie(c));
    if (tenant === null) return notConnected();
    if (port === null) return historyOff(noHistory);
    const id = c.req.param('id');
    const missing = 'There is no such snapshot in this tenant’s history.';
    if (!isPlainIdentifier(id)) return problemResponse(problem(404, missing));
    return answer(() => port.snapshot(tenant, id), missing);
  });

  app.get('/api/history/clients/:clientId', async (c) => {
    const tenant = tenantOf(sessionCookie(c));
    if (tenant === null) return notConnected();
    if (port === null) return historyOff(noHistory);
    const clientId = c.req.param('clientId');
    const missing = 'This client was never seen in this tenant’s history.';
    if (!isPlainIdentifier(clientId)) return problemResponse(problem(404, missing));
    return answer(() => port.clientHistory(tenant, clientId), missing);
  });

  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/history/*', () =>
    problemResponse(problem(405, 'The history answers GET only.'), { allow: 'GET, HEAD' }),
  );
}
