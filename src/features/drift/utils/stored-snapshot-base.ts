import type { InventorySnapshot } from '../../../identity-cloud/snapshot.ts';
import { snapshotToInventory } from '../../../identity-cloud/snapshot.ts';
import { formatDateTime } from '../../../lib/format/format.ts';
import type { DriftBase } from '../hooks/drift-base-store.ts';

/** A snapshot from the server's history as one side of a comparison. */
export function storedSnapshotBase(snapshot: InventorySnapshot): DriftBase {
  const takenAt = new Date(snapshot.exportedAt);
  return {
    source: 'history',
    name: `Snapshot of ${Number.isNaN(takenAt.getTime()) ? snapshot.exportedAt : formatDateTime(takenAt)}`,
    identityDomain: snapshot.identityDomain,
    customerId: snapshot.customerId,
    takenAt,
    scope: snapshot.scope,
    incomplete: snapshot.done === null || snapshot.clientsWithoutDetails.length > 0,
    inventory: snapshotToInventory(snapshot),
  };
}
