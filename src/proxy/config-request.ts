// One GET on the configuration API, with everything that makes it dependable: a slot from the tenant's gate, the
// session's cached token (re-exchanged once on 401/403), Retry-After on 429, exponential backoff with jitter on
// 5xx, resets, hangs and malformed bodies, per-attempt timeouts, and a sentence for every way it can end badly.
import { configErrorSchema } from '../identity-cloud/schemas.ts';
import { refusedAddressMessage, type AddressPolicy } from './address-policy.ts';
import { sessionRedactor } from './session-secrets.ts';
import { ProblemError } from './problem.ts';
import { backoffDelayMs, parseRetryAfterMs, sleep } from './retry-policy.ts';
import type { Session } from './session-store.ts';
import type { GatePriority, TenantGate } from './tenant-gate.ts';
import { unreachableSentence } from './token-exchange.ts';
import { fetchUpstream, parseJson, UpstreamFailure, type UpstreamCounter } from './upstream-fetch.ts';

export interface UpstreamSettings {
  /** Per-attempt ceiling, and the overall deadline of a forwarded request. */
  upstreamTimeoutMs: number;
  maxResponseBytes: number;
  /** Where the session's requests may connect; default trusted. */
  addresses?: AddressPolicy | undefined;
}

/** Retries and refusals seen, for the inventory's summary and the benchmark. */
export interface RetryStats {
  requests: number;
  retries: number;
  rateLimited: number;
  reExchanges: number;
}

export function emptyRetryStats(): RetryStats {
  return { requests: 0, retries: 0, rateLimited: 0, reExchanges: 0 };
}

export interface ConfigGetOptions {
  /** Path below `/{customerId}/config/`, built from validated ids. */
  path: string;
  /** What is being read, for sentences: "the client list", "client 1234…". */
  label: string;
  priority: GatePriority;
  signal?: AbortSignal | undefined;
  /** Attempts for faults (5xx, resets, hangs, malformed bodies). */
  maxAttempts: number;
  /** 429s tolerated before giving up. */
  maxRateLimitRetries: number;
  /** Overall deadline in ms from the start, all attempts included; none when absent. */
  deadlineMs?: number | undefined;
  /** Derive the attempt timeout from observed latency (item GETs), rather than the full upstream timeout (lists). */
  adaptiveTimeout: boolean;
  /** Shape check of a 2xx body; a body that fails it is treated as malformed (retried). */
  isValid?: ((body: unknown) => boolean) | undefined;
  stats?: RetryStats | undefined;
  counter?: UpstreamCounter | undefined;
}

export interface ConfigContext {
  session: Session;
  gate: TenantGate;
  settings: UpstreamSettings;
}

export type ConfigResult = { ok: true; status: number; body: unknown } | { ok: false; problem: ProblemError };

/** Adaptive attempt timeouts never go below this (or half the upstream timeout, when that is smaller). */
const minAttemptTimeoutMs = 1_000;

export function configUrl(session: Session, path: string): string {
  const { identityDomain, customerId } = session.connection;
  return `${identityDomain}/${encodeURIComponent(customerId)}/config/${path}`;
}

function upstreamErrorText(body: unknown, session: Session): string | null {
  const parsed = configErrorSchema.safeParse(body);
  if (!parsed.success || typeof parsed.data.errors !== 'string') return null;
  // Redacted before it is cut: a secret cut in half would no longer be recognised.
  const text = sessionRedactor(session).text(parsed.data.errors.trim()).slice(0, 200);
  return text === '' ? null : text;
}

function finalProblem(
  status: number,
  body: unknown,
  options: ConfigGetOptions,
  session: Session,
): ProblemError {
  const upstream = upstreamErrorText(body, session);
  const suffix = upstream === null ? '' : ` Identity Cloud said: “${upstream}”.`;
  if (status === 404) {
    return new ProblemError(404, `Identity Cloud has no ${options.label} (404).${suffix}`);
  }
  return new ProblemError(
    status,
    `Identity Cloud refused the request for ${options.label} (status ${status}).${suffix}`,
  );
}

function refusalProblem(status: 401 | 403, options: ConfigGetOptions): ProblemError {
  if (status === 403) {
    return new ProblemError(
      403,
      `The configuration client’s token is not allowed to read ${options.label}: Identity Cloud answered 403 Forbidden, also to a freshly exchanged token. Ask for a scope that covers it (for example GET:config/**).`,
    );
  }
  return new ProblemError(
    401,
    `Identity Cloud refused the access token for ${options.label}, even a freshly exchanged one. Connect again.`,
    { title: 'Credentials refused' },
  );
}

