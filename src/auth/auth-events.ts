// What the sign-in layer reports as it happens (for the server's log and the access log).
export type AuthEventKind = 'sign-in' | 'sign-out' | 'refusal';

export interface AuthEvent {
  kind: AuthEventKind;
  /** The person, when known (a refusal may have none: an untrusted peer, a failed sign-in). */
  user: string | null;
  /** The TCP peer's address. */
  address: string | null;
  /** One sentence: why a refusal happened, never a token. */
  reason?: string;
}
