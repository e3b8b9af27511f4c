// Content addressing: the same client or policy, whatever the order of its keys, has the same hash.
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level; arrays keep their order (it can mean something). Written as one
 * string built in place (no entries arrays, no intermediate strings per level): a 10,000-client inventory is
 * hashed on every recording, and the text must stay byte for byte what it was, or every stored version would
 * look changed.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) {
    // undefined, functions and symbols have no JSON: written as null, as inside an array.
    return value === undefined || typeof value === 'function' || typeof value === 'symbol'
      ? 'null'
      : JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += canonicalJson((value[index] as unknown) ?? null);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  // Default sort: UTF-16 code units, as a < b compares them (keys are distinct, so there are no ties).
  const keys = Object.keys(record).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const child = record[key];
    if (child === undefined) continue;
    if (!first) text += ',';
    first = false;
    text += `${JSON.stringify(key)}:${canonicalJson(child)}`;
  }
  return `${text}}`;
}

export function contentHash(kind: string, canonical: string): string {
  return createHash('sha256').update(kind).update('\n').update(canonical).digest('hex');
}
