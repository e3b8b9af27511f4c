// CSV as RFC 4180 describes it (comma, CRLF line ends, double quotes doubled), guarded against formula
// injection: a spreadsheet evaluates a cell beginning with = + - @ (or a tab / CR before them), and client names
// and redirect URIs are chosen by whoever registers a client.
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte order mark. Default true: Excel, the tool admins open these files with, reads a CSV
   * without it in the system's legacy code page and garbles non-ASCII names; other tools ignore or strip it.
   */
  bom?: boolean;
}

const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r']);
/**
 * Spreadsheets skip leading whitespace (line feeds, spaces, non-breaking and other Unicode spaces) before they
 * look for a formula; fullwidth signs are read as formulas too.
 */
const formulaStart = /^[\s\u0085\u200b\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/u;
const needsQuotes = /[",\r\n]/;

/** One cell as CSV text: strings starting like a formula get a leading apostrophe; numbers are written as is. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (
    typeof value === 'string' &&
    text.length > 0 &&
    (formulaTriggers.has(text.charAt(0)) || formulaStart.test(text))
  ) {
    text = `'${text}`;
  }
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: CsvOptions = {},
): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
