import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path.ts';

describe('safeReturnPath', () => {
  it('keeps a path of this dashboard with its query and fragment', () => {
    expect(safeReturnPath('/clients?kind=public#top')).toBe('/clients?kind=public#top');
    expect(safeReturnPath('/clients/abc%2Fdef')).toBe('/clients/abc%2Fdef');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['absolute URL', 'https://evil.example/'],
    ['protocol-relative', '//evil.example/'],
    ['backslash', '/\\evil.example/'],
    ['tab inside', '/\t/evil.example/'],
    ['javascript:', 'javascript:alert(1)'],
    ['relative without slash', 'clients'],
    ['the sign-in routes', '/auth/sign-in'],
    ['dot segments into the sign-in routes', '/x/../auth/callback'],
  ])('falls back to / for %s', (_label, candidate) => {
    expect(safeReturnPath(candidate)).toBe('/');
  });
});
