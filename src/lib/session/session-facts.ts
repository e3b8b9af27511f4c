import type { SessionFacts } from '../../identity-cloud/session-facts.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Reads the facts, tolerating extra fields. Hand-written rather than zod: the app shell needs it on the first
 * paint, and zod would add its weight to the initial bundle.
 */
export function parseSessionFacts(value: unknown): SessionFacts | null {
  if (!isRecord(value)) return null;
  const { identityDomain, customerId, clientId, scope, expiresAt, source } = value;
  if (typeof identityDomain !== 'string' || typeof customerId !== 'string' || typeof clientId !== 'string') {
    return null;
  }
  return {
    identityDomain,
    customerId,
    clientId,
    scope: typeof scope === 'string' ? scope : null,
    expiresAt: typeof expiresAt === 'string' || typeof expiresAt === 'number' ? expiresAt : null,
    source: typeof source === 'string' ? source : 'form',
  };
}

export function sessionExpiry(facts: SessionFacts): Date | null {
  if (facts.expiresAt === null || facts.expiresAt === undefined) return null;
  const date = new Date(facts.expiresAt);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "01000000…" — enough to recognise a tenant in the app bar. */
export function shortCustomerId(customerId: string): string {
  return customerId.length > 8 ? `${customerId.slice(0, 8)}…` : customerId;
}
