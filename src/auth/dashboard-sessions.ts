// The dashboard's own sessions (who is signed in), apart from the tenant connections the proxy holds. In memory:
// a restart signs everyone out, which is the safe direction.
import { randomBytes } from 'node:crypto';
import type { SessionTimeouts } from './auth-config.ts';
import { forgetOldest } from './forget-oldest.ts';
import type { SignedInUser } from './signed-in-user.ts';

export interface DashboardSession {
  id: string;
  user: SignedInUser;
  createdAt: number;
  lastSeenAt: number;
}

export const maxDashboardSessions = 10_000;

export class DashboardSessions {
  private readonly sessions = new Map<string, DashboardSession>();
  private readonly timeouts: SessionTimeouts;
  private readonly now: () => number;

  constructor(timeouts: SessionTimeouts, now: () => number = Date.now) {
    this.timeouts = timeouts;
    this.now = now;
  }

  create(user: SignedInUser): DashboardSession {
    const now = this.now();
    const session: DashboardSession = {
      id: randomBytes(32).toString('base64url'),
      user,
      createdAt: now,
      lastSeenAt: now,
    };
    this.sessions.set(session.id, session);
    // Beyond the cap, the oldest sign-in goes.
    forgetOldest(this.sessions, maxDashboardSessions);
    return session;
  }

  /** The live session, its idle clock restarted; undefined when unknown or timed out (then forgotten). */
  touch(id: string | undefined): DashboardSession | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    const now = this.now();
    if (
      now - session.lastSeenAt > this.timeouts.idleMs ||
      now - session.createdAt > this.timeouts.absoluteMs
    ) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  delete(id: string | undefined): DashboardSession | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    return session;
  }

  get size(): number {
    return this.sessions.size;
  }
}
