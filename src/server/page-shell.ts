// A still picture of a page's first lines, written into its HTML so that they paint before the app's JavaScript
// has run: the app bar's band, the page's heading, the sentence under it and its status line, where the app draws
// the same words (src/identity-cloud/page-shells.ts holds them for both). No script: the page's own style hides
// the picture as soon as the app has drawn a heading or an alert in `#root`; until then it lies over the app's
// loading state. Hidden, it is `display: none`, so screen readers meet the heading once.
import { escapeHtml } from '../auth/auth-pages.ts';
import type { PageShellText } from '../identity-cloud/page-shells.ts';

// The app's layout at the moment it takes over (src/app/layout/app-layout.tsx, page-heading.tsx,
// stream-status-line.tsx), measured in Chromium: the app bar (56 px, 64 px from 600 px wide, 48 px on a phone held
// sideways), the container (1536 px at most, padding 16 / 24 px, 24 px at the top), MUI's h1 (1.75rem, 600,
// line-height 1.167, margin 0.35em below), body1 and body2 with their letter spacing, 24 px between the heading's
// block and the status line (a 4 px bar, then one line that does not wrap). Colours of the light and dark schemes.
export const shellBaseStyle = `
#first-paint{position:absolute;inset:0 0 auto 0;min-height:100vh;z-index:1000;margin:0;
  font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.5;
  --fp-bg:#f6f8fb;--fp-paper:#fff;--fp-text:rgba(0,0,0,.87);--fp-line:rgba(0,0,0,.12);--fp-grid-line:#e0e0e0;
  --fp-link:#0b5cad;--fp-bar:#0b5cad;--fp-skeleton:rgba(0,0,0,.11);--fp-text-2:rgba(0,0,0,.6);
  background:var(--fp-bg);color:var(--fp-text)}
@media (prefers-color-scheme:dark){#first-paint{--fp-bg:#121212;--fp-paper:#121212;--fp-text:#fff;
  --fp-line:rgba(255,255,255,.12);--fp-grid-line:#515151;--fp-link:#7ab8ff;--fp-bar:#121212;--fp-skeleton:rgba(255,255,255,.13);--fp-text-2:rgba(255,255,255,.7)}}
#first-paint *,#first-paint *::before,#first-paint *::after{box-sizing:border-box}
body:has(#root main h1, #root main [role="alert"]) #first-paint{display:none}
#first-paint .fp-bar{height:56px;background:var(--fp-bar)}
@media (min-width:0px) and (orientation:landscape){#first-paint .fp-bar{height:48px}}
@media (min-width:600px){#first-paint .fp-bar{height:64px}}
#first-paint .fp-main{max-width:1536px;margin:0 auto;box-sizing:border-box;padding:24px 16px}
@media (min-width:600px){#first-paint .fp-main{padding:24px}}
#first-paint h1{margin:0 0 9.8px;font-size:1.75rem;font-weight:600;line-height:1.167;letter-spacing:-0.01562em}
#first-paint .fp-lead{margin:0;letter-spacing:0.00938em;color:var(--fp-text-2)}
#first-paint .fp-status{margin-top:24px}
#first-paint .fp-progress{height:4px;position:relative;overflow:hidden}
#first-paint .fp-progress::before{content:"";position:absolute;inset:0;background:var(--fp-link);opacity:.24}
#first-paint .fp-progress::after{content:"";position:absolute;inset:0;width:40%;background:var(--fp-link);animation:fp-sweep 1.6s ease-in-out infinite}
@media (prefers-reduced-motion:reduce){#first-paint .fp-progress::after{animation:none;width:100%;opacity:.5}}
@keyframes fp-sweep{from{transform:translateX(-100%)}to{transform:translateX(250%)}}
#first-paint .fp-loading{margin:4px 0 0;font-size:.875rem;line-height:1.43;letter-spacing:0.01071em;color:var(--fp-text-2);
  white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
`
  .trim()
  .replace(/\n\s*/g, '');

/** The band where the app bar will be: empty (its links come with the app) and hidden from screen readers. */
export const shellBar = '<div class="fp-bar" aria-hidden="true"></div>';

/** The picture of a page's heading, its sentence and its status line. */
export function shellPicture(shell: PageShellText, leadPrefix = ''): string {
  const column = shell.maxWidth === null ? '' : ` style="max-width:${shell.maxWidth}px"`;
  const status =
    shell.status === null
      ? ''
      : '<div class="fp-status"><div class="fp-progress" aria-hidden="true"></div>' +
        `<p class="fp-loading">${escapeHtml(shell.status)}</p></div>`;
  return (
    `<div id="first-paint">${shellBar}<div class="fp-main"><div${column}>` +
    `<div><h1>${escapeHtml(shell.heading)}</h1><p class="fp-lead">${escapeHtml(leadPrefix + shell.lead)}</p></div>` +
    `${status}</div></div></div>`
  );
}

const rootElement = '<div id="root"></div>';

/**
 * index.html with extra style in the head and markup after `#root`. Null when the file does not have the shape
 * this relies on (then the plain file is served).
 */
export function withAfterRoot(indexHtml: string, style: string, markup: string): string | null {
  if (!indexHtml.includes('</head>') || !indexHtml.includes(rootElement)) return null;
  // Replacer functions: a replacement string would read `$&` or `$'` in the markup (a client's name) as a pattern.
  return indexHtml
    .replace('</head>', () => `<style>${style}</style></head>`)
    .replace(rootElement, () => `${rootElement}${markup}`);
}

/** index.html with the picture of the page's first lines. */
export function withPageShell(indexHtml: string, shell: PageShellText, leadPrefix = ''): string | null {
  return withAfterRoot(indexHtml, shellBaseStyle, shellPicture(shell, leadPrefix));
}
