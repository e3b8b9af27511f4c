// Who is signed in to the dashboard (`GET /api/auth/user`): the person, not the tenant connection. Never a token.
import { queryOptions } from '@tanstack/react-query';
import { apiGetJson } from '../api-client.ts';
import { noteSignOutFailed, noteSigningOut } from './session-end.ts';

export interface SignedInUserFacts {
  mode: string;
  displayName: string | null;
  canSignOut: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Tolerant, hand-written (the app bar needs it on the first paint, without zod's weight). */
export function parseSignedInUser(value: unknown): SignedInUserFacts {
  if (!isRecord(value)) return { mode: 'none', displayName: null, canSignOut: false };
  const user = isRecord(value.user) ? value.user : null;
  const displayName = user !== null && typeof user.displayName === 'string' ? user.displayName : null;
  return {
    mode: typeof value.mode === 'string' ? value.mode : 'none',
    displayName,
    canSignOut: value.canSignOut === true && displayName !== null,
  };
}

export function signedInUserQueryOptions() {
  return queryOptions({
    queryKey: ['signed-in-user'] as const,
    queryFn: async ({ signal }) => parseSignedInUser(await apiGetJson('/api/auth/user', signal)),
    staleTime: Infinity,
    retry: false,
  });
}

/** Ends the dashboard session, then goes where the server says (the provider's sign-out, or the signed-out page). */
export async function signOut(): Promise<void> {
  noteSigningOut();
  let response: Response;
  try {
    response = await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin' });
  } catch (error) {
    noteSignOutFailed();
    throw error;
  }
  const body: unknown = response.ok ? await response.json() : null;
  const location = isRecord(body) && typeof body.location === 'string' ? body.location : '/auth/signed-out';
  window.location.assign(location);
}
