// What the proxy needs from a history (src/server hands it one backed by the store): record each finished
// inventory, and read the session tenant's snapshots back. The proxy never knows where or how they are kept.
import type { Inventory } from '../identity-cloud/inventory.ts';
import type { InventoryLine } from '../identity-cloud/inventory-stream.ts';

export const inventorySources = ['browser', 'refresh', 'scheduled'] as const;
export type InventorySource = (typeof inventorySources)[number];

export interface HistoryTenant {
  identityDomain: string;
  customerId: string;
}

export interface FinishedInventory {
  tenant: HistoryTenant;
  source: InventorySource;
  takenAt: Date;
  /** Folded from the lines the browser got (already redacted), ending with the done line. */
  inventory: Inventory;
}

export interface RecordingStart {
  tenant: HistoryTenant;
  source: InventorySource;
  takenAt: Date;
}

/**
 * One inventory being recorded as it streams: each line is handed over as it is written to the browser, so that
 * the per-item work is done while the fan-out waits on the network, and after the done line only what needs the
 * whole inventory is left.
 */
export interface HistoryRecording {
  /** A line as the browser gets it (already redacted), in order. Never throws; cheap enough for each line. */
  take(line: InventoryLine): void;
  /**
   * Called once the done line has gone out (never before: the write must not delay it). Records the inventory;
   * resolves with null when none was kept (no done line, history off or failing). Never rejects.
   */
  finish(): Promise<RecordedSnapshot | null>;
}

export interface RecordedSnapshot {
  id: string;
  clients: number;
  /** The same content as the tenant's previous snapshot. */
  unchanged: boolean;
}

export interface HistoryStatus {
  enabled: boolean;
  /** Why history is off ("history is off: <reason>"); null when enabled. */
  reason: string | null;
}

/** Thrown by a port when it cannot answer now: the proxy answers 503 "history is off: <reason>". */
export class HistoryUnavailableError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(`history is off: ${reason}`);
    this.name = 'HistoryUnavailableError';
    this.reason = reason;
  }
}

export interface HistoryPort {
  status(): Promise<HistoryStatus>;
  /**
   * Never rejects: a failure to record is the history's to log, not the inventory's. Resolves with the snapshot
   * kept, or null when none was (history off or failing).
   */
  record(finished: FinishedInventory): Promise<RecordedSnapshot | null>;
  /** The same, for an inventory that is still streaming. */
  begin(start: RecordingStart): HistoryRecording;
  /** The JSON bodies of the history routes; null for "no such snapshot / client in this tenant". */
  listSnapshots(tenant: HistoryTenant): Promise<unknown>;
  snapshot(tenant: HistoryTenant, id: string): Promise<unknown>;
  clientHistory(tenant: HistoryTenant, clientId: string): Promise<unknown>;
}
