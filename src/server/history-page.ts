// The HTML of `/history` with the page's first lines in it, so that they paint before the app's JavaScript has
// run: the heading and its sentence, a still picture of the chart and the snapshot table's first page, drawn where
// the app draws them (history-page.tsx, snapshot-table.tsx), and the list itself as inert JSON for the app, whose
// first render then has the same rows. No script: the page's own style hides the picture once the app has drawn
// its heading (page-shell.ts).
import { escapeHtml } from '../auth/auth-pages.ts';
import { findingsTotal, type HistorySnapshot } from '../identity-cloud/history.ts';
import { chartColors, chartStillLines, chartStillViewBox } from '../identity-cloud/history-chart-still.ts';
import {
  carriedSnapshotsElementId,
  compareButtonLabel,
  compareWithNowLabel,
  firstSnapshotWords,
  historyChartHeading,
  historyHeading,
  historyLead,
  historyPoints,
  noChangeWords,
  noPicksPrompt,
  snapshotsHeading,
  sourceLabel,
  type CarriedSnapshots,
} from '../identity-cloud/history-page-words.ts';
import { formatCount, formatDateTime } from '../identity-cloud/text-format.ts';
import { inertJson } from './first-names-page.ts';
import { shellBar, shellBaseStyle, withAfterRoot } from './page-shell.ts';

/** As many rows as the app's table shows on its first page (snapshot-table.tsx). */
export const historyShellRows = 50;

// The app's layout (MUI's Card, CardContent, Typography h2 and body2, Button, a small Table, TablePagination, the
// chart's 240 px box and its plot area inside the chart's margins and axes), measured in Chromium at 1,280 and
// 390 px. Source and findings are shown from 600 px up, as in the app. The dark scheme's colours come last, over the
// light ones they replace.
const style =
  shellBaseStyle +
  `
#first-paint .fp-stack>*+*{margin-top:24px}
#first-paint .fp-card{border:1px solid var(--fp-line);border-radius:8px;background:var(--fp-paper);padding:16px 16px 24px}
#first-paint h2{margin:0;font-size:1.25rem;font-weight:600;line-height:1.2}
#first-paint .fp-chart-heading{margin-bottom:7px}
#first-paint .fp-chart{position:relative;height:240px}
#first-paint .fp-plot{position:absolute;left:56px;top:46px;width:calc(100% - 72px);height:191px;overflow:visible}
#first-paint .fp-plot path{fill:none;stroke-width:2;vector-effect:non-scaling-stroke;stroke-linejoin:round}
#first-paint .fp-clients{stroke:${chartColors.clients.light}}
#first-paint .fp-findings{stroke:${chartColors.findings.light}}
#first-paint .fp-rows>*+*{margin-top:12px}
#first-paint .fp-actions{display:flex;flex-wrap:wrap;gap:16px;align-items:center}
#first-paint .fp-actions p{margin:0;font-size:.875rem;line-height:1.43;color:var(--fp-text-2)}
#first-paint .fp-button{display:inline-flex;align-items:center;padding:6px 16px;border-radius:8px;font-size:.875rem;font-weight:500;
  line-height:1.75;background:rgba(0,0,0,.12);color:rgba(0,0,0,.26)}
#first-paint .fp-button svg{width:20px;height:20px;margin:0 8px 0 -4px;fill:currentColor}
#first-paint .fp-table{width:100%;overflow-x:auto;position:relative}
#first-paint table{width:100%;border-collapse:collapse;border-spacing:0;font-size:.875rem;line-height:1.43}
#first-paint th,#first-paint td{padding:6px 16px;text-align:left;border-bottom:1px solid var(--fp-grid-line);vertical-align:inherit}
#first-paint th{font-weight:500;line-height:1.5rem}
#first-paint .fp-pick{width:24px;padding:0 12px 0 16px}
#first-paint .fp-box{display:block;width:24px;height:24px;padding:3px}
#first-paint .fp-box::before{content:"";display:block;width:18px;height:18px;border:2px solid rgba(0,0,0,.6);border-radius:2px}
#first-paint .fp-num{text-align:right}
#first-paint .fp-changes{display:inline-flex;gap:12px;white-space:nowrap;font-variant-numeric:tabular-nums}
#first-paint .fp-chip{display:inline-flex;align-items:center;height:24px;margin-left:8px;padding:0 7px;border:1px solid #bdbdbd;
  border-radius:16px;font-size:.8125rem;line-height:1.5;letter-spacing:normal;vertical-align:middle;white-space:nowrap}
#first-paint .fp-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
#first-paint a{color:var(--fp-link);text-decoration:none}
#first-paint a:hover{text-decoration:underline}
#first-paint .fp-pager{height:52px}
@media (max-width:599.98px){#first-paint .fp-wide{display:none}}
@media (min-width:600px){#first-paint .fp-when{white-space:nowrap}}
@media (prefers-color-scheme:dark){#first-paint .fp-clients{stroke:${chartColors.clients.dark}}#first-paint .fp-findings{stroke:${chartColors.findings.dark}}
  #first-paint .fp-button{background:rgba(255,255,255,.12);color:rgba(255,255,255,.3)}
  #first-paint .fp-box::before{border-color:rgba(255,255,255,.7)}#first-paint .fp-chip{border-color:#616161}}
`
    .trim()
    .replace(/\n\s*/g, '');

