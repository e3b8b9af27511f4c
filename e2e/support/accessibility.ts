import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Every axe rule (WCAG A/AA and best practices); a violation fails with its rule, impact and targets. */
export async function expectNoAxeViolations(page: Page, what: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (include === undefined ? builder : builder.include(include)).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n    ${violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(' '))
        .join('\n    ')}`,
  );
  expect.soft(summary, `axe violations on ${what}`).toEqual([]);
}

/**
 * Saves a full-page screenshot under `<output dir>/screenshots/` (test-results/screenshots/ by default) and
 * attaches it to the report.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const screenshotDir = path.join(testInfo.project.outputDir, 'screenshots');
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
