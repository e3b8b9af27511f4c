// What the proxy says about the current connection (`GET /api/session`, `POST /api/session`): never a secret.
// Written by the proxy, read by the app; one shape for both.

/** "form": connected through /connect; "server": the server's default connection. */
export type SessionSource = 'form' | 'server';

export interface SessionFacts {
  identityDomain: string;
  customerId: string;
  clientId: string;
  /** Always sent by the proxy; a reader tolerates its absence. */
  scope?: string | null;
  /** ISO 8601 by the proxy's contract; a reader tolerates epoch milliseconds, or none. */
  expiresAt?: string | number | null;
  /** A `SessionSource`; a reader keeps any other value as it came. */
  source: SessionSource | (string & {});
}
