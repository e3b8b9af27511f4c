import { expect, it } from 'vitest';
import { formatInteger, formatMs, markdownTable } from './markdown-table.ts';

it('pads the cells so that the table aligns as text, numbers to the right', () => {
  const table = markdownTable(
    [{ title: 'method' }, { title: 'time', align: 'right' }],
    [
      ['proxy', '3,412 ms'],
      ['sequential', '52,000 ms'],
    ],
  );
  expect(table).toBe(
    [
      '| method     |      time |',
      '| ---------- | --------: |',
      '| proxy      |  3,412 ms |',
      '| sequential | 52,000 ms |',
    ].join('\n'),
  );
});

it('formats integers and milliseconds with thousands separators, and a dash for no value', () => {
  expect(formatInteger(12345.6)).toBe('12,346');
  expect(formatMs(Number.NaN)).toBe('—');
  expect(formatMs(999)).toBe('999 ms');
});
