// Opaque bearer tokens, as the reference shows them: 64 URL-safe characters, no structure to parse.
import { randomBytes } from 'node:crypto';
import type { ScopePattern } from './scope.ts';

export interface IssuedToken {
  clientId: string;
  scope: ScopePattern[];
  expiresAt: number;
  revoked: boolean;
}

export type TokenCheck =
  { status: 'valid'; token: IssuedToken } | { status: 'expired' | 'revoked' | 'unknown' };

/** Tokens dead for longer than this are forgotten (then answer 401 as unknown), to bound memory. */
const forgetAfterMs = 15 * 60_000;
const sweepAboveSize = 5_000;

export class TokenStore {
  #tokens = new Map<string, IssuedToken>();

  issue(clientId: string, scope: ScopePattern[], lifetimeSeconds: number, now: number): string {
    if (this.#tokens.size > sweepAboveSize) this.#sweep(now);
    // 48 random bytes are exactly 64 base64url characters.
    const accessToken = randomBytes(48).toString('base64url');
    this.#tokens.set(accessToken, {
      clientId,
      scope,
      expiresAt: now + lifetimeSeconds * 1000,
      revoked: false,
    });
    return accessToken;
  }

  check(accessToken: string, now: number): TokenCheck {
    const token = this.#tokens.get(accessToken);
    if (!token) return { status: 'unknown' };
    if (token.revoked) return { status: 'revoked' };
    if (now >= token.expiresAt) return { status: 'expired' };
    return { status: 'valid', token };
  }

  /** Every token issued so far stops working (answering as an expired one does); new ones work. */
  revokeAll(now: number): void {
    for (const token of this.#tokens.values()) {
      token.revoked = true;
      token.expiresAt = Math.min(token.expiresAt, now);
    }
  }

  /** The access tokens issued and not yet forgotten, oldest first: for tests that prove no token leaks. */
  issuedAccessTokens(): string[] {
    return [...this.#tokens.keys()];
  }

  #sweep(now: number): void {
    for (const [accessToken, token] of this.#tokens) {
      if (token.expiresAt + forgetAfterMs < now) this.#tokens.delete(accessToken);
    }
  }
}
