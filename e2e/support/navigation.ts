// Going to a page through the app bar, the way a person does on any screen: its link on a wide screen, or the
// "Pages" menu button and the link inside on a narrow one.
import type { Page } from '@playwright/test';

export async function goThroughAppBar(page: Page, label: string): Promise<void> {
  const main = page.getByRole('navigation', { name: 'Main' });
  const menuButton = main.getByRole('button', { name: 'Pages', exact: true });
  if (await menuButton.isVisible()) {
    await menuButton.click();
    await page
      .getByRole('menu', { name: 'Pages' })
      .getByRole('menuitem', { name: label, exact: true })
      .click();
    return;
  }
  await main.getByRole('link', { name: label, exact: true }).click();
}
