// /api/audit/acceptances: the session tenant's accepted risks, kept through the acceptance port. The tenant comes
// from the session, never from the request; the origin guards in front of every /api route refuse other sites'
// POST and DELETE; the owner is the signed-in person when there is sign-in.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ruleCatalogue } from '../identity-cloud/findings/rule-catalogue.ts';
import { checkAcceptanceRequest, utcDay } from '../identity-cloud/audit/stored-acceptance.ts';
import {
  AcceptanceRefusedError,
  AcceptancesUnavailableError,
  type AcceptancePort,
} from './acceptance-port.ts';
import type { HistoryTenant } from './history-port.ts';
import { isPlainIdentifier } from './identifiers.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { problem, problemResponse } from './problem.ts';
import { resolveRequestSession } from './session-resolution.ts';

export const acceptanceBodyLimitBytes = 8 * 1024;
const noStore = 'this server was started without a store';

function unavailable(reason: string): Response {
  return problemResponse(
    problem(
      503,
      `Accepted risks cannot be kept or read: the dashboard’s store is off (${reason}). Findings show as open; risks accepted in idc-audit.yaml still apply.`,
      { reason },
    ),
  );
}

async function answer(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AcceptancesUnavailableError) return unavailable(error.reason);
    if (error instanceof AcceptanceRefusedError) return problemResponse(problem(409, error.message));
    throw error;
  }
}

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

export function mountAcceptanceRoutes(app: Hono<ProxyEnv>, runtime: ProxyRuntime): void {
  const { acceptances: port, identifyUser, recordActivity } = runtime.options;

  const scope = (
    c: Context<ProxyEnv>,
  ):
    | { ok: true; tenant: HistoryTenant; tenantName: string; port: AcceptancePort }
    | { ok: false; response: Response } => {
    const resolved = resolveRequestSession(c, runtime);
    if (!resolved.ok) return resolved;
    if (port === null) return { ok: false, response: unavailable(noStore) };
    const { identityDomain, customerId } = resolved.session.connection;
    return {
      ok: true,
      tenant: { identityDomain, customerId },
      tenantName: `${identityDomain}/${customerId}`,
      port,
    };
  };

  app.get('/api/audit/acceptances', async (c) => {
    const scoped = scope(c);
    if (!scoped.ok) return scoped.response;
    return answer(async () => json({ acceptances: await scoped.port.list(scoped.tenant) }));
  });

  app.post(
    '/api/audit/acceptances',
    bodyLimit({
      maxSize: acceptanceBodyLimitBytes,
      onError: () =>
        problemResponse(problem(413, `An acceptance is at most ${acceptanceBodyLimitBytes / 1024} kB.`)),
    }),
    async (c) => {
      const scoped = scope(c);
      if (!scoped.ok) return scoped.response;
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        body = undefined;
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return problemResponse(
          problem(
            400,
            'Send the acceptance as a JSON object: rule, clientId, clientName, value, reason, owner, expires.',
          ),
        );
      }
      const user = identifyUser(c.req.raw);
      const now = new Date();
      const check = checkAcceptanceRequest(body, { today: utcDay(now), ownerRequired: user === null });
      if (!check.ok) {
        return problemResponse({
          title: 'Invalid acceptance',
          status: 400,
          detail: `Check ${check.errors.map((error) => `${error.field}: ${error.message}`).join('; ')}`,
          errors: check.errors,
        });
      }
      const { request } = check;
      return answer(async () => {
        const created = await scoped.port.create(scoped.tenant, {
          rule: request.rule,
          clientId: request.clientId,
          clientName: request.clientName,
          value: request.value,
          reason: request.reason,
          owner: user?.name ?? request.owner ?? '',
          acceptedBy: user?.name ?? null,
          acceptedAt: now,
          expires: request.expires,
        });
        recordActivity({
          kind: 'risk-accepted',
          request: c.req.raw,
          tenant: scoped.tenantName,
          detail: `${ruleCatalogue[created.rule].title} on ${created.clientName}, until ${created.expires}`,
        });
        return json(created, 201);
      });
    },
  );

  app.delete('/api/audit/acceptances/:id', async (c) => {
    const scoped = scope(c);
    if (!scoped.ok) return scoped.response;
    const id = c.req.param('id');
    const missing = 'This tenant has no standing acceptance with that id: it may have been revoked already.';
    if (!isPlainIdentifier(id)) return problemResponse(problem(404, missing));
    return answer(async () => {
      const revoked = await scoped.port.revoke(
        scoped.tenant,
        id,
        identifyUser(c.req.raw)?.name ?? null,
        new Date(),
      );
      if (revoked === null) return problemResponse(problem(404, missing));
      recordActivity({
        kind: 'risk-revoked',
        request: c.req.raw,
        tenant: scoped.tenantName,
        detail: `${ruleCatalogue[revoked.rule].title} on ${revoked.clientName}`,
      });
      return json(revoked);
    });
  });

  const neverEdited = () =>
    problemResponse(problem(405, 'An acceptance is recorded (POST) or revoked (DELETE), never edited.'), {
      allow: 'GET, POST, DELETE',
    });
  app.on(['PUT', 'PATCH'], '/api/audit/acceptances', neverEdited);
  app.on(['PUT', 'PATCH'], '/api/audit/acceptances/*', neverEdited);
}
