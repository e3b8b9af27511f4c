// The few pages the sign-in layer answers itself, before the app is allowed to load: plain HTML, no script.
const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

export interface PageAction {
  label: string;
  href: string;
}

/** A short page: a heading, one or two sentences, and links onward. Text is escaped here, never by callers. */
export function authPage({
  title,
  sentences,
  actions,
}: {
  title: string;
  sentences: readonly string[];
  actions: readonly PageAction[];
}): string {
  const paragraphs = sentences.map((sentence) => `<p>${escapeHtml(sentence)}</p>`).join('\n      ');
  const links = actions
    .map((action) => `<a href="${escapeHtml(action.href)}">${escapeHtml(action.label)}</a>`)
    .join('\n        ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)} · Client Inventory</title>
    <style>
      :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
      main { max-width: 36rem; margin: 10vh auto; padding: 0 1.25rem; }
      h1 { font-size: 1.5rem; }
      nav { display: flex; gap: 1.5rem; flex-wrap: wrap; margin-top: 1.5rem; }
      /* The browser's own link colours (visited purple above all) are too dark on a dark background. */
      body { background: #ffffff; color: #1a1a1a; }
      a, a:visited { font-weight: 600; color: #0b57d0; }
      @media (prefers-color-scheme: dark) {
        body { background: #121212; color: #ececec; }
        a, a:visited { color: #8ab4f8; }
      }
    </style>
  </head>
  <body>
    <main>
      <h1>${escapeHtml(title)}</h1>
      ${paragraphs}
      <nav aria-label="Next steps">
        ${links}
      </nav>
    </main>
  </body>
</html>
`;
}
