// renderApp (bulletproof-react style): a component under the real providers (theme, react-query) and a memory
// router, with the proxy replaced by a fetch stub that answers per path.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AppProvider } from '../../app/provider.tsx';

export type FetchHandler = (request: {
  url: string;
  method: string;
  body: string | null;
}) => Response | Promise<Response>;

/** A JSON answer, problem+json for errors. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/** An NDJSON answer whose lines are pushed by the test; `close()` ends it. */
export function ndjsonStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
  });
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson' } }),
    push: (...lines: unknown[]) => {
      controller.enqueue(encoder.encode(lines.map((line) => `${JSON.stringify(line)}\n`).join('')));
    },
    close: () => {
      controller.close();
    },
  };
}

/** Stubs `fetch` (restored by vi.unstubAllGlobals in the test's afterEach) and returns the recorded requests. */
export function stubFetch(handler: FetchHandler) {
  const requests: { url: string; method: string; body: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const request = {
        url,
        method: init?.method ?? 'GET',
        body: typeof init?.body === 'string' ? init.body : null,
      };
      // Like the real fetch: a request whose query was cancelled (e.g. by the previous test's unmount) fails
      // instead of reaching this test's handler.
      if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
      requests.push(request);
      return handler(request);
    }),
  );
  return requests;
}

export function renderApp(
  element: ReactElement,
  { path = '/', url = path }: { path?: string; url?: string } = {},
) {
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { initialEntries: [url] },
  );
  return {
    router,
    ...render(
      <AppProvider>
        <RouterProvider router={router} />
      </AppProvider>,
    ),
  };
}
