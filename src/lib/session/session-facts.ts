import { z } from 'zod';

/** What the proxy says about the current connection (`GET /api/session`, `POST /api/session`): never a secret. */
export const sessionFactsSchema = z.looseObject({
  identityDomain: z.string(),
  customerId: z.string(),
  clientId: z.string(),
  scope: z.string().nullish(),
  /** ISO 8601 by the proxy's contract; epoch milliseconds tolerated. */
  expiresAt: z.union([z.string(), z.number()]).nullish(),
  /** "form": connected through /connect; "server": the server's default connection. */
  source: z.string(),
});

export type SessionFacts = z.infer<typeof sessionFactsSchema>;

export function sessionExpiry(facts: SessionFacts): Date | null {
  if (facts.expiresAt === null || facts.expiresAt === undefined) return null;
  const date = new Date(facts.expiresAt);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "01000000…" — enough to recognise a tenant in the app bar. */
export function shortCustomerId(customerId: string): string {
  return customerId.length > 8 ? `${customerId.slice(0, 8)}…` : customerId;
}
