import type { HistorySnapshot } from '../../../identity-cloud/history.ts';

/** The snapshots picked for comparison (`?pick=a&pick=b`): at most two, known ones only, in the order picked. */
export function parsePicks(values: readonly string[], snapshots: readonly HistorySnapshot[]): string[] {
  const known = new Set(snapshots.map((snapshot) => snapshot.id));
  return [...new Set(values)].filter((id) => known.has(id)).slice(-2);
}

/** Picking a third snapshot lets go of the first one picked; picking a picked one lets go of it. */
export function togglePick(picks: readonly string[], id: string): string[] {
  if (picks.includes(id)) return picks.filter((pick) => pick !== id);
  return [...picks, id].slice(-2);
}

/** The two picks as base (older) and against (newer), for the drift page. */
export function orderedPair(
  picks: readonly string[],
  snapshots: readonly HistorySnapshot[],
): { base: string; against: string } | null {
  if (picks.length !== 2) return null;
  const picked = snapshots
    .filter((snapshot) => picks.includes(snapshot.id))
    .sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  const [older, newer] = picked;
  return older === undefined || newer === undefined ? null : { base: older.id, against: newer.id };
}

/** `?page=2` (one-based in the address) as a zero-based page within range; nonsense reads as the first page. */
export function parsePage(value: string | null, pageCount: number): number {
  const page = Number(value ?? '1');
  if (!Number.isInteger(page) || page < 1) return 0;
  return Math.min(page, Math.max(pageCount, 1)) - 1;
}
