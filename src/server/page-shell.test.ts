import { describe, expect, it } from 'vitest';
import { connectionShell, findingsShell, overviewShell } from '../identity-cloud/page-shells.ts';
import { withPageShell } from './page-shell.ts';

const index =
  '<html><head><title>x</title></head><body><div id="root"></div><script src="/a.js"></script></body></html>';

describe('withPageShell', () => {
  it('draws the heading, the sentence and the status line after #root, its style in the head', () => {
    const html = withPageShell(index, findingsShell);
    if (html === null) throw new Error('no page');
    expect(html).toContain(
      '<div id="root"></div><div id="first-paint"><div class="fp-bar" aria-hidden="true"></div>',
    );
    expect(html).toContain('<h1>Findings</h1>');
    expect(html).toContain(`<p class="fp-lead">${findingsShell.lead}</p>`);
    expect(html).toContain('<p class="fp-loading">Checking details…</p>');
    expect(html.indexOf('<style>')).toBeLessThan(html.indexOf('</head>'));
    // Hidden once the app has drawn its own heading or an alert; no script of its own.
    expect(html).toContain('body:has(#root main h1, #root main [role="alert"]) #first-paint{display:none}');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script src="/a.js"></script>');
  });

  it('has no status line for a page without one, and the page column’s width', () => {
    const html = withPageShell(index, connectionShell) ?? '';
    expect(html).toContain('<div style="max-width:760px"><div><h1>Connection</h1>');
    expect(html).not.toContain('class="fp-status"');
  });

  it('writes the tenant’s words as text, whatever they hold, and expands no replacement pattern', () => {
    const html =
      withPageShell(index, overviewShell, `Customer <img src=x onerror=alert(1)> $& $' on "x". `) ?? '';
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<p class="fp-lead">Customer &lt;img src=x onerror=alert(1)&gt; $&amp; $&#39; on &quot;x&quot;. Loading the inventory…</p>',
    );
  });

  it('gives up on an index.html without the root element it relies on', () => {
    expect(withPageShell('<html><body></body></html>', overviewShell)).toBeNull();
  });
});
