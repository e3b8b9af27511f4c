// Sign-ins in progress, server-side: the browser holds only a random id (cookie) until the provider sends it back.
// State, nonce and the PKCE verifier never leave the server.
import { randomBytes } from 'node:crypto';
import { forgetOldest } from './forget-oldest.ts';
import type { PendingSignIn } from './oidc-client.ts';

const maxPending = 10_000;

export class PendingSignIns {
  static readonly ttlSeconds = 600;
  private readonly flows = new Map<string, { pending: PendingSignIn; createdAt: number }>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  add(pending: PendingSignIn): string {
    const id = randomBytes(32).toString('base64url');
    this.flows.set(id, { pending, createdAt: this.now() });
    forgetOldest(this.flows, maxPending);
    return id;
  }

  /** One use only: a replayed callback finds nothing. */
  take(id: string | undefined): PendingSignIn | undefined {
    if (id === undefined) return undefined;
    const flow = this.flows.get(id);
    this.flows.delete(id);
    if (flow === undefined || this.now() - flow.createdAt > PendingSignIns.ttlSeconds * 1000)
      return undefined;
    return flow.pending;
  }
}
