// Captures everything a page receives or keeps, as text to search for secrets: every request's URL and headers,
// every response's status, headers and body, console messages and page errors, the URLs navigated to, and on demand
// the page's storage (localStorage, sessionStorage, IndexedDB, Cache Storage), its JavaScript-readable cookies,
// its form fields and its DOM. Used by e2e/security-leaks.spec.ts.
import type { ConsoleMessage, Frame, Page, Request, Response, Route } from '@playwright/test';

export interface Haystack {
  where: string;
  text: string;
}

export interface CapturedTraffic {
  haystacks: Haystack[];
  requests: number;
  responses: number;
  responseBodyBytes: number;
  consoleMessages: number;
  /** Responses that should have had a body and whose body could not be read: blind spots of the scan. */
  unreadBodies: string[];
  /** Whether every Set-Cookie of the session cookie said HttpOnly (false when none was seen). */
  sessionCookieSetHttpOnly: boolean;
}

/** The page's events a capture listens to, and what each hands its listener. */
interface CapturedEvents {
  request: Request;
  response: Response;
  console: ConsoleMessage;
  pageerror: Error;
  framenavigated: Frame;
}

/** Listens to one of the page's events; the returned function stops listening. */
function listen<Name extends keyof CapturedEvents>(
  page: Page,
  name: Name,
  listener: (value: CapturedEvents[Name]) => void,
): () => void {
  // Page types `on` and `off` as one overload per event name, which a name chosen by a type parameter cannot pick.
  const events = page as unknown as {
    on(name: Name, listener: (value: CapturedEvents[Name]) => void): void;
    off(name: Name, listener: (value: CapturedEvents[Name]) => void): void;
  };
  events.on(name, listener);
  return () => {
    events.off(name, listener);
  };
}

/** The inventory stream, however it was asked for (a first load, or a Refresh with `?source=refresh`). */
const inventoryUrl = /\/api\/inventory(\?|$)/;

/**
 * Starts capturing. Returns once a tap on `/api/inventory` is in place: Chromium does not always keep the body of
 * a streamed response (the page's reader may cancel it after the done line, then it reads as aborted), so the
 * stream is fetched by the test, recorded, and handed to the page whole. The page sees the same bytes, at once.
 */
export async function startCapture(page: Page): Promise<{ finish: () => Promise<CapturedTraffic> }> {
  const haystacks: Haystack[] = [];
  const pending: Promise<void>[] = [];
  let requests = 0;
  let responses = 0;
  let responseBodyBytes = 0;
  let consoleMessages = 0;
  const sessionCookies: string[] = [];
  const unreadBodies: string[] = [];

  const onRequest = (request: Request) => {
    requests += 1;
    pending.push(
      request.allHeaders().then((headers) => {
        // The POST /api/session body is where the form sends the secret to the proxy on purpose: bodies the page
        // sends are not searched, everything else about the request is.
        haystacks.push({
          where: `request ${request.method()} ${request.url()}`,
          text: `${request.method()} ${request.url()}\n${JSON.stringify(headers)}`,
        });
      }),
    );
  };
  const onResponse = (response: Response) => {
    responses += 1;
    pending.push(
      (async () => {
        const headers = await response.allHeaders();
        const setCookie = headers['set-cookie'];
        if (setCookie?.includes('idc_session=')) sessionCookies.push(setCookie);
        let body = '';
        try {
          const bytes = await response.body();
          responseBodyBytes += bytes.byteLength;
          body = bytes.toString('utf8');
        } catch {
          // A 204, a redirect or a request the page aborted (an inventory cancelled on disconnect) has no body to
          // read; anything else is a blind spot of the scan, reported to the test.
          const failure = response.request().failure()?.errorText;
          const bodiless = response.status() === 204 || (response.status() >= 300 && response.status() < 400);
          if (!bodiless && failure === undefined) {
            unreadBodies.push(`${response.status()} ${response.request().method()} ${response.url()}`);
          }
        }
        haystacks.push({
          where: `response ${response.status()} ${response.request().method()} ${response.url()}`,
          text: `${response.status()} ${response.url()}\n${JSON.stringify(headers)}\n${body}`,
        });
      })(),
    );
  };
  const onConsole = (message: { type: () => string; text: () => string }) => {
    consoleMessages += 1;
    haystacks.push({ where: `console.${message.type()}`, text: message.text() });
  };
  const onPageError = (error: Error) => {
    consoleMessages += 1;
    haystacks.push({ where: 'page error', text: `${error.message}\n${error.stack ?? ''}` });
  };
  const onNavigation = (frame: { url: () => string }) => {
    haystacks.push({ where: 'navigation', text: frame.url() });
  };

  const tapInventory = async (route: Route) => {
    const response = await route.fetch();
    const body = await response.body();
    responseBodyBytes += body.byteLength;
    haystacks.push({
      where: `inventory stream ${route.request().url()} (tapped)`,
      text: `${response.status()}\n${JSON.stringify(response.headers())}\n${body.toString('utf8')}`,
    });
    await route.fulfill({ response, body });
  };
  await page.route(inventoryUrl, tapInventory);

  const stopListening = [
    listen(page, 'request', onRequest),
    listen(page, 'response', onResponse),
    listen(page, 'console', onConsole),
    listen(page, 'pageerror', onPageError),
    listen(page, 'framenavigated', onNavigation),
  ];

  return {
    finish: async () => {
      await page.unroute(inventoryUrl, tapInventory);
      for (const stop of stopListening) stop();
      await Promise.allSettled(pending);
      return {
        haystacks,
        requests,
        responses,
        responseBodyBytes,
        consoleMessages,
        unreadBodies,
        sessionCookieSetHttpOnly:
          sessionCookies.length > 0 && sessionCookies.every((cookie) => /;\s*HttpOnly/i.test(cookie)),
      };
    },
  };
}

