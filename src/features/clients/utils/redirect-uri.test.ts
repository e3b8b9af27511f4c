import { describe, expect, it } from 'vitest';
import { splitRedirectUri } from './redirect-uri.ts';

describe('splitRedirectUri', () => {
  it('separates scheme, host and the rest, keeping the text as written', () => {
    expect(splitRedirectUri('https://Shop.example.com:8443/cb?x=1#top')).toEqual({
      scheme: 'https',
      host: 'Shop.example.com:8443',
      rest: '/cb?x=1#top',
      hasAuthority: true,
    });
    expect(splitRedirectUri('http://localhost:3000')).toMatchObject({ host: 'localhost:3000', rest: '' });
  });

  it('handles app deep links without an authority', () => {
    expect(splitRedirectUri('com.example.app:/oauth/callback')).toEqual({
      scheme: 'com.example.app',
      host: '',
      rest: '/oauth/callback',
      hasAuthority: false,
    });
  });

  it('returns null for text that is not a URI', () => {
    expect(splitRedirectUri('not a uri')).toBeNull();
  });
});
