// What the app does when the server says a session is over. The dashboard sign-in (who you are): go and sign in
// again, coming back to the page you were on. The tenant connection: remember the server's sentence, for the
// Connect page to say why the person is there.
import { useSyncExternalStore } from 'react';

const redirectedAtKey = 'idc-sign-in-redirected-at';
/** Sent away less than this long ago and refused again before any answer got through: stop and say so. */
const redirectLoopMs = 15_000;

let leaving = false;
let answeredSinceLoad = false;

/** Whether leaving now could loop: this tab left moments ago, and nothing has been answered since it came back. */
function wouldLoop(): boolean {
  if (answeredSinceLoad) return false;
  const last = Number(window.sessionStorage.getItem(redirectedAtKey) ?? '0');
  return Date.now() - last < redirectLoopMs;
}

function leave(go: () => void): void {
  if (leaving || wouldLoop()) return;
  leaving = true;
  window.sessionStorage.setItem(redirectedAtKey, String(Date.now()));
  go();
}

/**
 * The person is signing out: requests still in flight will be refused once the sign-in ends, and must not send
 * the browser back to sign in (over the provider's sign-out page).
 */
export function noteSigningOut(): void {
  leaving = true;
}

/** Signing out failed: the page stays, and a later expiry may send the person to sign in again. */
export function noteSignOutFailed(): void {
  leaving = false;
}

/** An API request was answered: the sign-in works, so a later expiry may send the person away again. */
export function noteAnswered(): void {
  answeredSinceLoad = true;
}

/** Navigates to the sign-in page with the current page as the way back, once (many requests fail together). */
export function sendToSignIn(signInPath: string): void {
  // Only the server's own sign-in path: never a location another origin could have put in a problem body.
  if (!signInPath.startsWith('/auth/')) return;
  const { pathname, search } = window.location;
  leave(() => window.location.assign(`${signInPath}?returnTo=${encodeURIComponent(pathname + search)}`));
}

/**
 * A page's chunk that would not load: the sign-in expired (the server refuses every file until the person signs
 * in again), or a new build replaced the files. Loading the page afresh lets the server send the person to sign
 * in and back, or serves the new build.
 */
export function reloadWhenAChunkFails(): void {
  window.addEventListener('vite:preloadError', (event) => {
    if (wouldLoop()) return;
    event.preventDefault();
    // The address bar already shows the page the person was going to: the router navigates first, then waits
    // for the page's chunk.
    leave(() => window.location.reload());
  });
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
