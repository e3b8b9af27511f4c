// The proxy's history port over the store: records finished inventories and answers the history routes.
import { evaluateInventory } from '../../identity-cloud/findings/evaluate-inventory.ts';
import {
  inventorySnapshotSchema,
  snapshotFormat,
  snapshotToInventory,
  snapshotVersion,
  type InventorySnapshot,
} from '../../identity-cloud/snapshot.ts';
import {
  HistoryUnavailableError,
  type FinishedInventory,
  type HistoryPort,
  type HistoryStatus,
  type HistoryTenant,
} from '../../proxy/history-port.ts';
import {
  clientHistory,
  listSnapshots,
  readSnapshot,
  recordSnapshot,
  type SnapshotMeta,
  type StoredSnapshot,
} from '../../store/history-repository.ts';
import { StoreUnavailableError, type StoreService } from '../../store/store-service.ts';
import type { Store } from '../../store/store.ts';
import { tenantKey, toSnapshotInput } from './snapshot-input.ts';

export interface StoreHistory extends HistoryPort {
  /** Resolves with the snapshot recorded, or null when the store is off (said once in the log). */
  recordNow(finished: FinishedInventory): Promise<SnapshotMeta | null>;
}

function listEntry(meta: SnapshotMeta) {
  return {
    id: meta.id,
    takenAt: meta.takenAt,
    source: meta.source,
    partial: meta.partial,
    unchanged: meta.unchanged,
    clients: meta.clients,
    changes: meta.changes,
    findings: meta.summary.findings ?? null,
  };
}

/** A stored snapshot in the exported snapshot file's shape, findings evaluated by this build's rules. */
export function toSnapshotFile(tenant: HistoryTenant, stored: StoredSnapshot): InventorySnapshot {
  const summary = stored.meta.summary as {
    clientsWithoutDetails?: { id: string; name?: string | null }[];
    failures?: InventorySnapshot['failures'];
    done?: InventorySnapshot['done'];
  };
  const withoutDetails = summary.clientsWithoutDetails ?? [];
  const failedIds = new Set(withoutDetails.map((client) => client.id));
  const contentOf = (kind: string) =>
    stored.items.filter((item) => item.kind === kind && !(kind === 'client' && failedIds.has(item.id)));
  const file = inventorySnapshotSchema.parse({
    format: snapshotFormat,
    version: snapshotVersion,
    exportedAt: stored.meta.takenAt,
    identityDomain: tenant.identityDomain,
    customerId: tenant.customerId,
    scope: 'inventory',
    done: summary.done ?? null,
    clientsWithoutDetails: withoutDetails,
    clients: contentOf('client').map((item) => item.content),
    loginPolicies: contentOf('loginPolicy').map((item) => item.content),
    tokenPolicies: contentOf('tokenPolicy').map((item) => item.content),
    failures: summary.failures ?? [],
  });
  file.findings = evaluateInventory(snapshotToInventory(file)).all.map((finding) => ({
    ...finding,
    subject: { ...finding.subject },
  }));
  return file;
}

export function createStoreHistory(
  service: StoreService,
  log: (line: string) => void = (line) => console.error(line),
): StoreHistory {
  const read = async <T>(work: (store: Store) => Promise<T>): Promise<T> => {
    try {
      return await service.use(work);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw new HistoryUnavailableError(error.reason);
      throw error;
    }
  };

  const recordNow = async (finished: FinishedInventory): Promise<SnapshotMeta | null> => {
    const input = await toSnapshotInput(finished);
    try {
      return await service.use((store) => recordSnapshot(store, input));
    } catch (error) {
      // Off or failing: the store service said so once; the live dashboard goes on.
      if (error instanceof StoreUnavailableError) return null;
      throw error;
    }
  };

  return {
    status: (): Promise<HistoryStatus> => service.refresh(),
    recordNow,
    record: async (finished) => {
      try {
        const recorded = await recordNow(finished);
        return recorded === null
          ? null
          : { id: recorded.id, clients: recorded.clients, unchanged: recorded.unchanged };
      } catch (error) {
        log(
          `history: recording a snapshot failed (${error instanceof Error ? error.name : 'unknown error'}).`,
        );
        return null;
      }
    },
    listSnapshots: async (tenant) => ({
      snapshots: (await read((store) => listSnapshots(store, tenantKey(tenant)))).map(listEntry),
    }),
    snapshot: async (tenant, id) => {
      const stored = await read((store) => readSnapshot(store, tenantKey(tenant), id));
      return stored === null ? null : toSnapshotFile(tenant, stored);
    },
    clientHistory: (tenant, clientId) => read((store) => clientHistory(store, tenantKey(tenant), clientId)),
  };
}
