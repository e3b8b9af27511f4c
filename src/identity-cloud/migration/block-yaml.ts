// A small YAML writer for plain data (objects, arrays, strings, numbers, booleans, null), in block style. Every
// string is written double-quoted with JSON's escapes, which YAML 1.2 reads the same way: no name or URI can turn
// into another type, a comment or a second key.
function scalar(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

function isScalar(value: unknown): value is string | number | boolean | null | undefined {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

function lines(value: unknown, indent: string): string[] {
  if (isScalar(value)) return [`${indent}${scalar(value)}`];
  if (typeof value !== 'object') throw new TypeError(`YAML cannot hold a ${typeof value}.`);
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    if (items.length === 0) return [`${indent}[]`];
    return items.flatMap((item) => {
      if (isScalar(item)) return [`${indent}- ${scalar(item)}`];
      const nested = lines(item, `${indent}  `);
      const [first = '', ...rest] = nested;
      return [`${indent}- ${first.slice(indent.length + 2)}`, ...rest];
    });
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  if (entries.length === 0) return [`${indent}{}`];
  return entries.flatMap(([key, item]) => {
    const name = JSON.stringify(key);
    if (isScalar(item)) return [`${indent}${name}: ${scalar(item)}`];
    if (typeof item !== 'object') throw new TypeError(`YAML cannot hold a ${typeof item}.`);
    const empty = Array.isArray(item) ? item.length === 0 : Object.keys(item as object).length === 0;
    if (empty) return [`${indent}${name}: ${Array.isArray(item) ? '[]' : '{}'}`];
    return [`${indent}${name}:`, ...lines(item, `${indent}  `)];
  });
}

export function toBlockYaml(value: unknown): string {
  return `${lines(value, '').join('\n')}\n`;
}
