// The in-memory tables of the sign-in layer are capped: beyond the cap, the oldest entry goes first.

/** Forgets the oldest entries (a Map keeps insertion order) until at most `max` remain. */
export function forgetOldest(map: Map<string, unknown>, max: number): void {
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done === true) return;
    map.delete(oldest.value);
  }
}
