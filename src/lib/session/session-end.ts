// What the app does when the server says a session is over. The dashboard sign-in (who you are): go and sign in
// again, coming back to the page you were on. The tenant connection: remember the server's sentence, for the
// Connect page to say why the person is there.
import { useSyncExternalStore } from 'react';

const redirectedAtKey = 'idc-sign-in-redirected-at';
/** Sent to sign in less than this long ago and refused again: the sign-in does not stick; stop and say so. */
const redirectLoopMs = 15_000;

let signingIn = false;

/** Navigates to the sign-in page with the current page as the way back, once (many requests fail together). */
export function sendToSignIn(signInPath: string): void {
  // Only the server's own sign-in path: never a location another origin could have put in a problem body.
  if (signingIn || !signInPath.startsWith('/auth/')) return;
  const now = Date.now();
  const last = Number(window.sessionStorage.getItem(redirectedAtKey) ?? '0');
  if (now - last < redirectLoopMs) return;
  signingIn = true;
  window.sessionStorage.setItem(redirectedAtKey, String(now));
  const { pathname, search } = window.location;
  window.location.assign(`${signInPath}?returnTo=${encodeURIComponent(pathname + search)}`);
}

let notice: string | null = null;
const listeners = new Set<() => void>();

function publish(next: string | null): void {
  if (notice === next) return;
  notice = next;
  for (const listener of listeners) listener();
}

export function noteSessionEnded(sentence: string): void {
  publish(sentence);
}

export function clearSessionEndedNotice(): void {
  publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The server's sentence about the tenant connection that just ended, until the person connects again. */
export function useSessionEndedNotice(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => notice,
    () => null,
  );
}