function faultProblem(
  failure: UpstreamFailure,
  options: ConfigGetOptions,
  context: ConfigContext,
  attempts: number,
) {
  const domain = context.session.connection.identityDomain;
  switch (failure.reason) {
    case 'timeout':
      return new ProblemError(
        504,
        `Identity Cloud did not return ${options.label} in time (${attempts} attempt${attempts === 1 ? '' : 's'}). Try again later.`,
      );
    case 'unreachable':
      return new ProblemError(502, unreachableSentence(domain, failure.code));
    case 'redirect':
      return new ProblemError(
        502,
        `Identity Cloud answered the request for ${options.label} with a redirect, which is never followed. Check the identity domain.`,
      );
    case 'too-large':
      return new ProblemError(
        502,
        `Identity Cloud’s answer for ${options.label} is larger than the proxy accepts (${context.settings.maxResponseBytes} bytes, MAX_RESPONSE_BYTES).`,
      );
    case 'reset':
      return new ProblemError(
        502,
        `The connection to ${domain} failed while reading ${options.label} (${attempts} attempt${attempts === 1 ? '' : 's'}). Try again in a moment.`,
      );
    case 'aborted':
      return new ProblemError(499, 'The request was cancelled.', { title: 'Cancelled' });
    case 'refused-address':
      return new ProblemError(502, refusedAddressMessage('special'));
  }
}

type Attempt =
  | { kind: 'ok'; status: number; body: unknown }
  | { kind: 'rate-limited'; retryAfterMs: number }
  | { kind: 'refused'; status: 401 | 403; accessToken: string }
  | { kind: 'fault'; problem: ProblemError }
  | { kind: 'final'; problem: ProblemError };

/** Throws the signal's reason when aborted, so that callers unwind without producing a result. */
function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason as Error;
}

async function attemptOnce(
  context: ConfigContext,
  options: ConfigGetOptions,
  timeoutMs: number,
  attempts: number,
): Promise<Attempt> {
  const { session, gate } = context;
  // The token first, outside the gate: a renewal must not hold a slot of the tenant's concurrency.
  await session.tokens.get(options.counter);
  throwIfAborted(options.signal);
  const ticket = await gate.acquire(options.priority, options.signal);
  let outcome: 'success' | 'rate-limited' | 'other' = 'other';
  let retryAfterMs: number | undefined;
  try {
    // An inventory queues thousands of requests here, and the token may have been renewed or refused meanwhile:
    // send the current one. Replaying the token read before queueing made every queued request fail once (403),
    // spending its single re-exchange, so that a second refusal during the same inventory failed it outright.
    const grant = session.tokens.peek() ?? (await session.tokens.get(options.counter));
    throwIfAborted(options.signal);
    if (options.stats) options.stats.requests += 1;
    const response = await fetchUpstream(
      {
        url: configUrl(session, options.path),
        method: 'GET',
        headers: { authorization: `Bearer ${grant.accessToken}`, accept: 'application/json' },
        timeoutMs,
        maxBytes: context.settings.maxResponseBytes,
        signal: options.signal,
        addresses: context.settings.addresses,
      },
      options.counter,
    );
    const json = parseJson(response.text);
    if (response.status === 429) {
      outcome = 'rate-limited';
      retryAfterMs = parseRetryAfterMs(response.header('retry-after'));
      return { kind: 'rate-limited', retryAfterMs };
    }
    if (response.status === 401 || response.status === 403) {
      return { kind: 'refused', status: response.status, accessToken: grant.accessToken };
    }
    if (response.status >= 500) {
      return {
        kind: 'fault',
        problem: new ProblemError(
          502,
          `Identity Cloud failed to return ${options.label} (status ${response.status}, ${attempts} attempt${attempts === 1 ? '' : 's'}). Try again in a moment.`,
        ),
      };
    }
    if (response.status >= 400) {
      outcome = 'success'; // the tenant answered promptly: capacity is fine
      return {
        kind: 'final',
        problem: finalProblem(response.status, json.ok ? json.value : null, options, session),
      };
    }
    if (!json.ok || (options.isValid !== undefined && !options.isValid(json.value))) {
      return {
        kind: 'fault',
        problem: new ProblemError(
          502,
          `Identity Cloud’s answer for ${options.label} is not the JSON the configuration API returns (${attempts} attempt${attempts === 1 ? '' : 's'}). Try again; if it persists, check the identity domain.`,
        ),
      };
    }
    outcome = 'success';
    return { kind: 'ok', status: response.status, body: json.value };
  } catch (error) {
    if (!(error instanceof UpstreamFailure)) throw error;
    if (error.reason === 'aborted') throw options.signal?.reason ?? error;
    const problem = faultProblem(error, options, context, attempts);
    const retryable = error.reason === 'timeout' || error.reason === 'reset';
    return retryable ? { kind: 'fault', problem } : { kind: 'final', problem };
  } finally {
    gate.release(ticket, outcome, retryAfterMs);
  }
}

