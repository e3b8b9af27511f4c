import { describe, expect, it } from 'vitest';
import { forgetOldest } from './forget-oldest.ts';

describe('forgetOldest', () => {
  it('forgets the entries set first until the cap holds, and nothing under it', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    forgetOldest(map, 3);
    expect([...map.keys()]).toEqual(['a', 'b', 'c']);
    map.set('d', 4);
    forgetOldest(map, 2);
    expect([...map.keys()]).toEqual(['c', 'd']);
  });
});
