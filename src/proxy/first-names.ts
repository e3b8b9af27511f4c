// The first page of client names for the HTML of `/clients`: one read of the client list (the inventory's own
// list call, through the tenant's gate and with the session's token), bounded by a short deadline so that a slow
// or failing tenant costs the page nothing but that deadline. Never an error: the plain page is the fallback.
import type { Context } from 'hono';
import { configResources } from '../identity-cloud/config-resources.ts';
import { firstClientNames, firstNamesPageSize, type FirstNames } from '../identity-cloud/first-names.ts';
import { getConfig } from './config-request.ts';
import type { ProxyEnv } from './proxy-env.ts';
import type { ProxyRuntime } from './proxy-runtime.ts';
import { peekRequestSession } from './session-resolution.ts';
import { sessionRedactor } from './session-secrets.ts';
import { gatePriority } from './tenant-gate.ts';

export interface FirstNamesRequest {
  /** The page waits at most this long for the list (the token exchange included, when none is cached). */
  timeoutMs: number;
  limit?: number;
}

export async function readFirstNames(
  c: Context<ProxyEnv>,
  runtime: ProxyRuntime,
  request: FirstNamesRequest,
): Promise<FirstNames | null> {
  const session = peekRequestSession(c, runtime);
  if (session === null) return null;
  const { listSchema, collection, listLabel } = configResources.client;
  let parsed: ReturnType<typeof listSchema.safeParse> | undefined;
  const signal = AbortSignal.any([
    c.req.raw.signal,
    session.lifetime.signal,
    AbortSignal.timeout(request.timeoutMs),
  ]);
  try {
    const result = await getConfig(runtime.configContext(session), {
      path: collection,
      label: listLabel,
      priority: gatePriority.inventoryList,
      signal,
      // One attempt: a retry, a Retry-After or a backoff would hold the page longer than the names are worth.
      maxAttempts: 1,
      maxRateLimitRetries: 0,
      deadlineMs: request.timeoutMs,
      adaptiveTimeout: false,
      isValid: (body) => {
        parsed = listSchema.safeParse(body);
        return parsed.success;
      },
    });
    if (!result.ok || parsed?.success !== true) return null;
    const names = firstClientNames(parsed.data.items, request.limit ?? firstNamesPageSize);
    const { identityDomain, customerId } = session.connection;
    // Names are not secrets, but the tenant may echo one (a client named after its secret): the inventory's
    // redaction applies here as it does to the list line.
    return sessionRedactor(session).value({
      identityDomain,
      customerId,
      total: parsed.data.total,
      clients: names,
    }) as FirstNames;
  } catch {
    // Aborted (the deadline, the browser gone, the session ended) or the list too deeply nested to redact.
    return null;
  }
}
