// The one place the browser talks to the proxy. Errors become ApiError with a plain sentence.
import { noteAnswered, noteSessionEnded, sendToSignIn } from './session/session-end.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly fieldErrors: readonly { field: string; message: string }[];
  /** The problem's machine-readable reason (e.g. `session-ended`, `cookie-sent-twice`), when it gave one. */
  readonly reason: string | null;
  /** Where to sign in again, when the server says the dashboard sign-in is over (401 of the sign-in layer). */
  readonly signIn: string | null;

  constructor(
    status: number,
    title: string,
    detail: string,
    fieldErrors: readonly { field: string; message: string }[] = [],
    extensions: { reason?: string | null; signIn?: string | null } = {},
  ) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.fieldErrors = fieldErrors;
    this.reason = extensions.reason ?? null;
    this.signIn = extensions.signIn ?? null;
  }
}

/** status 0 means the proxy itself could not be reached. */
export const networkFailureStatus = 0;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fallbackDetail(status: number): string {
  if (status === 401) return 'You are not connected, or the credentials were refused. Connect again.';
  if (status === 403) return 'The configuration client’s token is not allowed to read this resource.';
  if (status === 404) return 'This resource was not found.';
  if (status === 429) return 'Identity Cloud is rate limiting requests. Wait a moment and try again.';
  if (status === 504) return 'Identity Cloud did not answer in time. Try again.';
  if (status >= 500) return 'The server or Identity Cloud failed. Try again in a moment.';
  return `The request failed with status ${status}.`;
}

export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = undefined;
  try {
    body = await response.json();
  } catch {
    // Not JSON: keep the status-based sentence.
  }
  const problem = isRecord(body) ? body : {};
  const title = typeof problem.title === 'string' ? problem.title : response.statusText || 'Request failed';
  const detail = typeof problem.detail === 'string' ? problem.detail : fallbackDetail(response.status);
  const fieldErrors = Array.isArray(problem.errors)
    ? problem.errors.filter(
        (item): item is { field: string; message: string } =>
          isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string',
      )
    : [];
  return new ApiError(response.status, title, detail, fieldErrors, {
    reason: typeof problem.reason === 'string' ? problem.reason : null,
    signIn: typeof problem.signIn === 'string' ? problem.signIn : null,
  });
}

export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      networkFailureStatus,
      'Network error',
      'The dashboard’s server could not be reached. Check that it is running and try again.',
    );
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401) {
      // The sign-in is over (idle or absolute timeout): off to sign in, and back to this page afterwards.
      if (error.signIn !== null) sendToSignIn(error.signIn);
      // The tenant connection is over: the Connect page, where the person lands, says why.
      else if (error.reason !== null) noteSessionEnded(error.message);
    }
    throw error;
  }
  noteAnswered();
  return response;
}

export async function apiGetJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await apiFetch(path, { signal: signal ?? null, headers: { accept: 'application/json' } });
  return response.json();
}

/** GET + validation: an answer that does not match the schema becomes a 502-like ApiError, not a crash later. */
export async function apiGetParsed<Output>(
  path: string,
  schema: { safeParse: (value: unknown) => { success: true; data: Output } | { success: false } },
  signal?: AbortSignal,
): Promise<Output> {
  const parsed = schema.safeParse(await apiGetJson(path, signal));
  if (!parsed.success) {
    throw new ApiError(
      502,
      'Unexpected answer',
      'Identity Cloud answered with data this dashboard does not understand. Try again, or report it.',
    );
  }
  return parsed.data;
}
