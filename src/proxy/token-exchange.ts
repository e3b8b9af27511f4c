// The client-credentials exchange at `{identityDomain}/{customerId}/login/token`, with every way it can fail told
// in one sentence a person can act on. The secret travels only in the Authorization header to the token endpoint.
import { defaultScope, type Connection } from '../identity-cloud/connection-rules.ts';
import { oauthErrorSchema, tokenResponseSchema } from '../identity-cloud/schemas.ts';
import type { AddressPolicy } from './address-policy.ts';
import { refusedAddressMessage } from './address-policy.ts';
import { ProblemError } from './problem.ts';
import { backoffDelayMs, parseRetryAfterMs, sleep } from './retry-policy.ts';
import { fetchUpstream, parseJson, UpstreamFailure, type UpstreamCounter } from './upstream-fetch.ts';

export interface TokenGrant {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Lifetime as granted, in milliseconds (used to refresh shortly before expiry). */
  lifetimeMs: number;
  scope: string;
}

export interface TokenExchangeOptions {
  /** Overall deadline for the exchange, all attempts included. */
  timeoutMs: number;
  maxResponseBytes: number;
  counter?: UpstreamCounter | undefined;
  now?: () => number;
  /** Where the exchange may connect; default trusted (the operator's own domain). */
  addresses?: AddressPolicy | undefined;
  /**
   * The domain has never answered as an Identity Cloud tenant (a first connection from the form): every failure
   * short of an OAuth answer gets the same sentence, so that the answers cannot map which ports are open.
   */
  unverifiedDomain?: boolean | undefined;
}

const defaultLifetimeSeconds = 3600;
/** A token lifetime beyond a day is not believed (and 1e300 s would not fit a date). */
export const maxTokenLifetimeSeconds = 86_400;

/** Problems that only an Identity Cloud token endpoint gives (an OAuth error body): the domain answered. */
const tenantAnswers = new WeakSet<ProblemError>();

export function noTenantSentence(connection: Pick<Connection, 'identityDomain' | 'customerId'>): string {
  return `No Identity Cloud token endpoint answered at ${connection.identityDomain} for customer ${connection.customerId}. Check the identity domain and customer ID, and that the tenant is reachable from the dashboard's server.`;
}
const maxAttempts = 3;

/** RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

export function tokenEndpointUrl(connection: Pick<Connection, 'identityDomain' | 'customerId'>): string {
  return `${connection.identityDomain}/${encodeURIComponent(connection.customerId)}/login/token`;
}

function describeFailure(failure: UpstreamFailure, connection: Connection, timeoutMs: number): ProblemError {
  const domain = connection.identityDomain;
  switch (failure.reason) {
    case 'timeout':
      return new ProblemError(
        504,
        `The token endpoint at ${domain} did not answer within ${Math.round(timeoutMs / 100) / 10} s. Check the identity domain, or try again later.`,
      );
    case 'unreachable':
      return new ProblemError(502, unreachableSentence(domain, failure.code));
    case 'redirect':
      return new ProblemError(
        502,
        `The token endpoint at ${domain} answered with a redirect, which is never followed. Check the identity domain: it is not an Identity Cloud API address.`,
      );
    case 'too-large':
      return new ProblemError(
        502,
        `The token endpoint at ${domain} sent an oversized answer: it is not an Identity Cloud token endpoint. Check the identity domain.`,
      );
    case 'aborted':
      return new ProblemError(499, 'The request was cancelled.', { title: 'Cancelled' });
    case 'reset':
      return new ProblemError(
        502,
        `The connection to ${domain} failed. Check the identity domain, or try again in a moment.`,
      );
    case 'refused-address':
      return new ProblemError(400, refusedAddressMessage('special'));
  }
}

/** Shared with the forwarder: why nothing answered at the identity domain. */
export function unreachableSentence(domain: string, code: string | undefined): string {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `The host name of ${domain} could not be resolved. Check the identity domain.`;
  }
  if (code === 'ECONNREFUSED') {
    return `Nothing is listening at ${domain} (connection refused). Check the identity domain, and that the service is running.`;
  }
  return `${domain} could not be reached${code ? ` (${code})` : ''}. Check the identity domain and the network.`;
}

function notATokenEndpoint(connection: Connection): ProblemError {
  return new ProblemError(
    502,
    `${connection.identityDomain} answered, but not like an Identity Cloud token endpoint (not an Identity Cloud token endpoint?). Check the identity domain and customer ID.`,
  );
}

