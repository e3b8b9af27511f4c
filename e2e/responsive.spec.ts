import { expect, test } from '@playwright/test';
import { expectNoHorizontalOverflow, saveScreenshot } from './support/accessibility.ts';
import { clientsGrid, kindButton, waitForInventory } from './support/clients.ts';

// Small screens, with the default web server (the embedded sandbox). The mobile project draws 390 × 844; these
// tests also narrow the window to 360 px, the smallest width the layout is made for.

test('on a narrow screen the app bar folds its links into a Pages menu that marks the current page', async ({
  page,
}, testInfo) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await page.goto('/clients');
    await waitForInventory(page);
    const bar = page.getByRole('navigation', { name: 'Main' });
    await expect(bar.getByRole('link', { name: 'Findings', exact: true })).toBeHidden();
    await expect(bar.getByRole('button', { name: /^Connected tenant:/ })).toBeInViewport();
    await expect(bar.getByRole('button', { name: /^Switch to (dark|light) theme$/ })).toBeInViewport();

    await bar.getByRole('button', { name: 'Pages', exact: true }).click();
    const menu = page.getByRole('menu', { name: 'Pages' });
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Overview',
      'Clients',
      'Findings',
      'Policies',
      'Drift',
      'History',
      'Migration',
      'Connection',
      'Activity',
    ]);
    await expect(menu.getByRole('menuitem', { name: 'Clients', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await saveScreenshot(page, testInfo, `navigation-menu-${theme}`);
    await menu.getByRole('menuitem', { name: 'Findings', exact: true }).click();
    await expect(page).toHaveURL(/\/findings$/);
    await expect(menu).toBeHidden();
  }

  // Wide again: the links are back in the bar, the menu button gone.
  await page.setViewportSize({ width: 1440, height: 900 });
  const bar = page.getByRole('navigation', { name: 'Main' });
  await expect(bar.getByRole('link', { name: 'Findings', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(bar.getByRole('button', { name: 'Pages', exact: true })).toBeHidden();
});

test('at 360 px the filters wrap and the grid scrolls inside its card, the page never sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/clients');
  await waitForInventory(page);
  for (const kind of ['All', 'Public', 'Confidential', 'Configuration'] as const) {
    await expect(kindButton(page, kind)).toBeInViewport({ ratio: 1 });
  }
  await expectNoHorizontalOverflow(page, '/clients at 360 px');

  // The grid's columns are wider than the screen: its own scroller takes them, and scrolls.
  const scroller = clientsGrid(page).locator('.MuiDataGrid-virtualScroller');
  // The element's type spelt out: the e2e project has no DOM types.
  interface Scroller {
    scrollWidth: number;
    clientWidth: number;
    scrollLeft: number;
    scrollBy: (options: { left: number }) => void;
  }
  const widths = await scroller.evaluate((element: Scroller) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(widths.scrollWidth).toBeGreaterThan(widths.clientWidth);
  await scroller.evaluate((element: Scroller) => element.scrollBy({ left: 200 }));
  await expect.poll(() => scroller.evaluate((element: Scroller) => element.scrollLeft)).toBeGreaterThan(0);
  await expectNoHorizontalOverflow(page, '/clients at 360 px, grid scrolled');

  for (const path of ['/', '/findings', '/connect', '/policies', '/drift']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
    await expectNoHorizontalOverflow(page, `${path} at 360 px`);
  }
});
