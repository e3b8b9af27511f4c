// POST /api/activity/exports: the browser says it saved a file (kind, format, how many clients), and the access log
// records it with the tenant of the session, the person and the address the server sees. The files themselves are
// made in the browser from what it already holds; the server never receives them. The origin guards of the proxy
// refuse this from other sites, and the tenant comes from the session, never from the request.
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { exportActivityDetail, exportActivitySchema } from '../identity-cloud/export-activity.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { problem, problemResponse } from './problem.ts';
import { resolveRequestSession } from './session-resolution.ts';

export const exportActivityPath = '/api/activity/exports';
const bodyLimitBytes = 1024;

export function mountExportActivityRoute(app: Hono<ProxyEnv>, runtime: ProxyRuntime): void {
  app.post(
    exportActivityPath,
    bodyLimit({
      maxSize: bodyLimitBytes,
      onError: () => problemResponse(problem(413, `An export record is at most ${bodyLimitBytes} bytes.`)),
    }),
    async (c) => {
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
        return problemResponse(problem(415, 'Send the export record as application/json.'));
      }
      const resolved = resolveRequestSession(c, runtime);
      if (!resolved.ok) return resolved.response;
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return problemResponse(problem(400, 'Send the export record as a JSON object: kind, format, count.'));
      }
      const parsed = exportActivitySchema.safeParse(body);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.join('.') || 'body';
        return problemResponse(
          problem(400, `Check ${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}.`, {
            errors: [{ field, message: parsed.error.issues[0]?.message ?? 'invalid' }],
          }),
        );
      }
      const { identityDomain, customerId } = resolved.session.connection;
      runtime.options.recordActivity({
        kind: 'export',
        request: c.req.raw,
        tenant: `${identityDomain}/${customerId}`,
        detail: exportActivityDetail(parsed.data),
      });
      return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
    },
  );
  app.all(exportActivityPath, () =>
    problemResponse(problem(405, `${exportActivityPath} answers POST only.`), { allow: 'POST' }),
  );
}
