// What the history store records and answers: the shapes shared by recording, reading and retention.
export const historyItemKinds = ['client', 'loginPolicy', 'tokenPolicy'] as const;
export type HistoryItemKind = (typeof historyItemKinds)[number];
export type SnapshotSource = 'browser' | 'refresh' | 'scheduled';

export interface HistoryItem {
  kind: HistoryItemKind;
  id: string;
  content: unknown;
  /**
   * The content's canonical JSON and content hash, when the caller made them already (the server prepares each
   * item while the inventory streams); otherwise the recording makes them.
   */
  canonical?: string;
  hash?: string;
}

export interface SnapshotInput {
  tenant: string;
  takenAt: Date;
  source: SnapshotSource;
  partial: boolean;
  /** What this read returned. */
  items: readonly HistoryItem[];
  /** Items that failed: their last known version stays (a failed client is never reported removed). */
  carriedOver: readonly { kind: HistoryItemKind; id: string }[];
  /** Kinds whose list failed: every known item of the kind that was not read stays. */
  carriedOverKinds: readonly HistoryItemKind[];
  /** Counts, findings by severity, failures, clients without details, done line: kept as given. */
  summary: Record<string, unknown>;
  /**
   * Hashes of versions written while the inventory streamed (`history-versions-ahead.ts`): checked rather than
   * written again, since pruning may have removed some of them meanwhile.
   */
  versionsStoredAhead?: ReadonlySet<string>;
}

export interface SnapshotChanges {
  added: number;
  removed: number;
  changed: number;
}

export interface SnapshotMeta {
  id: string;
  takenAt: string;
  source: SnapshotSource;
  partial: boolean;
  unchanged: boolean;
  clients: number;
  changes: SnapshotChanges;
  summary: Record<string, unknown>;
}

export interface StoredSnapshot {
  meta: SnapshotMeta;
  items: HistoryItem[];
}

export interface ClientVersion {
  snapshotId: string;
  takenAt: string;
  client: unknown;
}
