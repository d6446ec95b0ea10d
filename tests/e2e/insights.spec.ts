import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, PASSPHRASE, test as base, unlock } from './fixtures';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');

/** The fixture's empty vault folder, filled with a demo journal of `demoDays` days before the web host starts. */
const test = base.extend<{ demoDays: number }>({
  demoDays: [180, { option: true }],
  vaultDir: async ({ vaultDir, demoDays }, use) => {
    execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', String(demoDays)], {
      env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE },
    });
    await use(vaultDir);
  },
});

async function openInsights(page: Page, openApp: () => Promise<void>): Promise<void> {
  await openApp();
  await unlock(page);
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
}

test('finds the three planted effects, explains them, lists every test and opens one on the chart', async ({ page, openApp }) => {
  await openInsights(page, openApp);
  const forward = page.getByRole('region', { name: 'Gut and lifestyle → skin' });
  // The run's progress bar, or (on a fast machine) the result straight away.
  await expect(page.getByRole('progressbar').or(forward).first()).toBeVisible();
  await expect(forward).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  await expect(page.getByRole('heading', { name: 'Patterns, not proof' })).toBeVisible();
  await expect(page.getByText(/not proof that one thing causes another/)).toBeVisible();
  await expect(page.getByText(/\d+ patterns? stood out from chance/)).toBeVisible();

  const dairy = forward.getByRole('article', { name: 'Dairy and Acne severity' });
  await expect(dairy).toContainText('2 days later');
  await expect(dairy).toContainText(/On the 2nd day after dairy, your acne severity averaged [\d.]+ on the 0–10 scale, against [\d.]+ .*: about [\d.]+ to [\d.]+ points higher/);
  const fermented = forward.getByRole('article', { name: 'Probiotic or fermented foods and Eczema severity' });
  await expect(fermented).toContainText('3 days later');
  await expect(fermented).toContainText(/your eczema severity averaged [\d.]+ on the 0–10 scale, .*points lower/);
  const stress = forward.getByRole('article', { name: 'Stress and Rosacea severity' });
  await expect(stress).toContainText('Same day');
  await expect(stress).toContainText(/your rosacea severity averaged [\d.]+ on the 0–10 scale, .*points higher/);
  await expect(page.getByRole('region', { name: 'Skin → gut' })).toBeVisible();
  await expect(page.getByText('No finding does not mean no effect.')).toBeVisible();

  // The numbers stay secondary: behind a disclosure, opened with the keyboard.
  await dairy.getByText('The numbers').focus();
  await page.keyboard.press('Enter');
  await expect(dairy.getByRole('row', { name: /With dairy/ })).toBeVisible();
  await expect(dairy.getByText('q (false discovery rate)')).toBeVisible();

  // Everything that was tested: collapsed, opened with the keyboard, filtered.
  await page.getByRole('button', { name: 'Everything that was tested', expanded: false }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Everything that was tested', expanded: true })).toBeVisible();
  await page.getByLabel('Result', { exact: true }).selectOption({ label: 'Pattern found' });
  await expect(page.getByRole('table', { name: /^Dairy/ }).getByRole('row', { name: /Acne severity 2 days later .*Pattern found/ })).toBeVisible();
  await page.getByLabel('Result', { exact: true }).selectOption({ label: 'Every result' });
  await page.getByLabel('Find a factor or measure').fill('stress rosacea');
  await expect(page.getByRole('status').filter({ hasText: /Showing 1 pair for 1 factor/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Stress/ }).getByRole('row', { name: /Rosacea severity Same day/ })).toBeVisible();
  await page.getByLabel('Show every delay, not only the clearest one').check();
  await expect(page.getByRole('table', { name: /^Stress/ }).getByRole('row')).toHaveCount(9);

  await expectAccessible(page, 'insights');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'insights (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  await dairy.getByRole('button', { name: 'Show on chart' }).click();
  await expect(page.getByRole('heading', { name: 'Trends', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Shift the factor by (days)')).toHaveValue('2');

  // Back again: the result is still fresh, so it shows at once. A longer delay runs again and is kept.
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
  await expect(forward).toBeVisible();
  const setting = page.getByLabel('Look for effects up to');
  await expect(setting).toHaveValue('7');
  await setting.selectOption({ label: '3 days later' });
  await page.getByRole('button', { name: 'Look again' }).click();
  await expect(page.getByText(/comparisons from the same day up to 3 days later/)).toBeVisible();
  await expect(forward.getByRole('article', { name: 'Dairy and Acne severity' })).toContainText('2 days later');
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
  await expect(page.getByLabel('Look for effects up to')).toHaveValue('3');
});

test.describe('a journal of 10 days', () => {
  test.use({ demoDays: 10 });

  test('says plainly that more days are needed and what will be compared, with no results', async ({ page, openApp }) => {
    await openInsights(page, openApp);
    await expect(page.getByRole('heading', { name: 'Not enough days yet' })).toBeVisible();
    await expect(page.getByText(/You have logged 10 days so far\. Insights needs at least \d+ more days/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What will be compared once there is enough' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Dairy' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Gut and lifestyle → skin' })).toHaveCount(0);
    await expect(page.getByRole('article')).toHaveCount(0);
    await expect(page.getByText(/stood out|Pattern found/)).toHaveCount(0);

    await page.getByRole('button', { name: 'Every comparison, and what it still needs' }).click();
    await page.getByLabel('Find a factor or measure').fill('dairy acne');
    await expect(page.getByRole('table', { name: /^Dairy/ }).getByRole('row', { name: /Acne severity .*Needs \d+ more days? with it/ })).toBeVisible();

    await expectAccessible(page, 'insights, not enough data');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'insights, not enough data (dark)');
  });

  test('offers Try again when a run fails, and Update when the journal changed', async ({ page, context, openApp, webHost }) => {
    await openApp();
    await unlock(page);
    await page.route('**/api/insights.run', (route) =>
      route.fulfill({
        json: {
          ok: true,
          value: {
            state: 'failed',
            progress: { done: 0, total: 0 },
            result: null,
            stale: false,
            error: 'The statistics could not be worked out (the worker stopped). Your journal is unchanged; please try again.',
            maxLag: 7,
          },
        },
      }),
    );
    await page.getByRole('button', { name: 'Insights', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('The statistics could not be worked out');
    await page.unroute('**/api/insights.run');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Not enough days yet' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    // Another tab changes the journal; coming back to this window shows the result is out of date.
    const other = await context.newPage();
    await other.goto(`${webHost.origin}/`);
    await expect(other.getByRole('heading', { name: 'Your day' })).toBeVisible();
    await other.getByLabel('Anything else about today').fill('A calm day.');
    await other.getByLabel('Anything else about today').blur();
    await expect(other.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await other.close();
    await page.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('focus')));
    await expect(page.getByText('Your journal has changed since these results were worked out.')).toBeVisible();
    await page.getByRole('button', { name: 'Update' }).click();
    await expect(page.getByRole('button', { name: 'Update' })).toHaveCount(0);
    // The button pressed is gone: focus stays in the view rather than falling back to the page.
    await expect(page.locator(':focus')).toHaveCount(1);
    await expect(page.locator('body')).not.toBeFocused();
    await expect(page.getByRole('heading', { name: 'Not enough days yet' })).toBeVisible();
  });
});
