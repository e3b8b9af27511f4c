// A Markdown table padded to align in a terminal too (the benchmark prints it; docs/performance.md quotes it).

export type Alignment = 'left' | 'right';

export interface Column {
  title: string;
  align?: Alignment;
}

export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) =>
    Math.max(3, column.title.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const pad = (text: string, index: number) => {
    const width = widths[index] ?? 3;
    return columns[index]?.align === 'right' ? text.padStart(width) : text.padEnd(width);
  };
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, index) => pad(cell, index)).join(' | ')} |`;
  const rule = `|${columns
    .map((column, index) => {
      const dashes = '-'.repeat(widths[index] ?? 3);
      return column.align === 'right' ? ` ${dashes.slice(1)}: ` : ` ${dashes} `;
    })
    .join('|')}|`;
  return [line(columns.map((column) => column.title)), rule, ...rows.map(line)].join('\n');
}

/** 1234 → "1,234"; thousands separated as people read them. */
export function formatInteger(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—';
}

export function formatMs(value: number): string {
  return Number.isFinite(value) ? `${formatInteger(value)} ms` : '—';
}
