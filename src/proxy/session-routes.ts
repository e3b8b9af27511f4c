// POST/GET/DELETE /api/session: connect with a configuration client, read the connection's non-secret facts,
// forget it.
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { checkConnection } from '../identity-cloud/connection-rules.ts';
import { hostVerdict, refusedAddressMessage } from './address-policy.ts';
import { clientAddress } from './client-address.ts';
import type { SessionFacts } from '../identity-cloud/session-facts.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { problem, problemResponse, ProblemError } from './problem.ts';
import {
  clearedSessionCookies,
  readSessionCookie,
  setSessionCookie,
  withClearedSessionCookies,
} from './session-cookie.ts';
import { resolveRequestSession } from './session-resolution.ts';
import type { Session } from './session-store.ts';
import { exchangeToken, type TokenGrant } from './token-exchange.ts';

export { notConnected } from './session-resolution.ts';
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
      const waitMs = runtime.sessionCreations.take(clientAddress(c) ?? 'in-process');
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        return problemResponse(
          problem(
            429,
            `Too many connection attempts from your address: wait ${seconds} s before connecting again.`,
          ),
          { 'retry-after': String(seconds) },
        );
      }
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
      const addresses = runtime.addressPolicyFor('form');
      // Before any connection: a name that resolves to loopback or a private range is refused here, and the
      // agent's lookup checks again at connect time (DNS may answer differently the second time).
      const verdict = await hostVerdict(new URL(check.connection.identityDomain).hostname, addresses);
      if (verdict === 'loopback' || verdict === 'special') {
        const message = refusedAddressMessage(verdict);
        return problemResponse({
          title: 'Invalid connection',
          status: 400,
          detail: `Check this field: ${message}`,
          errors: [{ field: 'identityDomain', message }],
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
            addresses,
            unverifiedDomain: true,
          },
          c.req.raw.signal,
        );
      } catch (error) {
        if (error instanceof ProblemError) return problemResponse(error.toProblem());
        throw error;
      }
      const previous = readSessionCookie(c, options.secureCookies);
      for (const id of previous.kind === 'absent' ? [] : previous.values) runtime.sessions.delete(id);
      const session = runtime.sessions.create(
        check.connection,
        runtime.tokenSource(check.connection, grant, addresses),
      );
      setSessionCookie(c, options.secureCookies, session.id);
      options.recordActivity({
        kind: 'connection',
        request: c.req.raw,
        tenant: `${check.connection.identityDomain}/${check.connection.customerId}`,
        detail: `configuration client ${check.connection.clientId}`,
      });
      c.header('cache-control', 'no-store');
      return c.json(sessionFacts(session, grant), 201);
    },
  );

  app.get('/api/session', async (c) => {
    const resolved = resolveRequestSession(c, runtime);
    if (!resolved.ok) return resolved.response;
    const { session } = resolved;
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
    const cookie = readSessionCookie(c, options.secureCookies);
    // Every session a cookie names is forgotten, also when two were sent (one planted): none survives a sign-out.
    for (const id of cookie.kind === 'absent' ? [] : cookie.values) runtime.sessions.delete(id);
    if (cookie.kind === 'duplicated') {
      return withClearedSessionCookies(
        c,
        options.secureCookies,
        problemResponse(
          problem(
            401,
            'Your session was ended because your browser sent the session cookie twice, so one of them was set by another page: both sessions were closed and the cookies cleared.',
            { reason: 'cookie-sent-twice' },
          ),
        ),
      );
    }
    for (const value of clearedSessionCookies(c, options.secureCookies)) {
      c.header('set-cookie', value, { append: true });
    }
    return c.body(null, 204);
  });
}
