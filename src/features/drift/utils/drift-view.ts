import type { DriftMatchBy, InventoryDrift } from '../../../identity-cloud/drift.ts';

/** Which results show: every kind of change, or one. */
export const driftShows = ['all', 'added', 'removed', 'changed', 'notCompared'] as const;
export type DriftShow = (typeof driftShows)[number];

export function parseDriftShow(value: string | null): DriftShow {
  return value !== null && (driftShows as readonly string[]).includes(value) ? (value as DriftShow) : 'all';
}

export function parseMatchBy(value: string | null): DriftMatchBy | null {
  return value === 'id' || value === 'name' ? value : null;
}

/** Same tenant: clients keep their ids. Another tenant (dev vs prod): ids differ, names are what match. */
export function defaultMatchBy(baseCustomerId: string, currentCustomerId: string): DriftMatchBy {
  return baseCustomerId === currentCustomerId ? 'id' : 'name';
}

export function driftCounts(drift: InventoryDrift): Record<DriftShow, number> {
  const added = drift.added.length;
  const removed = drift.removed.length;
  const changed = drift.changed.length;
  const notCompared = drift.notCompared.length;
  return { all: added + removed + changed + notCompared, added, removed, changed, notCompared };
}
