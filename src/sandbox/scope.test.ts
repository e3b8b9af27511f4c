import { describe, expect, it } from 'vitest';
import { parseScope, parseScopePattern, patternCovers, requestPattern, scopeCovers } from './scope.ts';

function pattern(source: string) {
  const parsed = parseScopePattern(source);
  if (!parsed) throw new Error(`test pattern ${source} does not parse`);
  return parsed;
}

function allows(scope: string, method: string, path: string): boolean {
  const patterns = parseScope(scope);
  if (!patterns) throw new Error(`test scope ${scope} does not parse`);
  return scopeCovers(patterns, requestPattern(method, path));
}

describe('scope grammar', () => {
  it('parses the documented scope and space-separated lists', () => {
    expect(parseScope('*:config/**')).toEqual([
      { method: '*', segments: ['config', '**'], source: '*:config/**' },
    ]);
    expect(parseScope('GET:config/clients  GET:config/clients/*')?.map((p) => p.source)).toEqual([
      'GET:config/clients',
      'GET:config/clients/*',
    ]);
  });

  it.each([
    '',
    '   ',
    'config/**',
    'get:config/**',
    '*:/config/**',
    '*:config//clients',
    '*:config/../secret',
    '*:config/a**',
    'GET:config/clients extra',
  ])('refuses %j', (scope) => {
    expect(parseScope(scope)).toBeUndefined();
  });
});

describe('scope coverage of requests', () => {
  it.each([
    // *:config/** calls every configuration endpoint with any method, and nothing else.
    ['*:config/**', 'GET', 'config/clients', true],
    ['*:config/**', 'GET', 'config/loginPolicies/42', true],
    ['*:config/**', 'DELETE', 'config/clients/42/secret', true],
    ['*:config/**', 'GET', 'login/token', false],
    // The method restricts.
    ['GET:config/**', 'GET', 'config/clients', true],
    ['GET:config/**', 'POST', 'config/clients', false],
    // * is exactly one segment, ** zero or more.
    ['GET:config/*', 'GET', 'config/clients', true],
    ['GET:config/*', 'GET', 'config/clients/42', false],
    ['GET:config/clients/**', 'GET', 'config/clients', true],
    ['GET:config/clients/**', 'GET', 'config/clients/42/secret', true],
    ['GET:config/clients/**', 'GET', 'config/loginPolicies', false],
    ['GET:config/**/secret', 'GET', 'config/clients/42/secret', true],
    ['GET:config/**/secret', 'GET', 'config/clients/42', false],
    // A wildcard inside a segment does not cross a slash.
    ['GET:config/*Policies', 'GET', 'config/loginPolicies', true],
    ['GET:config/*Policies', 'GET', 'config/clients', false],
    ['GET:config/*Policies', 'GET', 'config/loginPolicies/42', false],
    // Regular-expression characters in ids are taken literally.
    ['GET:config/clients/a.b', 'GET', 'config/clients/axb', false],
    ['GET:config/clients/a.b', 'GET', 'config/clients/a.b', true],
  ] as const)('%s lets %s %s through: %s', (scope, method, path, covered) => {
    expect(allows(scope, method, path)).toBe(covered);
  });
});

describe('scope coverage of requested patterns (token requests)', () => {
  it('grants subsets of the allowed patterns', () => {
    expect(patternCovers(pattern('*:config/**'), pattern('GET:config/clients/**'))).toBe(true);
    expect(patternCovers(pattern('*:config/**'), pattern('*:config/**'))).toBe(true);
    expect(patternCovers(pattern('GET:config/**'), pattern('GET:config/*/*'))).toBe(true);
    expect(patternCovers(pattern('GET:config/clients/*'), pattern('GET:config/clients/42'))).toBe(true);
  });

  it('refuses anything wider than allowed', () => {
    expect(patternCovers(pattern('GET:config/**'), pattern('*:config/**'))).toBe(false);
    expect(patternCovers(pattern('GET:config/clients/*'), pattern('GET:config/clients/**'))).toBe(false);
    expect(patternCovers(pattern('GET:config/*'), pattern('GET:config/**'))).toBe(false);
    expect(patternCovers(pattern('GET:config/clients'), pattern('GET:config/*'))).toBe(false);
    // Conservative: a requested in-segment wildcard is only granted by `*`, `**` or the same text.
    expect(patternCovers(pattern('GET:config/client*'), pattern('GET:config/c*'))).toBe(false);
  });
});
