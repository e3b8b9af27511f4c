import { describe, expect, it } from 'vitest';
import type { FindingSubject } from './finding.ts';
import type { RedirectUriRuleId } from './redirect-uri-rules.ts';
import { checkRedirectUri, isLoopbackHost, redirectUriFindings } from './redirect-uri-rules.ts';

const publicApp = { clientIsPublic: true };
const serverApp = { clientIsPublic: false };
const subject: FindingSubject = { kind: 'client', id: 'c1', name: 'Shop' };

/** One case per URI: each breaks the rule (among others, maybe) in that kind of client. */
function itFlags(ruleId: RedirectUriRuleId, uris: string[], app = publicApp) {
  it.each(uris)(`flags %j in a ${app.clientIsPublic ? 'public' : 'confidential'} client`, (uri) => {
    expect(checkRedirectUri(uri, app)).toContain(ruleId);
  });
}

describe('a clean redirect URI', () => {
  it.each([
    'https://shop.example.com/callback',
    'https://shop.example.com:8443/oauth/callback?tenant=eu',
    'com.example.shop:/oauth2redirect',
    'com.example.shop://callback',
  ])('%s breaks no rule in any client', (uri) => {
    expect(checkRedirectUri(uri, publicApp)).toEqual([]);
    expect(checkRedirectUri(uri, serverApp)).toEqual([]);
  });

  it.each(['http://127.0.0.1:8400/callback', 'http://[::1]:8400/cb', 'http://localhost:3000/cb'])(
    'loopback %s is legitimate in a public (native) client, RFC 8252 §7.3',
    (uri) => {
      expect(checkRedirectUri(uri, publicApp)).toEqual([]);
    },
  );
});

describe('redirect-uri-dangerous-scheme (critical)', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('flags %j, and nothing else about it', (uri) => {
    expect(checkRedirectUri(uri, publicApp)).toEqual(['redirect-uri-dangerous-scheme']);
  });

  it('does not flag a path that merely mentions the word', () => {
    expect(checkRedirectUri('https://example.com/javascript:void', publicApp)).toEqual([]);
  });
});

describe('redirect-uri-malformed (high)', () => {
  itFlags('redirect-uri-malformed', [
    '',
    '   ',
    '/callback',
    'callback',
    'https://',
    'https://exa mple.com/cb',
    'https://example.com/cb ',
    'https://example.com/c\nb',
    'https:\\\\evil.example\\cb',
    'https:example.com/cb',
    'https://300.1.1.1/cb',
    'http://[::1/cb',
  ]);

  it('does not flag well-formed absolute URIs', () => {
    expect(checkRedirectUri('https://xn--bcher-kva.example/cb', publicApp)).not.toContain(
      'redirect-uri-malformed',
    );
  });
});

describe('redirect-uri-wildcard (high)', () => {
  itFlags('redirect-uri-wildcard', [
    'https://*.example.com/callback',
    'https://app.example.com/*',
    'https://app.example.com/cb?x=*',
  ]);

  it('flags a wildcard even in an otherwise malformed URI', () => {
    expect(checkRedirectUri('https://*.exa mple.com/cb', publicApp)).toEqual([
      'redirect-uri-malformed',
      'redirect-uri-wildcard',
    ]);
  });

  it('does not flag URIs without an asterisk', () => {
    expect(checkRedirectUri('https://app.example.com/all', publicApp)).not.toContain('redirect-uri-wildcard');
  });
});

describe('redirect-uri-plain-http (high)', () => {
  itFlags('redirect-uri-plain-http', [
    'http://shop.example.com/callback',
    'HTTP://Shop.Example.com/cb',
    'http://10.0.0.8/cb',
  ]);

  it.each([
    'http://127.0.0.1/cb',
    'http://127.1.2.3:9000/cb',
    'http://127.1/cb',
    'http://[::1]/cb',
    'http://localhost/cb',
    'http://LOCALHOST./cb',
    'http://dev.localhost:5173/cb',
    'https://shop.example.com/cb',
  ])('does not flag loopback or https: %s', (uri) => {
    expect(checkRedirectUri(uri, publicApp)).not.toContain('redirect-uri-plain-http');
  });

  it('does not treat look-alike hosts as loopback', () => {
    expect(checkRedirectUri('http://localhost.evil.example/cb', publicApp)).toContain(
      'redirect-uri-plain-http',
    );
    expect(checkRedirectUri('http://127.0.0.1.evil.example/cb', publicApp)).toContain(
      'redirect-uri-plain-http',
    );
  });
});