function refused(status: number, body: unknown): ProblemError {
  const oauthError = oauthErrorSchema.safeParse(body);
  // Only the standard error code is shown: the description is free text from the upstream.
  const code =
    oauthError.success && /^[a-z_]{1,64}$/.test(oauthError.data.error) ? oauthError.data.error : null;
  if (code === 'invalid_scope') {
    return answeredByTenant(
      new ProblemError(
        401,
        'Identity Cloud refused the requested scope (invalid_scope). Leave the scope empty or ask for one the configuration client is allowed.',
        { title: 'Credentials refused' },
      ),
    );
  }
  const problem = new ProblemError(
    401,
    `Identity Cloud refused the client credentials${code ? ` (${code})` : ` (status ${status})`}. Check the client ID and secret of the configuration client.`,
    { title: 'Credentials refused' },
  );
  if (oauthError.success) tenantAnswers.add(problem);
  return problem;
}

function answeredByTenant(problem: ProblemError): ProblemError {
  tenantAnswers.add(problem);
  return problem;
}

/** Exchanges the configuration client's credentials for an access token, or throws a ProblemError. */
export async function exchangeToken(
  connection: Connection,
  options: TokenExchangeOptions,
  signal?: AbortSignal,
): Promise<TokenGrant> {
  if (options.unverifiedDomain !== true) return exchangeOnce(connection, options, signal);
  try {
    return await exchangeOnce(connection, options, signal);
  } catch (error) {
    if (!(error instanceof ProblemError) || tenantAnswers.has(error) || error.status === 499) throw error;
    throw new ProblemError(502, noTenantSentence(connection));
  }
}

async function exchangeOnce(
  connection: Connection,
  options: TokenExchangeOptions,
  signal?: AbortSignal,
): Promise<TokenGrant> {
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const scope = connection.scope ?? defaultScope;
  const body = new URLSearchParams({ grant_type: 'client_credentials', scope }).toString();
  let lastProblem: ProblemError | null = null;

  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const remaining = deadline - now();
    if (remaining <= 0) break;
    let status: number;
    let text: string;
    let header: (name: string) => string | null;
    try {
      ({ status, text, header } = await fetchUpstream(
        {
          url: tokenEndpointUrl(connection),
          method: 'POST',
          headers: {
            authorization: basicAuthorization(connection.clientId, connection.clientSecret),
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body,
          timeoutMs: remaining,
          maxBytes: options.maxResponseBytes,
          signal,
          addresses: options.addresses,
        },
        options.counter,
      ));
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      const problem = describeFailure(error, connection, options.timeoutMs);
      if (error.reason !== 'reset') throw problem;
      lastProblem = problem;
      await sleep(Math.min(backoffDelayMs(attempt), Math.max(0, deadline - now())), signal);
      continue;
    }

    const json = parseJson(text);
    if (status === 200) {
      const grant = json.ok ? tokenResponseSchema.safeParse(json.value) : null;
      if (!grant?.success) throw notATokenEndpoint(connection);
      const granted = grant.data.expires_in ?? defaultLifetimeSeconds;
      const lifetimeSeconds = Number.isFinite(granted)
        ? Math.min(Math.max(granted, 0), maxTokenLifetimeSeconds)
        : defaultLifetimeSeconds;
      const issuedAt = now();
      return {
        accessToken: grant.data.access_token,
        lifetimeMs: lifetimeSeconds * 1000,
        expiresAt: issuedAt + lifetimeSeconds * 1000,
        scope: grant.data.scope ?? scope,
      };
    }
    if (status === 400 || status === 401 || status === 403) {
      if (!json.ok) throw notATokenEndpoint(connection);
      throw refused(status, json.value);
    }
    if (status === 404) {
      throw new ProblemError(
        502,
        `${connection.identityDomain} has no token endpoint for customer ${connection.customerId} (404). Check the customer ID and identity domain.`,
      );
    }
    if (status === 429 || status >= 500) {
      lastProblem = new ProblemError(
        502,
        `The token endpoint at ${connection.identityDomain} failed (status ${status}). Try again in a moment.`,
      );
      const delay = status === 429 ? parseRetryAfterMs(header('retry-after')) : backoffDelayMs(attempt);
      if (attempt < maxAttempts && now() + delay < deadline) {
        await sleep(delay, signal);
        continue;
      }
      throw lastProblem;
    }
    throw notATokenEndpoint(connection);
  }
  throw (
    lastProblem ??
    new ProblemError(
      504,
      `The token endpoint at ${connection.identityDomain} did not answer in time. Try again later.`,
    )
  );
}
