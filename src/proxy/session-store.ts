// Sessions live in memory only: a random 256-bit id (the cookie) maps to the connection and its token. Memory
// stays bounded: a session idle longer than the TTL is forgotten, and beyond the cap the least recently used one
// is evicted. Forgetting a session also aborts the upstream work it started.
import { randomBytes } from 'node:crypto';
import type { Connection } from '../identity-cloud/connection-rules.ts';
import type { TokenSource } from './token-source.ts';

export type SessionSource = 'form' | 'server';

export interface Session {
  readonly id: string;
  readonly source: SessionSource;
  readonly connection: Connection;
  readonly tokens: TokenSource;
  /** Aborted when the session is deleted, expires or is evicted. */
  readonly lifetime: AbortController;
  lastUsedAt: number;
}

export interface SessionStoreOptions {
  idleTtlMs: number;
  maxSessions: number;
  now?: () => number;
}

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

const sessionIdPattern = /^[A-Za-z0-9_-]{43}$/;

export class SessionStore {
  // Insertion order is recency order: `get` re-inserts, so the first entry is the least recently used.
  private readonly sessions = new Map<string, Session>();
  private readonly idleTtlMs: number;
  private readonly maxSessions: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions) {
    this.idleTtlMs = options.idleTtlMs;
    this.maxSessions = Math.max(1, options.maxSessions);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.sessions.size;
  }

  create(connection: Connection, tokens: TokenSource): Session {
    this.sweep();
    while (this.sessions.size >= this.maxSessions) {
      const oldest = this.sessions.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
    const session: Session = {
      id: newSessionId(),
      source: 'form',
      connection,
      tokens,
      lifetime: new AbortController(),
      lastUsedAt: this.now(),
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session for a cookie value, touched; undefined when unknown or idle too long. */
  get(id: string | undefined): Session | undefined {
    if (id === undefined || !sessionIdPattern.test(id)) return undefined;
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    if (this.isExpired(session)) {
      this.delete(id);
      return undefined;
    }
    session.lastUsedAt = this.now();
    this.sessions.delete(id);
    this.sessions.set(id, session);
    return session;
  }

  delete(id: string): boolean {
    const session = this.sessions.get(id);
    if (session === undefined) return false;
    this.sessions.delete(id);
    session.tokens.clear();
    session.lifetime.abort(new Error('The session ended.'));
    return true;
  }

  /** Forgets every idle session; returns how many. */
  sweep(): number {
    let removed = 0;
    for (const [id, session] of this.sessions) {
      if (!this.isExpired(session)) break; // recency order: the rest are fresher
      this.delete(id);
      removed += 1;
    }
    return removed;
  }

  clear(): void {
    for (const id of [...this.sessions.keys()]) this.delete(id);
  }

  private isExpired(session: Session): boolean {
    return this.now() - session.lastUsedAt > this.idleTtlMs;
  }
}
