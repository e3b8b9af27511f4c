// What the History page says, for the app that draws it and for the server that writes a picture of its first
// lines into the HTML (src/server/history-page.ts): one source for both, so that nothing changes when the app takes
// over. Also the snapshot list the HTML carries for the app, so that the app's first render has the same rows.
import { z } from 'zod';
import { findingsTotal, historySnapshotSchema, type HistorySnapshot } from './history.ts';
import { formatDateTime, pluralize } from './text-format.ts';

export const historyHeading = 'History';
export const historyEmptyLead =
  'Every complete inventory the dashboard reads is remembered, with what changed since the one before.';
export const historyChartHeading = 'Clients and findings over time';
export const noPicksPrompt = 'Pick two snapshots to compare them in Drift.';
export const compareButtonLabel = 'Compare in Drift';
export const compareWithNowLabel = 'Compare with now';
export const firstSnapshotWords = 'First snapshot';
export const noChangeWords = 'No change';

/** "Customer …. 365 snapshots, the latest taken 1 Dec 2026, 06:00." (the customer once the session is known). */
export function historyLead(customerId: string | null, snapshots: readonly HistorySnapshot[]): string {
  const customer = customerId === null ? '' : `Customer ${customerId}. `;
  const newest = snapshots[0];
  if (newest === undefined) return customer + historyEmptyLead;
  const latest = formatDateTime(new Date(newest.takenAt));
  return `${customer}${pluralize(snapshots.length, 'snapshot')}, the latest taken ${latest}.`;
}

export function snapshotsHeading(count: number): string {
  return `Snapshots (${count})`;
}

const sourceLabels: Record<string, string> = {
  browser: 'Page load',
  refresh: 'Refresh',
  scheduled: 'Scheduled',
};

/** How the snapshot was taken, as people say it; a word this dashboard does not know is shown as it came. */
export function sourceLabel(source: string): string {
  return sourceLabels[source] ?? source;
}

export interface HistoryPoint {
  takenAt: Date;
  clients: number;
  /** Null when the server did not count the snapshot's findings. */
  findings: number | null;
}

/** Oldest first, for the chart. */
export function historyPoints(snapshots: readonly HistorySnapshot[]): HistoryPoint[] {
  return snapshots
    .map((snapshot) => ({
      takenAt: new Date(snapshot.takenAt),
      clients: snapshot.clients,
      findings: findingsTotal(snapshot),
    }))
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

/** The id of the `<script type="application/json">` element carrying the list (data, never run). */
export const carriedSnapshotsElementId = 'history-snapshots';

/** Beyond this many snapshots the HTML would grow past what a first paint is worth: the plain page goes out. */
export const carriedSnapshotsLimit = 1000;

export const carriedSnapshotsSchema = z.object({
  identityDomain: z.string(),
  customerId: z.string(),
  snapshots: z.array(historySnapshotSchema),
});
export type CarriedSnapshots = z.infer<typeof carriedSnapshotsSchema>;
