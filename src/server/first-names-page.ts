// The HTML of `/clients` with the first page of names in it, so that they paint before the app's JavaScript has
// run. Two parts: the names as inert JSON (`<script type="application/json">`: data, never run, so the CSP needs
// no exception) for the app, and a still picture of the page (`#first-paint`) drawn where the app draws the same
// names, which the page's own style hides as soon as the app has drawn a page heading or an alert in `#root`.
// Until then it lies over the app's loading state, below the app bar; after, it is `display: none`, so screen
// readers get the names once, from one place at a time.
import { escapeHtml } from '../auth/auth-pages.ts';
import { shellBar, shellBaseStyle, withAfterRoot } from './page-shell.ts';
import { firstNamesColumns, firstNamesElementId, type FirstNames } from '../identity-cloud/first-names.ts';

/** JSON that cannot end its script element or open a comment, whatever the names hold. */
export function inertJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// The app's layout at the moment it takes over (clients-page.tsx and clients-grid-preview.tsx, before the list
// has arrived), measured in Chromium, below the app bar and in the container the shell's base style draws
// (page-shell.ts): the heading and the count's line (the Refresh button wraps below them under 377 px), the
// progress bar and its line, the card (16 px padding) with the search and filters (one 40 px line from 1,110 px
// wide, more below: the heights are the app's at each width), then the table: a 52 px toolbar, a 56 px header,
// 52 px rows, the grid's column widths.
const style =
  shellBaseStyle +
  `
#first-paint .fp-count{width:220px;height:24px;display:flex;align-items:center}
#first-paint .fp-count::before{content:"";display:block;width:100%;height:14.4px;border-radius:4px;background:var(--fp-skeleton)}
#first-paint .fp-head{height:66.5px}
@media (max-width:376.98px){#first-paint .fp-head{height:119px}}
#first-paint .fp-progress{margin-top:16px}
#first-paint .fp-card{margin-top:16px;padding:16px;border:1px solid var(--fp-line);border-radius:8px;background:var(--fp-paper)}
#first-paint .fp-filters{height:189.5px}
@media (min-width:501px){#first-paint .fp-filters{height:150.75px}}
@media (min-width:756px){#first-paint .fp-filters{height:96px}}
@media (min-width:1110px){#first-paint .fp-filters{height:40px}}
#first-paint .fp-grid{margin-top:16px;height:max(480px,calc(100vh - 330px));overflow:hidden;border:1px solid var(--fp-grid-line);border-radius:8px;box-sizing:border-box}
#first-paint .fp-toolbar{height:52px;border-bottom:1px solid var(--fp-grid-line);box-sizing:border-box}
#first-paint table{table-layout:fixed;border-collapse:collapse;font-size:.875rem;line-height:1.43}
#first-paint th,#first-paint td{height:52px;padding:0 10px;text-align:left;border-bottom:1px solid var(--fp-grid-line);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#first-paint th{height:56px;font-weight:500}
#first-paint a{color:var(--fp-link);text-decoration:none}
#first-paint a:hover{text-decoration:underline}
#first-paint .fp-id{font-family:monospace;font-size:.8125rem}
`
    .trim()
    .replace(/\n\s*/g, '');

function clientPath(id: string): string {
  return `/clients/${encodeURIComponent(id)}`;
}

function stillPicture(names: FirstNames): string {
  const columns = firstNamesColumns.map((column) => `<col style="width:${column.width}px">`).join('');
  const headers = firstNamesColumns
    .map((column) => `<th scope="col">${escapeHtml(column.name)}</th>`)
    .join('');
  const width = firstNamesColumns.reduce((sum, column) => sum + column.width, 0);
  const rows = names.clients
    .map(
      (client) =>
        `<tr><td><a href="${escapeHtml(clientPath(client.id))}">${escapeHtml(client.name)}</a></td><td></td><td></td>` +
        `<td><span class="fp-id">${escapeHtml(client.id)}</span></td></tr>`,
    )
    .join('');
  return (
    '<div id="first-paint">' +
    shellBar +
    '<div class="fp-main"><div class="fp-head"><h1>Clients</h1><div class="fp-count" aria-hidden="true"></div></div>' +
    '<div class="fp-progress" aria-hidden="true"></div><p class="fp-loading">Loading the client list…</p>' +
    '<div class="fp-card"><div class="fp-filters"></div><div class="fp-grid" aria-busy="true">' +
    '<div class="fp-toolbar"></div>' +
    `<table aria-label="Clients (the full table is loading)" style="width:${width}px"><colgroup>${columns}</colgroup>` +
    `<thead><tr>${headers}</tr></thead><tbody>${rows}</tbody></table>` +
    '</div></div></div></div>'
  );
}

/**
 * index.html with the names: the style in the head, the picture and the JSON after `#root`. Null when the file
 * does not have the shape this relies on (then the plain file is served).
 */
export function withFirstNames(indexHtml: string, names: FirstNames): string | null {
  const carried = `<script type="application/json" id="${firstNamesElementId}">${inertJson(names)}</script>`;
  return withAfterRoot(indexHtml, style, `${stillPicture(names)}${carried}`);
}
