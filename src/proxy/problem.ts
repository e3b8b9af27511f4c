// RFC 9457 problem details: every error the proxy answers has a title, the status and one sentence saying what
// happened and what to do.
export interface Problem {
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not connected',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Rate limited',
  500: 'Internal error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

export function titleForStatus(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Upstream failure' : 'Request refused');
}

/** A failure carried through async code and turned into a problem response at the edge. */
export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly extensions: Record<string, unknown>;

  constructor(
    status: number,
    detail: string,
    options: { title?: string; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.title = options.title ?? titleForStatus(status);
    this.extensions = options.extensions ?? {};
  }

  toProblem(): Problem {
    return { ...this.extensions, title: this.title, status: this.status, detail: this.message };
  }
}

export const problemContentType = 'application/problem+json';

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': problemContentType, 'cache-control': 'no-store', ...headers },
  });
}

export function problem(status: number, detail: string, extensions: Record<string, unknown> = {}): Problem {
  return { ...extensions, title: titleForStatus(status), status, detail };
}

/**
 * The answer when the request stopped before it was done: the browser went away (nobody reads it, but the log
 * shows why), or the session ended (DELETE, expiry, eviction) while it ran.
 */
export function cancelledResponse(sessionEnded: boolean): Response {
  if (sessionEnded) {
    return problemResponse(problem(401, 'The session ended while the request was running: connect again.'));
  }
  return problemResponse({
    title: 'Cancelled',
    status: 499,
    detail: 'The request was cancelled by the client.',
  });
}
