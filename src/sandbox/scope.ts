// The sandbox's scope grammar (our choice; the documentation only shows `*:config/**`):
// a scope is space-separated patterns `<METHOD|*>:<path-glob>`, the path relative to `/{customerId}/`.
// In the path, a `*` segment matches exactly one segment, a `**` segment zero or more, and a `*` inside a
// segment matches any characters but `/` (e.g. `config/client*`).

export interface ScopePattern {
  /** Upper-case HTTP method, or `*` for any. */
  method: string;
  segments: string[];
  source: string;
}

const patternSyntax = /^(\*|[A-Z]+):([^\s:]+)$/;

/** Parses one pattern; `undefined` when it does not follow the grammar. */
export function parseScopePattern(source: string): ScopePattern | undefined {
  const match = patternSyntax.exec(source);
  if (!match) return undefined;
  const [, method = '', path = ''] = match;
  const segments = path.split('/');
  const valid = segments.every(
    (segment) =>
      segment !== '' && segment !== '.' && segment !== '..' && (segment === '**' || !segment.includes('**')),
  );
  return valid ? { method, segments, source } : undefined;
}

/** Parses a whole scope string; `undefined` when it is empty or any pattern is invalid. */
export function parseScope(scope: string): ScopePattern[] | undefined {
  const sources = scope.split(' ').filter((part) => part !== '');
  if (sources.length === 0) return undefined;
  const patterns: ScopePattern[] = [];
  for (const source of sources) {
    const pattern = parseScopePattern(source);
    if (!pattern) return undefined;
    patterns.push(pattern);
  }
  return patterns;
}

function segmentRegExp(segment: string): RegExp {
  const escaped = segment.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]*')}$`);
}

/** Does the allowed segment cover every value the requested segment can take? */
function segmentCovers(allowed: string, requested: string): boolean {
  if (allowed === '*' || allowed === requested) return true;
  // A requested wildcard segment is only covered by `*`, `**` or itself: conservative, never too generous.
  if (requested.includes('*')) return false;
  return allowed.includes('*') && segmentRegExp(allowed).test(requested);
}

function segmentsCover(allowed: readonly string[], requested: readonly string[]): boolean {
  const [head, ...rest] = allowed;
  if (head === undefined) return requested.length === 0;
  if (head === '**') {
    // `**` takes zero segments, or absorbs one requested segment (whatever it is) and stays.
    return (
      segmentsCover(rest, requested) || (requested.length > 0 && segmentsCover(allowed, requested.slice(1)))
    );
  }
  const [first, ...remaining] = requested;
  if (first === undefined || first === '**') return false;
  return segmentCovers(head, first) && segmentsCover(rest, remaining);
}

/**
 * True when every request matched by `requested` is also matched by `allowed`. A concrete request such as
 * `GET config/clients/42` is a pattern too, so this one function both checks token requests and guards endpoints.
 */
export function patternCovers(allowed: ScopePattern, requested: ScopePattern): boolean {
  const methodCovered = allowed.method === '*' || allowed.method === requested.method;
  return methodCovered && segmentsCover(allowed.segments, requested.segments);
}

export function scopeCovers(allowed: readonly ScopePattern[], requested: ScopePattern): boolean {
  return allowed.some((pattern) => patternCovers(pattern, requested));
}

/** The pattern standing for one concrete request, e.g. `GET` and `config/clients/42`. */
export function requestPattern(method: string, path: string): ScopePattern {
  return {
    method: method.toUpperCase(),
    segments: path.split('/').filter((segment) => segment !== ''),
    source: `${method.toUpperCase()}:${path}`,
  };
}
