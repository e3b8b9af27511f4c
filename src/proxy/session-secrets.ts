// What the proxy knows to be secret for a session: its client secret, the Basic credential built from it, and
// every access token ever issued to it (a token in its refresh margin, or refused and replaced, may still be
// echoed by the tenant). Redaction scans every answer for all of them.
import { createRedactor, type Redactor } from '../identity-cloud/redaction.ts';
import type { Session } from './session-store.ts';
import { basicAuthorization } from './token-exchange.ts';

const cache = new WeakMap<Session, { tokens: number; redactor: Redactor }>();

export function sessionSecrets(session: Session): string[] {
  const { clientId, clientSecret } = session.connection;
  return [clientSecret, basicAuthorization(clientId, clientSecret), ...session.tokens.issuedTokens()];
}

/** The session's redactor, rebuilt only when a new token was issued. */
export function sessionRedactor(session: Session): Redactor {
  const tokens = session.tokens.issuedTokens().length;
  const cached = cache.get(session);
  if (cached?.tokens === tokens) return cached.redactor;
  const redactor = createRedactor(sessionSecrets(session));
  cache.set(session, { tokens, redactor });
  return redactor;
}
