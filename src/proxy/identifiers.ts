// Ids go into upstream URL paths: only plain identifiers are accepted, so that no id can add a path segment,
// climb with `..`, or smuggle an encoded slash or query.
const identifierPattern = /^[A-Za-z0-9._~-]{1,128}$/;

export function isPlainIdentifier(id: string): boolean {
  return identifierPattern.test(id) && id !== '.' && id !== '..';
}
