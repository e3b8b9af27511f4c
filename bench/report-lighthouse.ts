// The report's Lighthouse section: each page's scores beside their targets, and the targets checked.
import { lighthouseTargets, type LighthouseSection } from './lighthouse-scenario.ts';
import { formatInteger, formatMs, markdownTable } from './markdown-table.ts';
import type { TargetCheck } from './report-section.ts';
import { reportSection, rightAligned } from './report-section.ts';

function scoreCell(value: number | null, target: number): string {
  if (value === null) return '—';
  return value >= target ? String(value) : `**${value}**`;
}

export function lighthouseReport(section: LighthouseSection): string {
  const rows = section.pages.map((page) => {
    const performanceTarget = lighthouseTargets.performance[page.preset];
    return [
      page.page,
      page.preset,
      `${scoreCell(page.performance, performanceTarget)} / ≥ ${performanceTarget}`,
      `${scoreCell(page.accessibility, lighthouseTargets.accessibility)} / ${lighthouseTargets.accessibility}`,
      `${scoreCell(page.bestPractices, lighthouseTargets.bestPractices)} / ${lighthouseTargets.bestPractices}`,
      page.cls === null
        ? '—'
        : `${page.cls <= lighthouseTargets.cls ? page.cls.toFixed(3) : `**${page.cls.toFixed(3)}**`} / ≤ ${lighthouseTargets.cls}`,
      page.lcpMs === null ? '—' : formatMs(page.lcpMs),
      page.tbtMs === null ? '—' : formatMs(page.tbtMs),
      page.runtimeError ?? page.flagged.join(', '),
    ];
  });
  return reportSection(
    `### 7. Lighthouse ${section.version} (built app, ${formatInteger(section.clients)} clients at ${section.latencyMs} ms, warm server)`,
    markdownTable(
      [
        { title: 'page' },
        { title: 'preset' },
        ...rightAligned('performance', 'accessibility', 'best practices', 'CLS', 'LCP', 'TBT'),
        { title: 'flagged audits' },
      ],
      rows,
    ),
    'Score / target; below target in bold. Mobile is Lighthouse’s default preset (a throttled mid-range phone: 4× CPU slowdown, slow 4G); desktop its desktop preset. Flagged: failed accessibility and best-practices audits, then the performance opportunities worth over 50 ms.',
  );
}

export function lighthouseChecks(section: LighthouseSection): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const preset of ['desktop', 'mobile'] as const) {
    const pages = section.pages.filter((page) => page.preset === preset);
    if (pages.length === 0) continue;
    const target = lighthouseTargets.performance[preset];
    checks.push({
      target: `Lighthouse ${preset} performance ≥ ${target} on every page`,
      measured: pages.map((page) => page.performance ?? '—').join(' / '),
      met: pages.every((page) => (page.performance ?? 0) >= target),
    });
  }
  const all = section.pages.filter((page) => page.runtimeError === null);
  const failedRuns = section.pages.length - all.length;
  const unscored = failedRuns === 0 ? '' : ` (${failedRuns} runs failed)`;
  checks.push(
    {
      target: 'Lighthouse accessibility 100 (every page, both presets)',
      measured: `lowest ${Math.min(...all.map((page) => page.accessibility ?? 0))}${unscored}`,
      met: failedRuns === 0 && all.every((page) => page.accessibility === 100),
    },
    {
      target: 'Lighthouse best practices 100 (every page, both presets)',
      measured: `lowest ${Math.min(...all.map((page) => page.bestPractices ?? 0))}${unscored}`,
      met: failedRuns === 0 && all.every((page) => page.bestPractices === 100),
    },
    {
      target: `cumulative layout shift ≤ ${lighthouseTargets.cls} (every page, both presets)`,
      measured: `highest ${Math.max(...all.map((page) => page.cls ?? 1)).toFixed(3)}${unscored}`,
      met: failedRuns === 0 && all.every((page) => page.cls !== null && page.cls <= lighthouseTargets.cls),
    },
  );
  return checks;
}
