// Writing a recording's versions while its inventory streams: the first snapshot of a tenant is 10,000 new versions,
// which the transaction after the done line would otherwise write. Each prepared item is queued here as its line is
// taken; once a batch is full it is written in a turn of its own (after the line's, so the line leaves first), one
// batch at a time. What is still queued at the done line is left to the snapshot's transaction, as before.
import { writeVersionsAhead, type VersionAhead } from '../../store/history-versions-ahead.ts';
import { yieldToEventLoop } from '../../store/history-transaction.ts';
import type { StoreService } from '../../store/store-service.ts';

/** Versions per statement written ahead: a few milliseconds of SQLite's synchronous driver at a time. */
export const aheadBatch = 250;

export class VersionsAhead {
  private readonly service: StoreService;
  private readonly tenant: string;
  private queued: VersionAhead[] = [];
  private readonly stored = new Set<string>();
  private writing: Promise<void> | null = null;
  private stopped = false;

  constructor(service: StoreService, tenant: string) {
    this.service = service;
    this.tenant = tenant;
  }

  add(version: VersionAhead): void {
    if (this.stopped) return;
    this.queued.push(version);
    if (this.queued.length >= aheadBatch) this.writing ??= this.drain();
  }

  /**
   * Stops writing ahead, waits for the batch being written, and resolves with the hashes stored. The queued
   * rest is the transaction's to write.
   */
  async settle(): Promise<ReadonlySet<string>> {
    this.stopped = true;
    await this.writing;
    return this.stored;
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queued.length >= aheadBatch) {
        // A turn of its own, after the one that took the line (and queued its write to the browser).
        await yieldToEventLoop();
        // The done line may have come meanwhile: the rest is the transaction's.
        if (this.isStopped()) return;
        const batch = this.queued.splice(0, aheadBatch);
        for (const hash of await this.service.use((store) => writeVersionsAhead(store, this.tenant, batch)))
          this.stored.add(hash);
      }
    } catch {
      // Nothing lost: what was not stored ahead is written by the snapshot's transaction, and a store fault was
      // logged once by the store service (which then says history is off, and the recording keeps nothing).
      this.stopped = true;
    } finally {
      this.writing = null;
    }
  }
}
