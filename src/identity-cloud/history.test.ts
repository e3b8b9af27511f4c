import { describe, expect, it } from 'vitest';
import {
  clientHistorySchema,
  clientVersionChanges,
  findingsTotal,
  historySnapshotListSchema,
  historyStatusSchema,
} from './history.ts';
import { publicClient } from './inventory-fixtures.ts';

describe('history answers', () => {
  it('reads a snapshot list as the server sends it, tolerating unknown fields, numeric ids and a first snapshot', () => {
    const parsed = historySnapshotListSchema.parse({
      snapshots: [
        {
          id: 7,
          takenAt: '2026-12-01T10:00:00.000Z',
          source: 'refresh',
          partial: true,
          clients: 60,
          changes: { added: 1, removed: 0, changed: 2 },
          findings: { high: 2, low: 1 },
          somethingNew: true,
        },
        { id: 'a1', takenAt: '2026-11-30T10:00:00Z', source: 'browser', partial: false, clients: 59 },
      ],
    });
    expect(parsed.snapshots.map((snapshot) => snapshot.id)).toEqual(['7', 'a1']);
    expect(parsed.snapshots[1]?.changes).toBeUndefined();
    expect(parsed.snapshots.map(findingsTotal)).toEqual([3, null]);
  });

  it('refuses a snapshot without its time or client count', () => {
    expect(
      historySnapshotListSchema.safeParse({ snapshots: [{ id: '1', source: 'browser', partial: false }] })
        .success,
    ).toBe(false);
  });

  it('reads the status with or without a reason', () => {
    expect(historyStatusSchema.parse({ enabled: false, reason: 'the disk is full' }).reason).toBe(
      'the disk is full',
    );
    expect(historyStatusSchema.parse({ enabled: true, reason: null }).enabled).toBe(true);
  });
});

describe('a client’s versions', () => {
  it('says, per version, which redirect URI came and went, which policy it switched to and its new name', () => {
    const first = publicClient('shop', ['https://shop.example.com/cb']);
    const second = {
      ...first,
      redirectURIs: ['https://shop.example.com/cb', 'https://shop.example.com/new'],
    };
    const third = {
      ...second,
      name: 'Shop',
      tokenPolicy: 'tp-b',
      redirectURIs: ['https://shop.example.com/new'],
    };
    const history = clientHistorySchema.parse({
      versions: [
        { snapshotId: 1, takenAt: '2026-11-01T00:00:00Z', client: first },
        { snapshotId: 4, takenAt: '2026-11-04T00:00:00Z', client: second },
        { snapshotId: 9, takenAt: '2026-11-09T00:00:00Z', client: third },
      ],
      removedAt: null,
    });
    const versions = clientVersionChanges(history);
    expect(versions.map((version) => version.snapshotId)).toEqual(['1', '4', '9']);
    expect(versions[0]?.changes).toBeNull();
    expect(versions[1]?.changes).toEqual([
      { field: 'redirectURIs', kind: 'added', before: null, after: 'https://shop.example.com/new' },
    ]);
    expect(versions[2]?.changes).toEqual([
      { field: 'name', kind: 'changed', before: 'Public shop', after: 'Shop' },
      { field: 'redirectURIs', kind: 'removed', before: 'https://shop.example.com/cb', after: null },
      { field: 'tokenPolicy', kind: 'changed', before: 'tp-a', after: 'tp-b' },
    ]);
  });
});
