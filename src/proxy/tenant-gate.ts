// The queue in front of one tenant: requests wait here for a slot of the adaptive concurrency limit. Shared by every
// session and inventory that talks to the same tenant, since the tenant's capacity is shared too. Interactive
// requests (a forwarded GET) go ahead of the inventory's bulk work.
import {
  AdaptiveConcurrency,
  type AdaptiveConcurrencyOptions,
  type ConcurrencySnapshot,
  type ConcurrencyTicket,
} from './adaptive-concurrency.ts';
import { onAbort } from './abort-subscriptions.ts';

export const gatePriority = {
  interactive: 0,
  inventoryList: 1,
  inventoryItem: 2,
} as const;
export type GatePriority = (typeof gatePriority)[keyof typeof gatePriority];

export type GateOutcome = 'success' | 'rate-limited' | 'other';

interface Waiter {
  resolve: (ticket: ConcurrencyTicket) => void;
  reject: (reason: unknown) => void;
  settled: boolean;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  unsubscribe?: (() => void) | undefined;
}

/** A first-in-first-out queue that tolerates lazy removal of cancelled waiters. */
class WaiterQueue {
  private items: Waiter[] = [];
  private head = 0;

  push(waiter: Waiter): void {
    this.items.push(waiter);
  }

  shift(): Waiter | undefined {
    while (this.head < this.items.length) {
      const waiter = this.items[this.head];
      this.head += 1;
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      if (waiter !== undefined && !waiter.settled) return waiter;
    }
    return undefined;
  }
}

export class TenantGate {
  private readonly concurrency: AdaptiveConcurrency;
  private readonly queues: WaiterQueue[] = [new WaiterQueue(), new WaiterQueue(), new WaiterQueue()];
  private waiting = 0;

  constructor(options: AdaptiveConcurrencyOptions) {
    this.concurrency = new AdaptiveConcurrency(options);
  }

  get queued(): number {
    return this.waiting;
  }

  snapshot(): ConcurrencySnapshot {
    return this.concurrency.snapshot();
  }

  latencyEstimateMs(): number | null {
    return this.concurrency.latencyEstimateMs();
  }

  /** See AdaptiveConcurrency.learntCap. */
  learntCap(): number | null {
    return this.concurrency.learntCap();
  }

  /** Starts from a cap learnt earlier (see AdaptiveConcurrency.adopt); waiters may start at once. */
  adopt(cap: number): boolean {
    const adopted = this.concurrency.adopt(cap);
    if (adopted) this.pump();
    return adopted;
  }

  /** Waits for a slot; rejects with the signal's reason if it aborts first. */
  acquire(priority: GatePriority, signal?: AbortSignal): Promise<ConcurrencyTicket> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<ConcurrencyTicket>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, settled: false, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          if (waiter.settled) return;
          waiter.settled = true;
          this.waiting -= 1;
          reject(signal.reason as Error);
        };
        waiter.unsubscribe = onAbort(signal, waiter.onAbort);
      }
      this.queues[priority]?.push(waiter);
      this.waiting += 1;
      this.pump();
    });
  }

  release(ticket: ConcurrencyTicket, outcome: GateOutcome, retryAfterMs?: number): void {
    if (outcome === 'success') this.concurrency.onSuccess(ticket);
    else if (outcome === 'rate-limited') this.concurrency.onRateLimited(ticket, retryAfterMs);
    else this.concurrency.onOtherOutcome(ticket);
    this.pump();
  }

  private pump(): void {
    while (this.waiting > 0) {
      const ticket = this.concurrency.tryStart(this.waiting - 1);
      if (ticket === null) return;
      const waiter = this.nextWaiter();
      if (waiter === undefined) {
        // Unreachable while `waiting` is right; give the slot back rather than leak it.
        this.concurrency.onOtherOutcome(ticket);
        return;
      }
      waiter.settled = true;
      this.waiting -= 1;
      waiter.unsubscribe?.();
      waiter.resolve(ticket);
    }
  }

  private nextWaiter(): Waiter | undefined {
    for (const queue of this.queues) {
      const waiter = queue.shift();
      if (waiter !== undefined) return waiter;
    }
    return undefined;
  }
}
