// The history API's answers (`/api/history/*`), as the server sends them and the app reads them, and the pure
// rules the app draws from them (what changed between two versions of a client).
import { z } from 'zod';
import type { FieldChange } from './drift.ts';
import { compareClientVersions } from './drift.ts';
import { severities } from './findings/finding.ts';
import type { Severity } from './findings/finding.ts';
import type { Client } from './schemas.ts';
import { clientSchema } from './schemas.ts';

export const snapshotSources = ['browser', 'refresh', 'scheduled'] as const;

/** Ids may be numbers in one engine and strings in another: the app only ever needs them as text. */
const snapshotIdSchema = z.union([z.string().min(1), z.number().int()]).transform(String);

const changeCountsSchema = z.looseObject({
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
});
export type SnapshotChangeCounts = z.infer<typeof changeCountsSchema>;

const findingsBySeveritySchema = z.looseObject(
  Object.fromEntries(
    severities.map((severity) => [severity, z.number().int().nonnegative().optional()]),
  ) as Record<Severity, z.ZodOptional<z.ZodNumber>>,
);

export const historySnapshotSchema = z.looseObject({
  id: snapshotIdSchema,
  takenAt: z.iso.datetime({ offset: true }),
  /** `browser`, `refresh` or `scheduled`; a newer server may send another word, shown as it is. */
  source: z.string(),
  partial: z.boolean(),
  clients: z.number().int().nonnegative(),
  /** Against the snapshot before it; absent or null for the first one. */
  changes: changeCountsSchema.nullish(),
  /** Findings by severity, when the server sends them (the chart draws them). */
  findings: findingsBySeveritySchema.nullish(),
});
export type HistorySnapshot = z.infer<typeof historySnapshotSchema>;

export const historySnapshotListSchema = z.looseObject({ snapshots: z.array(historySnapshotSchema) });

export const clientHistorySchema = z.looseObject({
  versions: z.array(
    z.looseObject({
      snapshotId: snapshotIdSchema,
      takenAt: z.iso.datetime({ offset: true }),
      client: clientSchema,
    }),
  ),
  removedAt: z.iso.datetime({ offset: true }).nullish(),
});
export type ClientHistory = z.infer<typeof clientHistorySchema>;

export const historyStatusSchema = z.looseObject({
  enabled: z.boolean(),
  reason: z.string().nullish(),
});
export type HistoryStatus = z.infer<typeof historyStatusSchema>;

/** Total findings of a snapshot, or null when the server did not count them. */
export function findingsTotal(snapshot: HistorySnapshot): number | null {
  const counts = snapshot.findings;
  if (counts === null || counts === undefined) return null;
  return severities.reduce((sum, severity) => sum + (counts[severity] ?? 0), 0);
}

export interface ClientVersionChange {
  snapshotId: string;
  takenAt: string;
  /** Null for the first version: the client as first seen. */
  changes: FieldChange[] | null;
  client: Client;
}

/** One client's versions, oldest first, each with what changed against the one before it. */
export function clientVersionChanges(history: ClientHistory): ClientVersionChange[] {
  return history.versions.map((version, index) => {
    const previous = index === 0 ? undefined : history.versions[index - 1];
    return {
      snapshotId: version.snapshotId,
      takenAt: version.takenAt,
      changes: previous === undefined ? null : compareClientVersions(previous.client, version.client),
      client: version.client,
    };
  });
}
