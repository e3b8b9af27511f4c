// The six forwarded GETs of /api/config: plain identifiers only, redacted JSON back, upstream 4xx kept.
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { configResourceKinds, configResources } from '../identity-cloud/config-resources.ts';
import { getConfig, type ConfigContext, type ConfigResult } from './config-request.ts';
import { isPlainIdentifier } from './identifiers.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { cancelledResponse, problem, problemResponse } from './problem.ts';
import { JsonTooDeepError } from '../identity-cloud/redaction.ts';
import { sessionRedactor } from './session-secrets.ts';
import { resolveRequestSession } from './session-resolution.ts';
import { gatePriority } from './tenant-gate.ts';

const forwardMaxAttempts = 3;
const forwardMaxRateLimitRetries = 3;

async function forward(
  c: Context<ProxyEnv>,
  context: ConfigContext,
  request: { path: string; label: string; schema: z.ZodType; item: boolean },
): Promise<Response> {
  const { session, settings } = context;
  const signal = AbortSignal.any([c.req.raw.signal, session.lifetime.signal]);
  let result: ConfigResult;
  try {
    result = await getConfig(context, {
      path: request.path,
      label: request.label,
      priority: gatePriority.interactive,
      signal,
      maxAttempts: forwardMaxAttempts,
      maxRateLimitRetries: forwardMaxRateLimitRetries,
      deadlineMs: settings.upstreamTimeoutMs,
      adaptiveTimeout: request.item,
      isValid: (body) => request.schema.safeParse(body).success,
      counter: c.get('counter'),
    });
  } catch (error) {
    if (signal.aborted) return cancelledResponse(session.lifetime.signal.aborted);
    throw error;
  }
  if (!result.ok) return problemResponse(result.problem.toProblem());
  let body: unknown;
  try {
    body = sessionRedactor(session).value(result.body);
  } catch (error) {
    if (!(error instanceof JsonTooDeepError)) throw error;
    return problemResponse(
      problem(502, `Identity Cloud’s answer for ${request.label} is nested too deeply to be shown.`),
    );
  }
  return new Response(JSON.stringify(body), {
    status: result.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export function mountConfigRoutes(app: Hono<ProxyEnv>, runtime: ProxyRuntime): void {
  for (const kind of configResourceKinds) {
    const spec = configResources[kind];
    app.get(`/api/config/${spec.collection}`, async (c) => {
      const resolved = resolveRequestSession(c, runtime);
      if (!resolved.ok) return resolved.response;
      return forward(c, runtime.configContext(resolved.session), {
        path: spec.collection,
        label: spec.listLabel,
        schema: spec.listSchema,
        item: false,
      });
    });
    app.get(`/api/config/${spec.collection}/:id`, async (c) => {
      const id = c.req.param('id');
      if (!isPlainIdentifier(id)) {
        return problemResponse(
          problem(
            400,
            `A ${spec.noun} id is a plain identifier (letters, digits, “.”, “_”, “~”, “-”; at most 128).`,
          ),
        );
      }
      const resolved = resolveRequestSession(c, runtime);
      if (!resolved.ok) return resolved.response;
      return forward(c, runtime.configContext(resolved.session), {
        path: `${spec.collection}/${id}`,
        label: `${spec.noun} ${id}`,
        schema: spec.itemSchema,
        item: true,
      });
    });
  }

  app.all('/api/config/*', (c) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      return problemResponse(
        problem(404, 'Only the clients, login policies and token policies are forwarded, one level deep.'),
      );
    }
    return problemResponse(problem(405, 'The dashboard only reads: /api/config/* answers GET only.'), {
      allow: 'GET, HEAD',
    });
  });
}
