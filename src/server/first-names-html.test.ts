// The HTML of /clients over real HTTP: the server's default connection (an embedded sandbox) is the session, the
// built app is a stand-in index.html. What a browser is sent, byte for byte: the names, escaped, and no secret.
import { describe, expect, it } from 'vitest';
import { clientDisplayName } from '../identity-cloud/client-model.ts';
import { firstNamesPageSize, firstNamesSchema } from '../identity-cloud/first-names.ts';
import {
  htmlServersForEachTest,
  personalPageHtml,
  standInIndexHtml,
} from '../test-support/node/html-server-under-test.ts';

const hostileName = '<img src=x onerror=alert(1)> $& </script><!--';

const { start, getPage } = htmlServersForEachTest();

function carriedJson(html: string): unknown {
  const match = /<script type="application\/json" id="first-names">([^<]*)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error('no first-names data in the page');
  return JSON.parse(match[1]);
}

describe('the HTML of /clients', () => {
  it('carries the first page of names, escaped, for a session with a connection, and no secret', async () => {
    // A deadline no loaded test machine misses: the one under test is the last case's.
    const server = await start({ embeddedSandbox: { clients: 80 }, firstNamesTimeoutMs: 30_000 });
    const sandbox = server.sandbox;
    if (sandbox === null) throw new Error('no sandbox');
    const hostile = sandbox.data.clients[1];
    if (hostile === undefined) throw new Error('too few clients');
    sandbox.admin.renameClient(hostile.id, hostileName);

    const response = await getPage(server, '/clients');
    const html = await personalPageHtml(response);

    const expected = sandbox.data.clients
      .slice(0, firstNamesPageSize)
      .map((client) => ({ id: client.id, name: clientDisplayName(client) }));
    const carried = firstNamesSchema.parse(carriedJson(html));
    expect(carried.clients).toEqual(expected);
    expect(carried.total).toBe(80);
    expect(carried.customerId).toBe(sandbox.customerId);

    // The picture: every name of the page as a link's text, in order, and nothing beyond the first page.
    const linkTexts = [...html.matchAll(/<a href="\/clients\/[^"]*">([^<]*)<\/a>/g)].map((match) => match[1]);
    const escape = (text: string) =>
      text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
    expect(linkTexts).toEqual(expected.map((client) => escape(client.name)));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; $&amp; &lt;/script&gt;&lt;!--');

    for (const secret of [sandbox.clientSecret, ...sandbox.issuedAccessTokens()])
      expect(html).not.toContain(secret);
    // The app's own page is still in it.
    expect(html).toContain('<script type="module" src="/assets/index-3f9a1c.js"></script>');
  });

  it('is the plain index.html without a session, for a cookie naming none, and for a filtered list', async () => {
    const plain = await start({ embeddedSandbox: false });
    const noSession = await getPage(plain, '/clients');
    expect(await noSession.text()).toBe(standInIndexHtml);
    expect(noSession.headers.get('cache-control')).toBe('no-cache');

    const server = await start({ embeddedSandbox: { clients: 20 }, firstNamesTimeoutMs: 30_000 });
    const ended = await getPage(server, '/clients', { cookie: '__Host-idc_session=0123456789abcdef' });
    expect(await ended.text()).toBe(standInIndexHtml);
    // Only looked at: the API calls that follow are the ones that clear it and say why.
    expect(ended.headers.get('set-cookie')).toBeNull();

    const filtered = await getPage(server, '/clients?q=web');
    expect(await filtered.text()).toBe(standInIndexHtml);
    const json = await fetch(new URL('/clients', server.url), { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
  });

  it('is the plain page at once when the tenant does not answer the list within the deadline', async () => {
    const server = await start({
      embeddedSandbox: { clients: 20, faults: { hang: 1 }, hangMs: 60_000 },
      firstNamesTimeoutMs: 200,
    });
    const response = await getPage(server, '/clients');
    expect(await response.text()).toBe(standInIndexHtml);
  });
});
