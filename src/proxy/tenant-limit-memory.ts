// Between the tenants' gates and the remembered caps (TenantLimitsPort): a new gate starts from the cap an earlier
// server learnt, if it is recent; a cap learnt or changed here is kept for the next server. Failures of the port
// leave the proxy as it is without one: the cap is learnt again from 429s.
import { settleWithin } from './settle-within.ts';
import type { TenantGate } from './tenant-gate.ts';
import type { LimitedTenant, TenantLimitsPort } from './tenant-limits-port.ts';

/** The first inventory of a tenant waits this long at most for the store: a slow store must not slow it more. */
const recallWaitMs = 250;

/**
 * What the gate has seen of the tenant's cap: 429 episodes and probes. A cap is written only after new evidence,
 * never merely because requests at it succeeded (that proves the cap is not lower, not that it is not higher): a
 * cap learnt on a bad day (a machine so busy that timeouts looked like refusals) then expires after the maximum
 * age and is learnt again, instead of being confirmed for ever.
 */
function evidence(gate: TenantGate): number {
  const seen = gate.snapshot();
  return seen.decreases + seen.trims + seen.probes;
}

export class TenantLimitMemory {
  private readonly port: TenantLimitsPort | null;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly recalls = new WeakMap<TenantGate, Promise<void>>();
  /** What the store holds for a gate's tenant, as far as this server knows. */
  private readonly kept = new WeakMap<TenantGate, { cap: number; evidence: number }>();

  constructor(port: TenantLimitsPort | null, maxAgeMs: number, now: () => number = Date.now) {
    this.port = port;
    this.maxAgeMs = maxAgeMs;
    this.now = now;
  }

  /** Resolves once the gate holds the remembered cap (when there is a recent one), or after a short wait. */
  prepare(gate: TenantGate, tenant: LimitedTenant): Promise<void> {
    const port = this.port;
    if (port === null) return Promise.resolve();
    let recall = this.recalls.get(gate);
    if (recall === undefined) {
      recall = this.recall(port, gate, tenant);
      this.recalls.set(gate, recall);
    }
    return settleWithin(recall, recallWaitMs, undefined);
  }

  /** After an inventory: keeps the gate's learnt cap when the tenant taught it something since it was kept. */
  keep(gate: TenantGate, tenant: LimitedTenant): void {
    const port = this.port;
    if (port === null) return;
    const cap = gate.learntCap();
    if (cap === null) return;
    const seen = evidence(gate);
    const kept = this.kept.get(gate);
    if (kept !== undefined && kept.cap === cap && kept.evidence === seen) return;
    this.kept.set(gate, { cap, evidence: seen });
    void port
      .remember(tenant, { maxConcurrency: cap, learntAt: new Date(this.now()) })
      .catch(() => undefined);
  }

  private async recall(port: TenantLimitsPort, gate: TenantGate, tenant: LimitedTenant): Promise<void> {
    const remembered = await port.recall(tenant).catch(() => null);
    if (remembered === null) return;
    const age = this.now() - remembered.learntAt.getTime();
    if (!Number.isFinite(age) || age > this.maxAgeMs) return;
    if (gate.adopt(remembered.maxConcurrency)) {
      this.kept.set(gate, { cap: remembered.maxConcurrency, evidence: evidence(gate) });
    }
  }
}