describe('redirect-uri-fragment (medium)', () => {
  itFlags('redirect-uri-fragment', [
    'https://app.example.com/cb#',
    'https://app.example.com/#/callback',
    'com.example.app:/cb#x',
  ]);

  it('does not flag an encoded hash in the query', () => {
    expect(checkRedirectUri('https://app.example.com/cb?x=%23', publicApp)).not.toContain(
      'redirect-uri-fragment',
    );
  });
});

describe('redirect-uri-loopback-in-confidential-client (medium)', () => {
  itFlags(
    'redirect-uri-loopback-in-confidential-client',
    ['http://localhost:8080/cb', 'https://localhost/cb', 'http://127.0.0.1/cb', 'http://[::1]:3000/cb'],
    serverApp,
  );

  it('does not flag the same URIs in a public client, nor public hosts in a confidential one', () => {
    expect(checkRedirectUri('http://localhost:8080/cb', publicApp)).toEqual([]);
    expect(checkRedirectUri('https://app.example.com/cb', serverApp)).toEqual([]);
  });
});

describe('redirect-uri-ip-literal (low)', () => {
  itFlags('redirect-uri-ip-literal', [
    'https://203.0.113.7/cb',
    'https://[2001:db8::1]/cb',
    'https://192.168.1.20:8443/cb',
  ]);

  it('leaves loopback IPs to the loopback rule (legitimate in native apps, RFC 8252)', () => {
    expect(checkRedirectUri('http://127.0.0.1:8400/cb', publicApp)).not.toContain('redirect-uri-ip-literal');
    expect(checkRedirectUri('http://127.0.0.1:8400/cb', serverApp)).toEqual([
      'redirect-uri-loopback-in-confidential-client',
    ]);
  });

  it('does not flag DNS names', () => {
    expect(checkRedirectUri('https://host-203-0-113-7.example.com/cb', publicApp)).toEqual([]);
  });
});

describe('redirect-uri-custom-scheme-not-reverse-domain (low)', () => {
  itFlags('redirect-uri-custom-scheme-not-reverse-domain', [
    'myapp://callback',
    'myapp:/callback',
    'urn:ietf:wg:oauth:2.0:oob',
    'com.:/cb',
  ]);

  it.each(['com.example.app:/oauth2redirect', 'io.github.some-dev.app://cb', 'https://app.example.com/cb'])(
    'does not flag %s',
    (uri) => {
      expect(checkRedirectUri(uri, publicApp)).not.toContain('redirect-uri-custom-scheme-not-reverse-domain');
    },
  );
});

describe('isLoopbackHost', () => {
  it('knows IPv4-mapped loopback as the URL parser writes it', () => {
    expect(isLoopbackHost(new URL('http://[::ffff:127.0.0.1]/').hostname)).toBe(true);
    expect(isLoopbackHost(new URL('http://[::ffff:10.0.0.1]/').hostname)).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});

describe('redirectUriFindings', () => {
  it('flags a duplicate once, with the URI as detail, however many copies there are', () => {
    const findings = redirectUriFindings(
      {
        type: 'public',
        redirectURIs: [
          'https://app.example.com/cb',
          'HTTPS://APP.example.com:443/cb',
          'https://app.example.com/cb',
          'https://app.example.com/other',
        ],
      },
      subject,
    );
    expect(findings.map((finding) => [finding.ruleId, finding.detail])).toEqual([
      ['redirect-uri-duplicate', 'HTTPS://APP.example.com:443/cb'],
    ]);
  });

  it('does not treat different paths, or different cases in the path, as duplicates', () => {
    const findings = redirectUriFindings(
      { type: 'public', redirectURIs: ['https://app.example.com/cb', 'https://app.example.com/CB'] },
      subject,
    );
    expect(findings).toEqual([]);
  });

  it('reports each broken URI with the full finding texts and the client as subject', () => {
    const [finding, ...rest] = redirectUriFindings(
      { type: 'confidential', redirectURIs: ['javascript:alert(1)'] },
      subject,
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'redirect-uri-dangerous-scheme',
      severity: 'critical',
      subject,
      detail: 'javascript:alert(1)',
    });
    expect(finding?.title).not.toContain('\n');
    expect(finding?.recommendation).toMatch(/remove/i);
  });

  it('treats a missing list as empty', () => {
    expect(redirectUriFindings({ type: 'public', redirectURIs: null }, subject)).toEqual([]);
  });
});
