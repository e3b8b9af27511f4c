import { describe, expect, it } from 'vitest';
import { firstNamesSchema } from '../identity-cloud/first-names.ts';
import { escapeHtml } from '../auth/auth-pages.ts';
import { inertJson, withFirstNames } from './first-names-page.ts';

const index =
  '<html><head><title>x</title></head><body><div id="root"></div><script src="/a.js"></script></body></html>';
const names = {
  identityDomain: 'https://v1.api.eu.janrain.com',
  customerId: 'c',
  total: 2,
  clients: [
    { id: 'a"b', name: `$& $' $\` <b onclick="x">'quoted'</b> & </script><!-- \u2028` },
    { id: 'plain', name: 'Plain' },
  ],
};

describe('withFirstNames', () => {
  it('writes each name and id as text, and the JSON so that it cannot end its element', () => {
    const html = withFirstNames(index, names);
    if (html === null) throw new Error('no page');
    expect(html).not.toContain('<b onclick');
    expect(html).not.toContain('<!--');
    // Replacement patterns are not expanded: `$&` stays itself.
    expect(html).toContain('$&amp; $&#39; $`');
    expect(html).toContain('<a href="/clients/a%22b">');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const json = /id="first-names">([^<]*)<\/script>/.exec(html)?.[1];
    expect(firstNamesSchema.parse(JSON.parse(json ?? 'null'))).toEqual(names);
    expect(html.indexOf('<style>')).toBeLessThan(html.indexOf('</head>'));
    expect(html).toContain('<script src="/a.js"></script>');
  });

  it('gives up on an index.html without the root element it relies on', () => {
    expect(withFirstNames('<html><body></body></html>', names)).toBeNull();
  });

  it('escapes the five characters HTML gives meaning to, and JSON keeps its value', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const value = { text: '</script><!-- & \u2028\u2029' };
    expect(inertJson(value)).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(inertJson(value))).toEqual(value);
  });
});
