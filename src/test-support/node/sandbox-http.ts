// Small HTTP helpers for tests that talk to a running sandbox over real sockets.
import { afterEach, beforeEach } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/start-sandbox.ts';
import { sendRawBytes } from './raw-socket.ts';

export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

export interface TokenRequest {
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  /** Overrides the whole body (then `scope` is ignored). */
  body?: string | FormData;
  contentType?: string;
  authorization?: string | null;
}

/** `POST /{customerId}/login/token`, urlencoded unless a FormData body is given. */
export function requestToken(sandbox: RunningSandbox, request: TokenRequest = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const authorization =
    request.authorization === undefined
      ? basicAuthorization(request.clientId ?? sandbox.clientId, request.clientSecret ?? sandbox.clientSecret)
      : request.authorization;
  if (authorization !== null) headers.authorization = authorization;
  let body = request.body;
  if (body === undefined) {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (request.scope !== undefined) form.set('scope', request.scope);
    body = form.toString();
  }
  if (typeof body === 'string')
    headers['content-type'] = request.contentType ?? 'application/x-www-form-urlencoded';
  return fetch(`${sandbox.identityDomain}/${sandbox.customerId}/login/token`, {
    method: 'POST',
    headers,
    body,
  });
}

/** A fresh access token, or a thrown error saying why there is none. */
export async function accessToken(sandbox: RunningSandbox, request: TokenRequest = {}): Promise<string> {
  const response = await requestToken(sandbox, request);
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || body.access_token === undefined) {
    throw new Error(`Token exchange failed with ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

/**
 * For a test file: before each test, a sandbox of its own (quiet) and an access token for it, handed to `use`;
 * the sandbox is closed after the test.
 */
export function sandboxForEachTest(
  use: (sandbox: RunningSandbox, token: string) => void,
  options: SandboxOptions = {},
): void {
  let started: RunningSandbox | undefined;
  beforeEach(async () => {
    started = await startSandbox({ quiet: true, ...options });
    use(started, await accessToken(started));
  });
  afterEach(async () => {
    await started?.close();
    started = undefined;
  });
}

export function configUrl(sandbox: RunningSandbox, path: string): string {
  return `${sandbox.identityDomain}/${sandbox.customerId}/config/${path}`;
}

export function getConfig(
  sandbox: RunningSandbox,
  path: string,
  token: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(configUrl(sandbox, path), {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
  });
}

/** Sends bytes as they are (no URL normalisation by a client library) and returns whatever comes back. */
export function rawHttp(sandbox: RunningSandbox, text: string): Promise<string> {
  return sendRawBytes(sandbox.identityDomain, text, { halfClose: true });
}

/** The status code of a raw HTTP answer, e.g. 404 from `HTTP/1.1 404 Not Found`. */
export function rawStatus(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'NaN');
}
