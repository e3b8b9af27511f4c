// What the proxy needs to remember a tenant's concurrency cap across restarts (src/server hands it one backed by
// the store): without it, every new server starts at the safe level and learns the cap again from 429s, each of
// which costs the refused request a whole Retry-After.

export interface LimitedTenant {
  identityDomain: string;
  customerId: string;
}

export interface TenantLimit {
  /** The most concurrent requests the tenant was seen to take (one below where its 429s began). */
  maxConcurrency: number;
  /** When the cap was learnt (or last confirmed). */
  learntAt: Date;
}

export interface TenantLimitsPort {
  /** The cap remembered for the tenant, or null: nothing remembered, or the store cannot answer. Never rejects. */
  recall(tenant: LimitedTenant): Promise<TenantLimit | null>;
  /** Never rejects: a cap that could not be kept is learnt again next time. */
  remember(tenant: LimitedTenant, limit: TenantLimit): Promise<void>;
}
