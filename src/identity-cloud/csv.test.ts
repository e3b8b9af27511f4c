import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Shop app')).toBe('Shop app');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'guards %j against formula injection with a leading apostrophe',
    (text) => {
      const cell = csvCell(text);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it.each(['\n=1+1', ' =1', '\r\n@SUM(A1)', '\u00a0+1', '\u3000-1', '\t \n=HYPERLINK("x")', '＝1'])(
    'guards %j: whitespace before a formula character does not hide it',
    (text) => {
      expect(csvCell(text).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('does not guard numbers, nor text with a trigger later on', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('writes a BOM, the header, and CRLF-terminated rows', () => {
    const csv = toCsv(
      ['Name', 'Count'],
      [
        ['Ünïcødé 名前', 1],
        ['<script>alert(1)</script>', 2],
      ],
    );
    expect(csv).toBe('\uFEFFName,Count\r\nÜnïcødé 名前,1\r\n<script>alert(1)</script>,2\r\n');
  });

  it('omits the BOM on request', () => {
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });

  it('keeps a multi-line cell on one record', () => {
    const csv = toCsv(['a', 'b'], [['x\r\ny', '=1']], { bom: false });
    expect(csv).toBe('a,b\r\n"x\r\ny",\'=1\r\n');
  });
});