// MUI's CompareArrows icon, as the button draws it.
const compareIcon =
  '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9.01 14H2v2h7.01v3L13 15l-3.99-4zm5.98-1v-3H22V8h-7.01V5L11 9z"></path></svg>';

function chartPicture(snapshots: readonly HistorySnapshot[]): string {
  const lines = chartStillLines(historyPoints(snapshots))
    .map((line) => `<path class="fp-${line.series}" d="${line.d}"></path>`)
    .join('');
  return (
    '<section class="fp-card" aria-labelledby="fp-chart-heading">' +
    `<h2 class="fp-chart-heading" id="fp-chart-heading">${escapeHtml(historyChartHeading)}</h2>` +
    `<div class="fp-chart" aria-hidden="true"><svg class="fp-plot" viewBox="${chartStillViewBox}" preserveAspectRatio="none">` +
    `${lines}</svg></div></section>`
  );
}

function changesCell(changes: HistorySnapshot['changes']): string {
  if (changes === null || changes === undefined) return firstSnapshotWords;
  const { added, removed, changed } = changes;
  if (added + removed + changed === 0) return noChangeWords;
  return (
    `<span class="fp-changes" aria-hidden="true"><span>+${formatCount(added)}</span>` +
    `<span>−${formatCount(removed)}</span><span>~${formatCount(changed)}</span></span>` +
    `<span class="fp-hidden">${formatCount(added)} added, ${formatCount(removed)} removed, ` +
    `${formatCount(changed)} changed</span>`
  );
}

function row(snapshot: HistorySnapshot): string {
  const findings = findingsTotal(snapshot);
  const partial = snapshot.partial ? '<span class="fp-chip">Partial</span>' : '';
  const drift = `/drift?${new URLSearchParams({ base: snapshot.id }).toString()}`;
  return (
    '<tr><td class="fp-pick"><span class="fp-box" aria-hidden="true"></span></td>' +
    `<td class="fp-when"><time datetime="${escapeHtml(snapshot.takenAt)}">` +
    `${escapeHtml(formatDateTime(new Date(snapshot.takenAt)))}</time>${partial}</td>` +
    `<td class="fp-wide">${escapeHtml(sourceLabel(snapshot.source))}</td>` +
    `<td class="fp-num">${formatCount(snapshot.clients)}</td>` +
    `<td class="fp-num fp-wide">${findings === null ? '—' : formatCount(findings)}</td>` +
    `<td>${changesCell(snapshot.changes)}</td>` +
    `<td><a href="${escapeHtml(drift)}">${escapeHtml(compareWithNowLabel)}</a></td></tr>`
  );
}

function tablePicture(snapshots: readonly HistorySnapshot[]): string {
  const head =
    '<tr><th class="fp-pick"><span class="fp-hidden">Pick</span></th><th>Taken</th><th class="fp-wide">Source</th>' +
    '<th class="fp-num">Clients</th><th class="fp-num fp-wide">Findings</th><th>Changes</th>' +
    '<th><span class="fp-hidden">Drift</span></th></tr>';
  const rows = snapshots.slice(0, historyShellRows).map(row).join('');
  // The pager's room: the app shows one below the table when there is more than a page.
  const pager = snapshots.length > historyShellRows ? '<div class="fp-pager"></div>' : '';
  return (
    '<section class="fp-card" aria-labelledby="fp-snapshots-heading"><div class="fp-rows">' +
    `<h2 id="fp-snapshots-heading">${escapeHtml(snapshotsHeading(snapshots.length))}</h2>` +
    `<div class="fp-actions"><p>${escapeHtml(noPicksPrompt)}</p>` +
    `<span class="fp-button" aria-hidden="true">${compareIcon}${escapeHtml(compareButtonLabel)}</span></div>` +
    `<div class="fp-table"><table aria-label="Snapshots (the page is loading)"><thead>${head}</thead>` +
    `<tbody>${rows}</tbody></table></div>${pager}</div></section>`
  );
}

function stillPicture(carried: CarriedSnapshots): string {
  const { snapshots } = carried;
  return (
    '<div id="first-paint">' +
    shellBar +
    '<div class="fp-main"><div class="fp-stack">' +
    `<div><h1>${escapeHtml(historyHeading)}</h1>` +
    `<p class="fp-lead">${escapeHtml(historyLead(carried.customerId, snapshots))}</p></div>` +
    // The app draws the chart from two snapshots on.
    (snapshots.length >= 2 ? chartPicture(snapshots) : '') +
    tablePicture(snapshots) +
    '</div></div></div>'
  );
}

/**
 * index.html with the History page's first lines and the list they were drawn from. Null when the file does not
 * have the shape this relies on (then the plain file is served).
 */
export function withHistoryShell(indexHtml: string, carried: CarriedSnapshots): string | null {
  const data = `<script type="application/json" id="${carriedSnapshotsElementId}">${inertJson(carried)}</script>`;
  return withAfterRoot(indexHtml, style, `${stillPicture(carried)}${data}`);
}
