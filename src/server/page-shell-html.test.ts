// The HTML of the pages with a shell over real HTTP: the server's default connection (an embedded sandbox) is the
// session, the built app is a stand-in index.html.
import { describe, expect, it } from 'vitest';
import {
  htmlServersForEachTest,
  personalPageHtml,
  standInIndexHtml,
} from '../test-support/node/html-server-under-test.ts';

const { start, getPage } = htmlServersForEachTest();

function heading(html: string): string | null {
  return /<div id="first-paint">.*?<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? null;
}

describe('the HTML of the pages with a shell', () => {
  it('names the session’s tenant on the overview, personal and uncached, with no secret', async () => {
    const server = await start({ embeddedSandbox: { clients: 10 } });
    const sandbox = server.sandbox;
    if (sandbox === null) throw new Error('no sandbox');
    const response = await getPage(server, '/');
    const html = await personalPageHtml(response);
    expect(heading(html)).toBe('Overview');
    expect(html).toContain(
      `<p class="fp-lead">Customer ${sandbox.customerId} on ${sandbox.identityDomain}. Loading the inventory…</p>`,
    );
    for (const secret of [sandbox.clientSecret, ...sandbox.issuedAccessTokens()])
      expect(html).not.toContain(secret);
    expect(html).toContain('<script type="module" src="/assets/index-3f9a1c.js"></script>');

    const findings = await getPage(server, '/findings?severity=high');
    const findingsHtml = await findings.text();
    expect(heading(findingsHtml)).toBe('Findings');
    expect(findingsHtml).toContain('<p class="fp-loading">Checking details…</p>');
  });

  it('draws the connect page for anyone, and the others only for a session with a connection', async () => {
    const server = await start({ embeddedSandbox: false });
    const connect = await getPage(server, '/connect');
    expect(heading(await connect.text())).toBe('Connection');
    expect(connect.headers.get('cache-control')).toBe('no-cache');
    for (const path of ['/', '/findings']) {
      const plain = await getPage(server, path);
      expect(await plain.text(), path).toBe(standInIndexHtml);
    }
    const json = await fetch(new URL('/connect', server.url), { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
  });
});
