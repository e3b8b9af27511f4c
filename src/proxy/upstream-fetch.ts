// One HTTP exchange with Identity Cloud: never follows redirects, bounded in time (per attempt) and in size, and
// every failure classified so that callers can decide to retry, explain or give up.
//
// Built on node:http(s) with keep-alive agents rather than fetch: the inventory makes thousands of small requests,
// and fetch's WHATWG streams and signals cost several times more CPU per request, which showed up directly as
// event-loop lag and lost throughput in the fan-out benchmark.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  addressVerdict,
  bareHostName,
  checkedLookup,
  refusedAddressCode,
  trustedAddresses,
  type AddressPolicy,
} from './address-policy.ts';
import { onAbort } from './abort-subscriptions.ts';

export type UpstreamFailureReason =
  'timeout' | 'unreachable' | 'reset' | 'redirect' | 'too-large' | 'aborted' | 'refused-address';

export class UpstreamFailure extends Error {
  readonly reason: UpstreamFailureReason;
  /** The system error code (ECONNREFUSED, ENOTFOUND, …) when there is one. */
  readonly code: string | undefined;

  constructor(reason: UpstreamFailureReason, message: string, code?: string) {
    super(message);
    this.name = 'UpstreamFailure';
    this.reason = reason;
    this.code = code;
  }
}

export interface UpstreamRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal | undefined;
  /** Where this request may connect; default trusted (the operator's own domain). */
  addresses?: AddressPolicy | undefined;
}

export interface UpstreamResponse {
  status: number;
  /** A response header by lowercase name (first value when repeated). */
  header: (name: string) => string | null;
  text: string;
}

/** Counts upstream HTTP calls for the request log. */
export interface UpstreamCounter {
  calls: number;
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

// Keep-alive: the fan-out reuses a socket per concurrent slot instead of a handshake per request. One pair of
// agents per address policy, so that a socket opened for a trusted domain is never reused for a checked one.
const agents = new Map<string, { http: HttpAgent; https: HttpsAgent }>();
function agentsFor(policy: AddressPolicy): { http: HttpAgent; https: HttpsAgent } {
  const key = policy.kind === 'trusted' ? 'trusted' : `checked:${String(policy.allowLoopback)}`;
  let pair = agents.get(key);
  if (pair === undefined) {
    const options = {
      keepAlive: true,
      maxSockets: Number.POSITIVE_INFINITY,
      ...(policy.kind === 'checked' ? { lookup: checkedLookup(policy) } : {}),
    };
    pair = { http: new HttpAgent(options), https: new HttpsAgent(options) };
    agents.set(key, pair);
  }
  return pair;
}

function headerReader(headers: IncomingHttpHeaders): (name: string) => string | null {
  return (name) => {
    const value = headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? (value[0] ?? null) : value;
  };
}

export function fetchUpstream(
  request: UpstreamRequest,
  counter?: UpstreamCounter,
): Promise<UpstreamResponse> {
  if (request.signal?.aborted)
    return Promise.reject(new UpstreamFailure('aborted', 'The request was cancelled.'));
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.reject(new UpstreamFailure('unreachable', 'The address is not a URL.', 'ERR_INVALID_URL'));
  }
  const policy = request.addresses ?? trustedAddresses;
  const hostname = bareHostName(url.hostname);
  // An IP literal is connected to without any lookup: checked here instead.
  if (isIP(hostname) !== 0 && addressVerdict(hostname, policy) !== 'allowed') {
    return Promise.reject(
      new UpstreamFailure(
        'refused-address',
        'The address is not one the proxy connects to.',
        refusedAddressCode,
      ),
    );
  }
  if (counter) counter.calls += 1;
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;

  return new Promise<UpstreamResponse>((resolve, reject) => {
    let settled = false;
    let unsubscribe: () => void = () => undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      outcome();
    };
    const fail = (failure: UpstreamFailure) => {
      if (settled) return;
      finish(() => {
        reject(failure);
      });
      outgoing.destroy();
    };
    const timer = setTimeout(
      () => {
        fail(new UpstreamFailure('timeout', `No answer within ${request.timeoutMs} ms.`));
      },
      Math.max(1, Math.ceil(request.timeoutMs)),
    );

    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
    const outgoing = send(
      {
        protocol: url.protocol,
        hostname,
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers,
        agent: secure ? agentsFor(policy).https : agentsFor(policy).http,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          response.resume();
          fail(new UpstreamFailure('redirect', `Redirected (status ${status}).`));
          return;
        }
        const declared = Number(response.headers['content-length'] ?? Number.NaN);
        if (Number.isFinite(declared) && declared > request.maxBytes) {
          fail(new UpstreamFailure('too-large', `The response is larger than ${request.maxBytes} bytes.`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > request.maxBytes) {
            fail(new UpstreamFailure('too-large', `The response is larger than ${request.maxBytes} bytes.`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          finish(() => {
            resolve({
              status,
              header: headerReader(response.headers),
              text: Buffer.concat(chunks, size).toString('utf8'),
            });
          });
        });
        response.on('error', (error: NodeJS.ErrnoException) => {
          fail(new UpstreamFailure('reset', `The connection failed while reading.`, error.code));
        });
        response.on('aborted', () => {
          fail(new UpstreamFailure('reset', 'The connection closed in the middle of the answer.'));
        });
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code;
      if (code === refusedAddressCode) {
        fail(new UpstreamFailure('refused-address', 'The address is not one the proxy connects to.', code));
      } else if (code !== undefined && unreachableCodes.has(code)) {
        fail(new UpstreamFailure('unreachable', `Could not connect (${code}).`, code));
      } else {
        fail(new UpstreamFailure('reset', `The connection failed${code ? ` (${code})` : ''}.`, code));
      }
    });
    if (request.signal !== undefined) {
      unsubscribe = onAbort(request.signal, () => {
        fail(new UpstreamFailure('aborted', 'The request was cancelled.'));
      });
    }
    outgoing.end(request.body);
  });
}

/** Parses JSON; callers decide what a body that is not JSON means. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
