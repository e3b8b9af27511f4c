import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../../identity-cloud/drift.ts';
import { defaultMatchBy, parseDriftShow, parseMatchBy } from './drift-view.ts';

describe('drift view', () => {
  it('reads the URL, ignoring nonsense', () => {
    expect(parseDriftShow('removed')).toBe('removed');
    expect(parseDriftShow('everything')).toBe('all');
    expect(parseMatchBy('name')).toBe('name');
    expect(parseMatchBy('title')).toBeNull();
  });

  it('matches by id within a tenant and by name across tenants', () => {
    expect(defaultMatchBy('a', 'a')).toBe('id');
    expect(defaultMatchBy('a', 'b')).toBe('name');
  });

  it('names fields as people say them', () => {
    expect(fieldLabel('redirectURIs')).toBe('Redirect URI');
    expect(fieldLabel('_links.applicationClient')).toBe('Link “applicationClient”');
    expect(fieldLabel('pushClaims')).toBe('pushClaims');
  });
});
