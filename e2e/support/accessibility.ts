import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Every axe rule (WCAG A/AA and best practices); a violation fails with its rule, impact and targets. */
export async function expectNoAxeViolations(page: Page, what: string, include?: string): Promise<void> {
  // Colours are read as they are drawn: a button still fading in (MUI's 250 ms transitions) would be measured
  // half-way and reported as low contrast. The scan judges the settled page.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
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
  // The desktop project keeps the plain name; another project's (the phone-sized one) carries its name.
  const suffix = testInfo.project.name === 'chromium' ? '' : `-${testInfo.project.name}`;
  const file = path.join(screenshotDir, `${name}${suffix}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(`${name}${suffix}`, { path: file, contentType: 'image/png' });
}

/**
 * Nothing sticks out sideways: the page itself never scrolls horizontally (wide content such as the grid scrolls
 * inside its own box). Names the widest elements when it fails.
 */
export async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  // A string: the e2e project has no DOM types.
  const overflow = await page.evaluate<{ scrollWidth: number; width: number; culprits: string[] }>(`(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + '.' + [...element.classList].slice(0, 2).join('.'));
    return { scrollWidth: root.scrollWidth, width, culprits };
  })()`);
  expect(
    overflow.scrollWidth,
    `${what}: the page is ${overflow.scrollWidth} px wide in a ${overflow.width} px window (${overflow.culprits.join(', ')})`,
  ).toBeLessThanOrEqual(overflow.width);
}

const lookSizes = [
  { suffix: '', viewport: { width: 1440, height: 900 } },
  { suffix: '-mobile', viewport: { width: 390, height: 844 } },
] as const;

/**
 * The page as it is, in both themes at desktop and phone width: axe, overflow and a screenshot each
 * (`<name>-<theme>[-mobile].png`). For pages only a journey reaches (the sign-in layer's own pages, a signed-in
 * app), whose spec runs in the desktop project alone. The theme follows the system setting, so nothing reloads.
 */
export async function lookAtPageEverywhere(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const size of lookSizes) {
    await page.setViewportSize(size.viewport);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      const what = `${name} (${theme}${size.suffix})`;
      await expectNoAxeViolations(page, what);
      await expectNoHorizontalOverflow(page, what);
      await saveScreenshot(page, testInfo, `${name}-${theme}${size.suffix}`);
    }
  }
}