// Runs in the page. Plain JavaScript in a string: the e2e TypeScript project has no DOM types.
const browserStateScript = `(async () => {
  const entries = (storage) =>
    Array.from({ length: storage.length }, (_, index) => {
      const key = storage.key(index) ?? '';
      return [key, storage.getItem(key)];
    });
  const request = (idbRequest) =>
    new Promise((resolve, reject) => {
      idbRequest.onsuccess = () => resolve(idbRequest.result);
      idbRequest.onerror = () => reject(idbRequest.error);
    });
  const indexedDb = {};
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await request(indexedDB.open(info.name));
    const stores = {};
    for (const storeName of Array.from(db.objectStoreNames)) {
      stores[storeName] = await request(db.transaction(storeName).objectStore(storeName).getAll());
    }
    db.close();
    indexedDb[info.name] = stores;
  }
  const caches = {};
  if ('caches' in window) {
    for (const cacheName of await window.caches.keys()) {
      const cache = await window.caches.open(cacheName);
      caches[cacheName] = (await cache.keys()).map((cached) => cached.url);
    }
  }
  return JSON.stringify({
    url: location.href,
    cookie: document.cookie,
    localStorage: entries(localStorage),
    sessionStorage: entries(sessionStorage),
    indexedDb,
    caches,
    fields: Array.from(document.querySelectorAll('input, textarea, select')).map((element) => element.value),
    title: document.title,
    dom: document.documentElement.outerHTML,
  });
})()`;

/**
 * The page's storage (localStorage, sessionStorage, IndexedDB, Cache Storage), JavaScript-readable cookies, form
 * field values and DOM, as one JSON text.
 */
export function captureBrowserState(page: Page): Promise<string> {
  return page.evaluate<string>(browserStateScript);
}

export interface Secret {
  label: string;
  value: string;
}

/** A secret and the encodings it would travel in: URL-encoded, base64 (alone and as a Basic credential pair). */
export function secretVariants(label: string, value: string, basicUser?: string): Secret[] {
  const variants: Secret[] = [{ label, value }];
  const add = (suffix: string, encoded: string) => {
    if (!variants.some((variant) => variant.value === encoded)) {
      variants.push({ label: `${label} (${suffix})`, value: encoded });
    }
  };
  add('URL-encoded', encodeURIComponent(value));
  add('base64', Buffer.from(value).toString('base64'));
  add('base64url', Buffer.from(value).toString('base64url'));
  if (basicUser !== undefined) {
    add('Basic credentials', Buffer.from(`${basicUser}:${value}`).toString('base64'));
  }
  return variants;
}

/** Every (secret, place) pair where a secret appears. */
export function scanForSecrets(haystacks: readonly Haystack[], secrets: readonly Secret[]): string[] {
  const found: string[] = [];
  for (const haystack of haystacks) {
    for (const secret of secrets) {
      if (secret.value.length >= 8 && haystack.text.includes(secret.value)) {
        found.push(`${secret.label} in ${haystack.where}`);
      }
    }
  }
  return found;
}

/**
 * The page's JavaScript heap, after a forced garbage collection, as the text of a V8 heap snapshot (every string
 * the page still holds is in it). About 30 MB for this app.
 */
export async function pageHeapText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  let text = '';
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => {
    text += event.chunk;
  });
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    await cdp.detach();
  }
  return text;
}
