import { useSyncExternalStore } from 'react';
import type { Inventory } from '../../../identity-cloud/inventory.ts';

/** What the current inventory is compared with. */
export interface DriftBase {
  /**
   * A snapshot file, an inventory kept in memory before switching tenants (dev vs prod), or a snapshot from the
   * server's history.
   */
  source: 'file' | 'pinned' | 'history';
  /** The file's name, or the tenant's label. */
  name: string;
  identityDomain: string;
  customerId: string;
  /** When the snapshot was exported, or the inventory pinned. */
  takenAt: Date;
  /** 'view': the file holds only a filtered view of its tenant (clients outside it will show as added). */
  scope: 'inventory' | 'view';
  /** The base's clients were not all loaded when it was taken. */
  incomplete: boolean;
  inventory: Inventory;
}

// In memory only: a base survives navigating and switching tenants (the query cache is cleared then), never a
// reload. Nothing of it is stored in the browser.
let current: DriftBase | null = null;
const listeners = new Set<() => void>();

export function setDriftBase(base: DriftBase | null): void {
  current = base;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDriftBase(): DriftBase | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
