// The store as the server sees it: open or not, and why. A store that fails (not writable, disk full, PostgreSQL
// down, written by a newer build) is set aside with one log line; the next use after `retryMs` tries it again, so
// recording resumes by itself when the store comes back. Nothing here ever throws into the live dashboard.
import { openStore, type OpenStoreOptions, type Store } from './store.ts';
import { describeStoreError } from './store-errors.ts';
import { describeStoreLocation, type StoreConfig } from './store-config.ts';

export interface StoreStatus {
  enabled: boolean;
  /** Why it is off, as a sentence fragment ("history is off: <reason>"); null when enabled. */
  reason: string | null;
}

export class StoreUnavailableError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`history is off: ${reason}`);
    this.name = 'StoreUnavailableError';
    this.reason = reason;
  }
}

export interface StoreServiceOptions {
  log?: (line: string) => void;
  /** How long a failed store is left alone before the next try. Default 5 s. */
  retryMs?: number;
  now?: () => number;
  open?: (config: Exclude<StoreConfig, { kind: 'off' }>, options: OpenStoreOptions) => Promise<Store>;
}

export class StoreService {
  private readonly config: StoreConfig;
  private readonly log: (line: string) => void;
  private readonly retryMs: number;
  private readonly now: () => number;
  private readonly open: NonNullable<StoreServiceOptions['open']>;
  private store: Store | null = null;
  private reason: string | null;
  private loggedReason: string | null = null;
  private nextTryAt = 0;
  private opening: Promise<Store | null> | null = null;
  private closed = false;
  /** Work running on the open store: closing waits for it (a recording started after an inventory commits). */
  private readonly running = new Set<Promise<unknown>>();

  constructor(config: StoreConfig, options: StoreServiceOptions = {}) {
    this.config = config;
    this.log = options.log ?? ((line) => console.error(line));
    this.retryMs = options.retryMs ?? 5000;
    this.now = options.now ?? Date.now;
    this.open = options.open ?? openStore;
    this.reason = config.kind === 'off' ? config.reason : 'the store has not been opened yet';
  }

  get location(): string {
    return describeStoreLocation(this.config);
  }

  status(): StoreStatus {
    return this.store === null ? { enabled: false, reason: this.reason } : { enabled: true, reason: null };
  }

  /** Opens the store now if it is off and due for another try; resolves with the status after. */
  async refresh(): Promise<StoreStatus> {
    await this.ensureOpen(false);
    return this.status();
  }

  /** Opens the store at start, whatever the retry delay. */
  async start(): Promise<StoreStatus> {
    await this.ensureOpen(true);
    return this.status();
  }

  /**
   * Runs `work` with the open store. Throws StoreUnavailableError when it is off, or when `work` fails on a store
   * fault (the store is then set aside). Errors without a code (bugs, bad input) pass through unchanged.
   */
  async use<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const store = this.closed ? null : await this.ensureOpen(false);
    if (store === null) throw new StoreUnavailableError(this.reason ?? 'the store is not open');
    const running = work(store);
    this.running.add(running);
    try {
      return await running;
    } catch (error) {
      if (!isStoreFault(error)) throw error;
      const reason = describeStoreError(error, store.location);
      await this.setAside(store, reason);
      throw new StoreUnavailableError(reason);
    } finally {
      this.running.delete(running);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reason = 'the server is stopping';
    await this.opening;
    // Closed under a transaction, the driver would fail it ("driver has already been destroyed"): the snapshot
    // of an inventory that finished just before the server stopped would be lost.
    await Promise.allSettled([...this.running]);
    const store = this.store;
    this.store = null;
    await store?.close().catch(() => undefined);
  }

  private async ensureOpen(force: boolean): Promise<Store | null> {
    if (this.store !== null || this.config.kind === 'off' || this.closed) return this.store;
    if (!force && this.now() < this.nextTryAt) return null;
    this.opening ??= this.tryOpen(this.config).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private async tryOpen(config: Exclude<StoreConfig, { kind: 'off' }>): Promise<Store | null> {
    const wasDown = this.loggedReason !== null;
    try {
      const store = await this.open(config, {
        onIdleError: (error) => void this.setAside(this.store, describeStoreError(error, this.location)),
      });
      if (this.closed) {
        await store.close();
        return null;
      }
      this.store = store;
      this.reason = null;
      this.loggedReason = null;
      if (wasDown) this.log(`history: the store at ${store.location} is back; recording resumes.`);
      return store;
    } catch (error) {
      this.down(describeStoreError(error, this.location));
      return null;
    }
  }

  private async setAside(store: Store | null, reason: string): Promise<void> {
    if (store !== null && this.store === store) {
      this.store = null;
      await store.close().catch(() => undefined);
    }
    this.down(reason);
  }

  private down(reason: string): void {
    this.reason = reason;
    this.nextTryAt = this.now() + this.retryMs;
    if (this.loggedReason === reason) return;
    this.loggedReason = reason;
    this.log(`history is off: ${reason}. The live dashboard is not affected; the store is tried again.`);
  }
}

/** A driver's or the system's error (it has a code), or the newer-store refusal: the store, not the caller. */
function isStoreFault(error: unknown): boolean {
  if (error instanceof Error && error.name === 'NewerStoreError') return true;
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && typeof error.code === 'string') return true;
  return (
    error instanceof Error && /Connection terminated|timeout exceeded|Connection ended/i.test(error.message)
  );
}
