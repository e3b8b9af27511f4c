// What every section of the benchmark's report is made of: a heading, tables and notes, and the targets it checks.
import type { Column } from './markdown-table.ts';

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** Columns of figures, aligned right so that the digits line up. */
export function rightAligned(...titles: string[]): Column[] {
  return titles.map((title) => ({ title, align: 'right' }));
}

/** A section: its heading, then each non-empty block (a table, a paragraph) after a blank line. */
export function reportSection(heading: string, ...blocks: string[]): string {
  return [heading, ...blocks.filter((block) => block !== '')].join('\n\n');
}
