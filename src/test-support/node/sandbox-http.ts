// Small HTTP helpers for tests that talk to a running sandbox over real sockets.
import { connect } from 'node:net';
import type { RunningSandbox } from '../../sandbox/start-sandbox.ts';

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
  const { hostname, port } = new URL(sandbox.identityDomain);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.end(text);
    });
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('close', () => {
      resolve(received);
    });
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('No answer within 5 s')));
  });
}

/** The status code of a raw HTTP answer, e.g. 404 from `HTTP/1.1 404 Not Found`. */
export function rawStatus(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'NaN');
}
