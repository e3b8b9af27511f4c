// GET /api/history/*: the session tenant's snapshots, read through the history port. Never another tenant's: the
// tenant comes from the session, not from the request.
import type { Context, Hono } from 'hono';
import { HistoryUnavailableError, type HistoryPort, type HistoryTenant } from './history-port.ts';
import { isPlainIdentifier } from './identifiers.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { problem, problemResponse } from './problem.ts';
import { resolveRequestSession } from './session-resolution.ts';

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

  const tenantOf = (
    c: Context<ProxyEnv>,
  ): { ok: true; tenant: HistoryTenant } | { ok: false; response: Response } => {
    const resolved = resolveRequestSession(c, runtime);
    if (!resolved.ok) return resolved;
    const { connection } = resolved.session;
    return {
      ok: true,
      tenant: { identityDomain: connection.identityDomain, customerId: connection.customerId },
    };
  };

  /** The session's tenant and the history to read it from; else the answer that there is either none. */
  const withHistory = async (
    c: Context<ProxyEnv>,
    respond: (history: HistoryPort, tenant: HistoryTenant) => Promise<Response>,
  ): Promise<Response> => {
    const resolved = tenantOf(c);
    if (!resolved.ok) return resolved.response;
    if (port === null) return historyOff(noHistory);
    return respond(port, resolved.tenant);
  };

  /** One item of the history, by the id in the path: an id that cannot be one is "not found" like an unknown one. */
  const readItem =
    (
      param: string,
      missing: string,
      read: (history: HistoryPort, tenant: HistoryTenant, id: string) => Promise<unknown>,
    ) =>
    (c: Context<ProxyEnv>): Promise<Response> =>
      withHistory(c, async (history, tenant) => {
        const id = c.req.param(param) ?? '';
        if (!isPlainIdentifier(id)) return problemResponse(problem(404, missing));
        return answer(() => read(history, tenant, id), missing);
      });

  app.get('/api/history/snapshots', (c) =>
    withHistory(c, (history, tenant) =>
      answer(() => history.listSnapshots(tenant), 'There is no history for this tenant.'),
    ),
  );
  app.get(
    '/api/history/snapshots/:id',
    readItem('id', 'There is no such snapshot in this tenant’s history.', (history, tenant, id) =>
      history.snapshot(tenant, id),
    ),
  );
  app.get(
    '/api/history/clients/:clientId',
    readItem('clientId', 'This client was never seen in this tenant’s history.', (history, tenant, id) =>
      history.clientHistory(tenant, id),
    ),
  );

  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/history/*', () =>
    problemResponse(problem(405, 'The history answers GET only.'), { allow: 'GET, HEAD' }),
  );
}
