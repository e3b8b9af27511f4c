// Content addressing: the same client or policy, whatever the order of its keys, has the same hash.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level; arrays keep their order (it can mean something). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonicalJson(child)}`).join(',')}}`;
  }
  // undefined, functions and symbols have no JSON: written as null, as inside an array.
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
    ? 'null'
    : JSON.stringify(value);
}

export function contentHash(kind: string, canonical: string): string {
  return createHash('sha256').update(kind).update('\n').update(canonical).digest('hex');
}
