// Every value that reaches a log line goes through here: a request path (or anything else a client chose) must not
// start a new line, move the cursor, recolour the terminal or reorder text. C0 and C1 controls, DEL, the Unicode
// line and paragraph separators and the bidirectional controls become `?`; long values are cut.
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const maxLoggedValueLength = 200;

export function sanitiseLogValue(value: string, maxLength: number = maxLoggedValueLength): string {
  const clean = value.replace(unsafeCharacters, '?');
  return clean.length > maxLength ? `${clean.slice(0, maxLength)}…` : clean;
}
