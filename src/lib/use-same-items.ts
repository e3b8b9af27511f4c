import { useState } from 'react';

/** Whether two lists hold the same items (by identity) in the same order. */
export function sameItems<Item>(a: readonly Item[], b: readonly Item[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * The list from an earlier render when it holds the same items as this one: while the inventory streams, each
 * publish builds new arrays of mostly the same rows, and a memoised component (the data grid) handed a new array
 * of the same rows re-renders everything it shows.
 */
export function useSameItems<Item>(items: readonly Item[]): readonly Item[] {
  // State from the previous render, updated during render (React's documented pattern), not a ref.
  const [kept, setKept] = useState(items);
  if (sameItems(kept, items)) return kept;
  setKept(items);
  return items;
}
