// The proxy's history port over the store: records finished inventories and answers the history routes.
import { evaluateInventory } from '../../identity-cloud/findings/evaluate-inventory.ts';
import { applyInventoryLine, emptyInventory } from '../../identity-cloud/inventory.ts';
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
  type HistoryRecording,
  type HistoryStatus,
  type HistoryTenant,
  type RecordedSnapshot,
  type RecordingStart,
} from '../../proxy/history-port.ts';
import { clientHistory, listSnapshots, readSnapshot } from '../../store/history-read.ts';
import { recordSnapshot } from '../../store/history-record.ts';
import type { SnapshotMeta, StoredSnapshot } from '../../store/history-types.ts';
import { StoreUnavailableError, type StoreService } from '../../store/store-service.ts';
import type { Store } from '../../store/store.ts';
import { tenantKey } from '../../store/tenant-key.ts';
import { PreparedItems } from './prepared-items.ts';
import { toSnapshotInput } from './snapshot-input.ts';
import { VersionsAhead } from './versions-ahead.ts';

export interface StoreHistory extends HistoryPort {
  /**
   * Resolves with the snapshot recorded, or null when the store is off (said once in the log). `prepared`: the
   * items already redacted and hashed as they streamed.
   */
  recordNow(
    finished: FinishedInventory,
    prepared?: PreparedItems,
    storedAhead?: ReadonlySet<string>,
  ): Promise<SnapshotMeta | null>;
}

/**
 * What may be logged of an error: its name and a driver's code (`SQLITE_BUSY`, `40P01`), never its message,
 * which can quote stored data.
 */
export function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  return code !== null && /^[A-Z0-9_]{1,40}$/.test(code) ? `${error.name} ${code}` : error.name;
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

  const recordNow = async (
    finished: FinishedInventory,
    prepared?: PreparedItems,
    storedAhead?: ReadonlySet<string>,
  ): Promise<SnapshotMeta | null> => {
    // Off (IDC_STORE=off, or down and not due for another try): none of the work below would be kept.
    if (!(await service.refresh()).enabled) return null;
    const input = await toSnapshotInput(finished, prepared);
    if (storedAhead !== undefined) input.versionsStoredAhead = storedAhead;
    try {
      return await service.use((store) => recordSnapshot(store, input));
    } catch (error) {
      // Off or failing: the store service said so once; the live dashboard goes on.
      if (error instanceof StoreUnavailableError) return null;
      throw error;
    }
  };

  const record = async (
    finished: FinishedInventory,
    prepared?: PreparedItems,
    ahead?: VersionsAhead,
  ): Promise<RecordedSnapshot | null> => {
    try {
      const recorded = await recordNow(finished, prepared, await ahead?.settle());
      return recorded === null
        ? null
        : { id: recorded.id, clients: recorded.clients, unchanged: recorded.unchanged };
    } catch (error) {
      log(`history: recording a snapshot failed (${errorKind(error)}).`);
      return null;
    }
  };

  const begin = ({ tenant, source, takenAt }: RecordingStart): HistoryRecording => {
    const inventory = emptyInventory();
    const prepared = new PreparedItems();
    // With no store open now, the lines are only folded: if it is back by the done line, what was not prepared
    // is prepared then; if not (or history is off), no per-item work was spent on a recording nobody keeps.
    const preparing = service.status().enabled;
    // The versions go to the store as they are prepared: the transaction after the done line is left the spans.
    const ahead = preparing ? new VersionsAhead(service, tenantKey(tenant)) : null;
    let folded = true;
    return {
      take: (line) => {
        if (!folded) return;
        try {
          applyInventoryLine(inventory, line);
        } catch (error) {
          // An inventory folded wrong must not be recorded; the stream itself goes on.
          folded = false;
          log(`history: recording a snapshot failed (${errorKind(error)}).`);
          return;
        }
        if (ahead === null) return;
        try {
          const [kind, item] =
            line.kind === 'client'
              ? (['client', line.client] as const)
              : line.kind === 'loginPolicy' || line.kind === 'tokenPolicy'
                ? ([line.kind, line.policy] as const)
                : [null, null];
          if (kind === null) return;
          const { canonical, hash } = prepared.prepare(kind, item);
          ahead.add({ kind, id: item.id, hash, canonical });
        } catch {
          // Prepared again after the done line, where the same failure is logged as the recording's.
        }
      },
      finish: async () => {
        if (!folded || inventory.done === null) {
          // Cut: what was stored ahead is referenced by nothing, and goes at the next pruning.
          await ahead?.settle();
          return null;
        }
        return record({ tenant, source, takenAt, inventory }, prepared, ahead ?? undefined);
      },
    };
  };

  return {
    status: (): Promise<HistoryStatus> => service.refresh(),
    recordNow,
    record: (finished) => record(finished),
    begin,
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