/**
 * GETs one configuration resource. Resolves with the JSON (not yet redacted) or a problem; rejects only when the
 * signal aborts.
 */
export async function getConfig(context: ConfigContext, options: ConfigGetOptions): Promise<ConfigResult> {
  const started = performance.now();
  const remaining = () =>
    options.deadlineMs === undefined
      ? Number.POSITIVE_INFINITY
      : options.deadlineMs - (performance.now() - started);
  let faults = 0;
  let rateLimits = 0;
  let reExchanged = false;
  let lastFault: ProblemError | null = null;

  for (;;) {
    throwIfAborted(options.signal);
    const timeLeft = remaining();
    if (timeLeft <= 0) {
      return {
        ok: false,
        problem:
          lastFault ??
          new ProblemError(504, `Identity Cloud did not return ${options.label} in time. Try again later.`),
      };
    }
    // Per-attempt timeout: a hung request must not hold a slot for the whole upstream timeout. From the observed
    // latency when asked (item GETs), doubling with each failed attempt so that a slow answer still gets through.
    const estimate = options.adaptiveTimeout ? context.gate.latencyEstimateMs() : null;
    const ceiling = context.settings.upstreamTimeoutMs;
    const base =
      estimate === null ? ceiling : Math.max(Math.min(minAttemptTimeoutMs, ceiling / 2), 4 * estimate);
    const attemptTimeout = Math.min(timeLeft, ceiling, base * 2 ** faults);

    let attempt: Attempt;
    try {
      attempt = await attemptOnce(context, options, attemptTimeout, faults + 1);
    } catch (error) {
      if (error instanceof ProblemError) return { ok: false, problem: renewalProblem(error) };
      throw error;
    }

    switch (attempt.kind) {
      case 'ok':
        return { ok: true, status: attempt.status, body: attempt.body };
      case 'final':
        return { ok: false, problem: attempt.problem };
      case 'refused':
        if (reExchanged) return { ok: false, problem: refusalProblem(attempt.status, options) };
        // Expired tokens answer 403 too (the reference says so): exchange once more, retry once.
        reExchanged = true;
        // A token exchanged after a refusal and refused again is a permission refusal: no new exchange.
        if (!context.session.tokens.invalidate(attempt.accessToken)) {
          return { ok: false, problem: refusalProblem(attempt.status, options) };
        }
        if (options.stats) options.stats.reExchanges += 1;
        continue;
      case 'rate-limited':
        rateLimits += 1;
        if (options.stats) options.stats.rateLimited += 1;
        if (rateLimits > options.maxRateLimitRetries) {
          return {
            ok: false,
            problem: new ProblemError(
              429,
              `Identity Cloud kept rate-limiting the requests for ${options.label}. Wait a moment and try again.`,
            ),
          };
        }
        if (options.stats) options.stats.retries += 1;
        await sleep(Math.min(attempt.retryAfterMs, Math.max(0, remaining())), options.signal);
        continue;
      case 'fault':
        faults += 1;
        lastFault = attempt.problem;
        if (faults >= options.maxAttempts) return { ok: false, problem: attempt.problem };
        if (options.stats) options.stats.retries += 1;
        await sleep(Math.min(backoffDelayMs(faults), Math.max(0, remaining())), options.signal);
        continue;
    }
  }
}

/** A token renewal that failed in the middle of a request: say so, keeping the exchange's own sentence. */
function renewalProblem(error: ProblemError): ProblemError {
  if (error.status === 401) {
    return new ProblemError(401, `Renewing the access token failed: ${error.message}`, {
      title: 'Credentials refused',
    });
  }
  return error;
}
