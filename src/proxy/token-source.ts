// A session's access token: cached until shortly before it expires, exchanged once for all concurrent callers
// (single flight), and dropped when Identity Cloud refuses it so that the next caller exchanges a fresh one.
import type { TokenGrant } from './token-exchange.ts';
import type { UpstreamCounter } from './upstream-fetch.ts';

/** Exchanges the credentials; `counter` is the request that triggered it, for the request log. */
export type ExchangeFunction = (counter?: UpstreamCounter) => Promise<TokenGrant>;

/** Refresh margin: a tenth of the lifetime, at most a minute (a 1 s token is renewed 100 ms early). */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, Math.max(0, lifetimeMs / 10));
}

/**
 * A token exchanged because the previous one was refused, and refused in turn within this time, is refused for
 * lack of permission (a narrow scope), not because it expired: exchanging again would only repeat the refusal.
 */
export const refusedFreshTokenWindowMs = 60_000;

/** Tokens remembered for redaction; a session renews hourly and lives 30 idle minutes, so this is plenty. */
const maxRememberedTokens = 256;

export class TokenSource {
  private current: TokenGrant | null = null;
  /** Every token this source ever held, oldest first: any of them may still appear in an upstream answer. */
  private readonly issued: string[] = [];
  private pending: Promise<TokenGrant> | null = null;
  /** The grant obtained right after a refusal, and when: see `refusedFreshTokenWindowMs`. */
  private afterRefusal: { grant: TokenGrant; at: number } | null = null;
  private exchangeAfterRefusal = false;
  private exchangesValue = 0;
  private readonly exchange: ExchangeFunction;
  private readonly now: () => number;

  constructor(exchange: ExchangeFunction, options: { initial?: TokenGrant | null; now?: () => number } = {}) {
    this.exchange = exchange;
    this.current = options.initial ?? null;
    if (this.current !== null) this.remember(this.current.accessToken);
    this.now = options.now ?? Date.now;
  }

  /** Every access token issued to this source, the expired and refused ones included. */
  issuedTokens(): readonly string[] {
    return this.issued;
  }

  private remember(accessToken: string): void {
    if (this.issued.includes(accessToken)) return;
    this.issued.push(accessToken);
    if (this.issued.length > maxRememberedTokens) this.issued.shift();
  }

  /** How many exchanges this source started (the initial grant excluded). */
  get exchanges(): number {
    return this.exchangesValue;
  }

  /** The grant currently held, if still usable; no exchange. */
  peek(): TokenGrant | null {
    return this.isFresh(this.current) ? this.current : null;
  }

  get(counter?: UpstreamCounter): Promise<TokenGrant> {
    const grant = this.current;
    if (grant !== null && this.isFresh(grant)) return Promise.resolve(grant);
    if (this.pending !== null) return this.pending;
    this.exchangesValue += 1;
    const causedByRefusal = this.exchangeAfterRefusal;
    this.exchangeAfterRefusal = false;
    const pending = this.exchange(counter).then(
      (fresh) => {
        this.current = fresh;
        this.remember(fresh.accessToken);
        this.pending = null;
        this.afterRefusal = causedByRefusal ? { grant: fresh, at: this.now() } : null;
        return fresh;
      },
      (error: unknown) => {
        this.pending = null;
        throw error;
      },
    );
    this.pending = pending;
    return pending;
  }

  /**
   * Identity Cloud refused `accessToken` (401/403). Returns whether a retry with another token makes sense:
   * - a newer token already replaced it: yes, with that one (many requests refused together cause one exchange);
   * - it is the current token: forget it so that the next `get` exchanges, and yes; unless it is itself the
   *   token exchanged after a refusal, refused again within a minute: that is a permission refusal, and no.
   */
  invalidate(accessToken: string): boolean {
    const current = this.current;
    if (current?.accessToken !== accessToken) return true;
    const fresh = this.afterRefusal;
    if (fresh?.grant === current && this.now() - fresh.at < refusedFreshTokenWindowMs) return false;
    this.current = null;
    this.exchangeAfterRefusal = true;
    return true;
  }

  clear(): void {
    this.current = null;
    this.afterRefusal = null;
  }

  private isFresh(grant: TokenGrant | null): grant is TokenGrant {
    return grant !== null && this.now() < grant.expiresAt - refreshMarginMs(grant.lifetimeMs);
  }
}
