// One HTTP exchange with Identity Cloud: never follows redirects, bounded in time (per attempt) and in size, and
// every failure classified so that callers can decide to retry, explain or give up.

export type UpstreamFailureReason =
  'timeout' | 'unreachable' | 'reset' | 'redirect' | 'too-large' | 'aborted';

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
}

export interface UpstreamResponse {
  status: number;
  headers: Headers;
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
  'ERR_INVALID_URL',
]);

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new UpstreamFailure('too-large', `The response is larger than ${maxBytes} bytes.`);
  }
  if (response.body === null) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new UpstreamFailure('too-large', `The response is larger than ${maxBytes} bytes.`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export async function fetchUpstream(
  request: UpstreamRequest,
  counter?: UpstreamCounter,
): Promise<UpstreamResponse> {
  if (request.signal?.aborted) throw new UpstreamFailure('aborted', 'The request was cancelled.');
  const timeout = AbortSignal.timeout(Math.max(1, request.timeoutMs));
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  if (counter) counter.calls += 1;
  const explainAbort = (): UpstreamFailure =>
    request.signal?.aborted
      ? new UpstreamFailure('aborted', 'The request was cancelled.')
      : new UpstreamFailure('timeout', `No answer within ${request.timeoutMs} ms.`);
  try {
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal,
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      throw new UpstreamFailure('redirect', `Redirected (status ${response.status}).`);
    }
    const text = await readCapped(response, request.maxBytes);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (error instanceof UpstreamFailure) throw error;
    if (signal.aborted) throw explainAbort();
    const code = errorCode(error);
    if (code !== undefined && unreachableCodes.has(code)) {
      throw new UpstreamFailure('unreachable', `Could not connect (${code}).`, code);
    }
    throw new UpstreamFailure('reset', `The connection failed${code ? ` (${code})` : ''}.`, code);
  }
}

/** Parses JSON, or returns undefined when the text is not JSON (callers decide what that means). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
