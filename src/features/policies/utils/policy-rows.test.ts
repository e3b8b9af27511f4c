import { describe, expect, it } from 'vitest';
import { toPolicyRows } from './policy-rows.ts';

describe('toPolicyRows', () => {
  it('merges listed, fetched and referenced policies with their client counts, sorted by title', () => {
    const rows = toPolicyRows(
      [
        { id: 'p1', title: 'Web' },
        { id: 'p2', title: 'Unused' },
      ],
      new Map([['p1', { id: 'p1', title: 'Web (fetched)' }]]),
      new Map([
        ['p1', [{}, {}]],
        ['p9', [{}]],
      ]),
    );
    expect(rows).toEqual([
      { id: 'p9', title: 'Unreadable policy (p9)', unreadable: true, clientCount: 1 },
      { id: 'p2', title: 'Unused', unreadable: false, clientCount: 0 },
      { id: 'p1', title: 'Web (fetched)', unreadable: false, clientCount: 2 },
    ]);
  });
});
