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
  it('lets *:config/** call every configuration endpoint with any method', () => {
    expect(allows('*:config/**', 'GET', 'config/clients')).toBe(true);
    expect(allows('*:config/**', 'GET', 'config/loginPolicies/42')).toBe(true);
    expect(allows('*:config/**', 'DELETE', 'config/clients/42/secret')).toBe(true);
    expect(allows('*:config/**', 'GET', 'login/token')).toBe(false);
  });

  it('restricts by method', () => {
    expect(allows('GET:config/**', 'GET', 'config/clients')).toBe(true);
    expect(allows('GET:config/**', 'POST', 'config/clients')).toBe(false);
  });

  it('matches * as exactly one segment and ** as zero or more', () => {
    expect(allows('GET:config/*', 'GET', 'config/clients')).toBe(true);
    expect(allows('GET:config/*', 'GET', 'config/clients/42')).toBe(false);
    expect(allows('GET:config/clients/**', 'GET', 'config/clients')).toBe(true);
    expect(allows('GET:config/clients/**', 'GET', 'config/clients/42/secret')).toBe(true);
    expect(allows('GET:config/clients/**', 'GET', 'config/loginPolicies')).toBe(false);
    expect(allows('GET:config/**/secret', 'GET', 'config/clients/42/secret')).toBe(true);
    expect(allows('GET:config/**/secret', 'GET', 'config/clients/42')).toBe(false);
  });

  it('supports a wildcard inside a segment, without crossing a slash', () => {
    expect(allows('GET:config/*Policies', 'GET', 'config/loginPolicies')).toBe(true);
    expect(allows('GET:config/*Policies', 'GET', 'config/clients')).toBe(false);
    expect(allows('GET:config/*Policies', 'GET', 'config/loginPolicies/42')).toBe(false);
  });

  it('takes regular-expression characters in ids literally', () => {
    expect(allows('GET:config/clients/a.b', 'GET', 'config/clients/axb')).toBe(false);
    expect(allows('GET:config/clients/a.b', 'GET', 'config/clients/a.b')).toBe(true);
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
