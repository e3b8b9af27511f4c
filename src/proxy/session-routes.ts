// POST/GET/DELETE /api/session: connect with a configuration client, read the connection's non-secret facts,
// forget it.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { checkConnection } from '../identity-cloud/connection-rules.ts';
import type { SessionFacts } from '../identity-cloud/session-facts.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { problem, problemResponse, ProblemError } from './problem.ts';
import type { Session } from './session-store.ts';
import { exchangeToken, type TokenGrant } from './token-exchange.ts';

export const sessionCookieName = 'idc_session';
export const sessionBodyLimitBytes = 8 * 1024;

export function sessionFacts(session: Session, grant: TokenGrant): SessionFacts {
  return {
    identityDomain: session.connection.identityDomain,
    customerId: session.connection.customerId,
    clientId: session.connection.clientId,
    scope: grant.scope,
    expiresAt: new Date(grant.expiresAt).toISOString(),
    source: session.source,
  };
}

export function notConnected(): Response {
  return problemResponse(problem(401, 'You are not connected: connect with a configuration client first.'));
}

function useSecureCookie(c: Context, setting: boolean | 'auto'): boolean {
  if (setting !== 'auto') return setting;
  return new URL(c.req.url).protocol === 'https:';
}

export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, sessionCookieName);
}

export function mountSessionRoutes(app: Hono<ProxyEnv>, runtime: ProxyRuntime): void {
  const { options } = runtime;

  app.post(
    '/api/session',
    bodyLimit({
      maxSize: sessionBodyLimitBytes,
      onError: () =>
        problemResponse(
          problem(413, `The connection form is larger than ${sessionBodyLimitBytes / 1024} kB.`),
        ),
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return problemResponse(
          problem(
            400,
            'Send the connection as a JSON object: identityDomain, customerId, clientId, clientSecret.',
          ),
        );
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return problemResponse(
          problem(
            400,
            'Send the connection as a JSON object: identityDomain, customerId, clientId, clientSecret.',
          ),
        );
      }
      const check = checkConnection(body);
      if (!check.ok) {
        return problemResponse({
          title: 'Invalid connection',
          status: 400,
          detail: `Check ${check.errors.length === 1 ? 'this field' : 'these fields'}: ${check.errors.map((error) => error.message).join(' ')}`,
          errors: check.errors,
        });
      }
      let grant: TokenGrant;
      try {
        grant = await exchangeToken(
          check.connection,
          {
            timeoutMs: options.upstreamTimeoutMs,
            maxResponseBytes: options.maxResponseBytes,
            counter: c.get('counter'),
          },
          c.req.raw.signal,
        );
      } catch (error) {
        if (error instanceof ProblemError) return problemResponse(error.toProblem());
        throw error;
      }
      const previous = sessionCookie(c);
      if (previous !== undefined) runtime.sessions.delete(previous);
      const session = runtime.sessions.create(check.connection, runtime.tokenSource(check.connection, grant));
      setCookie(c, sessionCookieName, session.id, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api',
        secure: useSecureCookie(c, options.secureCookies),
      });
      c.header('cache-control', 'no-store');
      return c.json(sessionFacts(session, grant), 201);
    },
  );

  app.get('/api/session', async (c) => {
    const session = runtime.resolveSession(sessionCookie(c));
    if (session === null) return notConnected();
    try {
      const grant = await session.tokens.get(c.get('counter'));
      c.header('cache-control', 'no-store');
      return c.json(sessionFacts(session, grant), 200);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error.toProblem());
      throw error;
    }
  });

  app.delete('/api/session', (c) => {
    const id = sessionCookie(c);
    if (id !== undefined) runtime.sessions.delete(id);
    deleteCookie(c, sessionCookieName, {
      path: '/api',
      httpOnly: true,
      sameSite: 'Strict',
      secure: useSecureCookie(c, options.secureCookies),
    });
    return c.body(null, 204);
  });
}
