// Where to send the browser after sign-in: only a path of this dashboard, never another origin or the sign-in
// routes themselves (an open redirect would turn our sign-in page into a phishing relay).
import { hasControlCharacter } from './request-facts.ts';

const fallback = '/';
const base = 'http://dashboard.invalid';

export function safeReturnPath(candidate: string | null | undefined): string {
  if (candidate === null || candidate === undefined || candidate === '') return fallback;
  if (candidate.length > 2048) return fallback;
  // `//host` and `/\host` are protocol-relative to browsers; controls can hide either.
  if (
    !candidate.startsWith('/') ||
    candidate.startsWith('//') ||
    candidate.includes('\\') ||
    hasControlCharacter(candidate)
  ) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(candidate, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  if (url.pathname === '/auth' || url.pathname.startsWith('/auth/')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
