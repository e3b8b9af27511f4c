import { describe, expect, it } from 'vitest';
import type { HistorySnapshot } from '../../../identity-cloud/history.ts';
import { historyPoints, sourceLabel } from '../../../identity-cloud/history-page-words.ts';
import { orderedPair, parsePage, parsePicks, togglePick } from './history-view.ts';

function snapshot(id: string, takenAt: string): HistorySnapshot {
  return { id, takenAt, source: 'browser', partial: false, clients: 1, changes: null };
}

const snapshots = [
  snapshot('c', '2026-11-03T00:00:00Z'),
  snapshot('b', '2026-11-02T00:00:00Z'),
  snapshot('a', '2026-11-01T00:00:00Z'),
];

describe('history view', () => {
  it('keeps at most two known picks from the address', () => {
    expect(parsePicks(['x', 'a', 'a', 'b', 'c'], snapshots)).toEqual(['b', 'c']);
    expect(togglePick(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(togglePick(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('compares the older pick (base) with the newer one, whichever was picked first', () => {
    expect(orderedPair(['c', 'a'], snapshots)).toEqual({ base: 'a', against: 'c' });
    expect(orderedPair(['c'], snapshots)).toBeNull();
  });

  it('charts oldest first and names the sources', () => {
    expect(historyPoints(snapshots).map((point) => point.takenAt.toISOString().slice(0, 10))).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(sourceLabel('scheduled')).toBe('Scheduled');
    expect(sourceLabel('webhook')).toBe('webhook');
  });

  it('reads the page from the address, within range', () => {
    expect(parsePage(null, 8)).toBe(0);
    expect(parsePage('3', 8)).toBe(2);
    expect(parsePage('99', 8)).toBe(7);
    expect(parsePage('two', 8)).toBe(0);
  });
});
