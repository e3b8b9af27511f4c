// What the proxy needs to keep accepted risks (src/server hands it one backed by the store), and who the person
// behind a request is (the sign-in layer's answer). The proxy never knows where either comes from.
import type { StoredAcceptance } from '../identity-cloud/audit/stored-acceptance.ts';
import type { HistoryTenant } from './history-port.ts';

/** An acceptance to record: what the store will list, but for its id, and the moment as a date. */
export type NewAcceptance = Omit<StoredAcceptance, 'id' | 'acceptedAt'> & { acceptedAt: Date };

/** Thrown by the port when the store cannot answer now: the proxy answers 503 with the reason. */
export class AcceptancesUnavailableError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`accepted risks are unavailable: ${reason}`);
    this.name = 'AcceptancesUnavailableError';
    this.reason = reason;
  }
}

/** Thrown when the tenant already keeps as many acceptances as allowed: the proxy answers 409 with the message. */
export class AcceptanceRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AcceptanceRefusedError';
  }
}

export interface AcceptancePort {
  /** The tenant's standing acceptances (not revoked). */
  list(tenant: HistoryTenant): Promise<StoredAcceptance[]>;
  create(tenant: HistoryTenant, acceptance: NewAcceptance): Promise<StoredAcceptance>;
  /** The revoked acceptance; null when the tenant has no standing one with that id. */
  revoke(
    tenant: HistoryTenant,
    id: string,
    revokedBy: string | null,
    at: Date,
  ): Promise<StoredAcceptance | null>;
}

/** The signed-in person, as the acceptances record them; null when the dashboard has no sign-in. */
export interface RequestUser {
  /** What the dashboard shows for them (the email when there is one). */
  name: string;
}

export type IdentifyUser = (request: Request) => RequestUser | null;
