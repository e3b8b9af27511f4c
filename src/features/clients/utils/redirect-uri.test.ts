import { describe, expect, it } from 'vitest';
import { splitRedirectUri } from './redirect-uri.ts';

describe('splitRedirectUri', () => {
  it.each([
    ['https://Shop.example.com:8443/cb?x=1#top', 'https', 'Shop.example.com:8443', '/cb?x=1#top', true],
    ['com.example.app:/oauth/callback', 'com.example.app', '', '/oauth/callback', false],
  ])(
    'separates %s into scheme %j, host %j and rest %j, as written',
    (uri, scheme, host, rest, hasAuthority) => {
      expect(splitRedirectUri(uri)).toEqual({ scheme, host, rest, hasAuthority });
    },
  );

  it('leaves the rest empty after a bare authority', () => {
    expect(splitRedirectUri('http://localhost:3000')).toMatchObject({ host: 'localhost:3000', rest: '' });
  });

  it('returns null for text that is not a URI', () => {
    expect(splitRedirectUri('not a uri')).toBeNull();
  });
});
