import { createJournal, expect, expectAccessible, saveScreenshot, test } from './fixtures';

test('Learn: the guide opens from the sidebar, its page contents move to their section, and it passes axe in both themes', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Learn', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Learn', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'When to talk to a professional', level: 2 })).toBeVisible();
  await expectAccessible(page, 'learn');
  await saveScreenshot(page, testInfo, 'learn');

  await page
    .getByRole('navigation', { name: 'On this page' })
    .getByRole('button', { name: /How to read the app/ })
    .click();
  await expect(page.getByRole('heading', { name: "How to read the app's statistics", level: 2 })).toBeFocused();

  await page.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page, 'learn (dark)');
  await saveScreenshot(page, testInfo, 'learn-dark');
});
