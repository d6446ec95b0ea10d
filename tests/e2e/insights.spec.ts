import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { InsightTest } from '../../electron/contract/insightsTerms';
import { expect, expectAccessible, PASSPHRASE, test as base, unlock } from './fixtures';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');

/** What `axis insights --json` said about a vault, read before the web host opened it. */
const jsonRows = new Map<string, InsightTest[]>();

/** The fixture's empty vault folder, filled with a demo journal of `demoDays` days before the web host starts. */
const test = base.extend<{ demoDays: number; withJson: boolean }>({
  demoDays: [180, { option: true }],
  withJson: [false, { option: true }],
  vaultDir: async ({ vaultDir, demoDays, withJson }, use) => {
    const env = { ...process.env, AXIS_PASSPHRASE: PASSPHRASE };
    execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', String(demoDays)], { env });
    if (withJson)
      jsonRows.set(
        vaultDir,
        JSON.parse(
          execFileSync(process.execPath, [CLI, 'insights', '--vault', vaultDir, '--json'], {
            env,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
          }),
        ),
      );
    await use(vaultDir);
  },
});

async function openInsights(page: Page, openApp: () => Promise<void>): Promise<void> {
  await openApp();
  await unlock(page);
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
}

test('answers per condition: chips, one card per factor, both averages, the numbers apart, opened on the chart', async ({
  page,
  openApp,
}) => {
  await openInsights(page, openApp);
  const chips = page.getByRole('tablist', { name: 'Your skin and gut' });
  // The run's progress bar, or (on a fast machine) the result straight away.
  await expect(page.getByRole('progressbar').or(chips).first()).toBeVisible();
  await expect(chips).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  await expect(page.getByRole('heading', { name: 'Patterns, not proof' })).toBeVisible();
  await expect(page.getByText(/not proof that one thing causes another/)).toBeVisible();
  await expect(page.getByText(/\d+ patterns? stood out from chance: .*acne/)).toBeVisible();
  await expect(chips.getByRole('tab')).toHaveText([/^Acne/, /^Eczema/, /^Rosacea/, /^Itch/, /^Gut/]);
  const panel = page.getByRole('tabpanel');

  // Acne first: its two-line summary, then one card for dairy, titled without a cause.
  const acne = chips.getByRole('tab', { name: /^Acne/ });
  await expect(acne).toHaveAttribute('aria-selected', 'true');
  await expect(panel).toHaveAccessibleName(/^Acne/);
  await expect(panel.getByText(/^Acne was worse 2 days after dairy \([\d.]+ vs [\d.]+ out of 10\)/)).toBeVisible();
  const dairy = panel.getByRole('article', { name: 'Acne and dairy' });
  await expect(dairy).toContainText('2 days later');
  const lead = dairy.getByText(
    /^Your acne was worse 2 days after dairy: [\d.]+ out of 10 on average, against [\d.]+ after days without \(/,
  );
  await expect(lead).toBeVisible();
  // p and q are not in the lead sentence: they wait under "The numbers".
  await expect(lead).not.toContainText(/\b[pq] [<=]|\bq\b|chance/);
  await expect(page.getByRole('article', { name: /→/ })).toHaveCount(0);

  // The numbers stay secondary: behind a disclosure, opened with the keyboard.
  await dairy.getByText('The numbers').focus();
  await page.keyboard.press('Enter');
  await expect(dairy.getByRole('row', { name: /With dairy/ })).toBeVisible();
  await expect(dairy.getByText('q (false discovery rate)')).toBeVisible();

  // The chips by keyboard: one Tab stop, arrows move and choose.
  await acne.focus();
  await page.keyboard.press('ArrowRight');
  const eczema = chips.getByRole('tab', { name: /^Eczema/ });
  await expect(eczema).toBeFocused();
  await expect(eczema).toHaveAttribute('aria-selected', 'true');
  await expect(acne).toHaveAttribute('tabindex', '-1');
  const fermented = panel.getByRole('article', { name: 'Eczema and probiotic or fermented foods' });
  // Its yes/no and servings forms are one card.
  await expect(fermented).toHaveCount(1);
  await expect(fermented).toContainText('3 days later');
  await expect(
    fermented.getByText(
      /^Your eczema was better 3 days after probiotic or fermented foods: [\d.]+ out of 10 on average, against [\d.]+ after days without/,
    ),
  ).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(chips.getByRole('tab', { name: /^Rosacea/ })).toHaveAttribute('aria-selected', 'true');
  const stress = panel.getByRole('article', { name: 'Rosacea and stress' });
  await expect(stress).toContainText('Same day');
  await expect(stress.getByText(/^Your rosacea was worse on days with stress above [\d.]+: /)).toBeVisible();
  await expect(stress.getByText(/^Same day: your skin that day may have changed what was done or noted/)).toBeVisible();
  await page.keyboard.press('End');
  await expect(chips.getByRole('tab', { name: /^Gut/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(acne).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No finding does not mean no effect.')).toBeVisible();

  // Every chip: no card twice, no title that reads as a cause, no "could well be chance".
  for (const tab of await chips.getByRole('tab').all()) {
    await tab.click();
    const titles = await panel.getByRole('article').locator('h3').allInnerTexts();
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.every((title) => !title.includes('→') && / and /.test(title))).toBe(true);
    await expect(panel).not.toContainText('could well be chance');
  }
  await acne.click();

  // Everything that was tested: collapsed, opened with the keyboard, filtered.
  await page.getByRole('button', { name: 'Everything that was tested', expanded: false }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Everything that was tested', expanded: true })).toBeVisible();
  await page.getByLabel('Result', { exact: true }).selectOption({ label: 'Pattern found' });
  await expect(
    page
      .getByRole('table', { name: /^Dairy/ })
      .getByRole('row', { name: /Acne severity 2 days later .*Pattern found/ }),
  ).toBeVisible();
  await page.getByLabel('Result', { exact: true }).selectOption({ label: 'Every result' });
  await page.getByLabel('Find a factor or measure').fill('stress rosacea');
  await expect(page.getByRole('status').filter({ hasText: /Showing 1 pair for 1 factor/ })).toBeVisible();
  await expect(
    page.getByRole('table', { name: /^Stress/ }).getByRole('row', { name: /Rosacea severity Same day/ }),
  ).toBeVisible();
  await page.getByLabel('Show every delay, not only the clearest one').check();
  await expect(page.getByRole('table', { name: /^Stress/ }).getByRole('row')).toHaveCount(9);

  await expectAccessible(page, 'insights');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'insights (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // A chart from the Eczema chip, and back: the same chip is still chosen.
  await eczema.click();
  await fermented.getByRole('button', { name: 'Show on chart' }).click();
  await expect(page.getByRole('heading', { name: 'Trends', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Shift the factor by (days)')).toHaveValue('3');
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
  await expect(chips).toBeVisible();
  await expect(eczema).toHaveAttribute('aria-selected', 'true');

  // The result is still fresh, so it shows at once. A longer delay runs again and is kept.
  await acne.click();
  const setting = page.getByLabel('Look for effects up to');
  await expect(setting).toHaveValue('7');
  await setting.selectOption({ label: '3 days later' });
  await page.getByRole('button', { name: 'Look again' }).click();
  await expect(page.getByText(/comparisons from the same day up to 3 days later/)).toBeVisible();
  await expect(panel.getByRole('article', { name: 'Acne and dairy' })).toContainText('2 days later');
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
  await expect(page.getByLabel('Look for effects up to')).toHaveValue('3');
});

test.describe('a journal of 60 days', () => {
  test.use({ demoDays: 60, withJson: true });

  test('tells acne and dairy as --json has it: a pattern, "too early to tell" with its days to go, or nothing claimed', async ({
    page,
    openApp,
    vaultDir,
  }) => {
    const rows = jsonRows
      .get(vaultDir)!
      .filter((row) => row.factor === 'food.dairy' && row.outcome === 'skin.severity.1');
    expect(rows.length).toBeGreaterThan(0);
    const found = rows.find((row) => row.status === 'finding');
    const early = rows.find((row) => row.status !== 'finding' && row.flags?.includes('too-early'));
    await openInsights(page, openApp);
    const chips = page.getByRole('tablist', { name: 'Your skin and gut' });
    await expect(chips).toBeVisible();
    const acne = chips.getByRole('tab', { name: /^Acne/ });
    await expect(acne).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel');
    const card = panel.getByRole('article', { name: 'Acne and dairy' });
    const candidates = panel.getByRole('region', { name: 'Too early to tell' });
    if (found) {
      await expect(card).toBeVisible();
      await expect(card).toContainText(found.lag === 0 ? 'Same day' : `${found.lag} day`);
    } else if (early) {
      await expect(card).toHaveCount(0);
      const item = candidates.getByRole('listitem').filter({ hasText: 'Acne and dairy' });
      await expect(item).toContainText('Too early to tell');
      await expect(item.getByText(/^Your acne was (worse|better) /)).toBeVisible();
      if (early.needed)
        await expect(
          panel.getByText(`If it holds as it is, dairy needs about ${early.needed.days} more`).first(),
        ).toBeVisible();
    } else {
      // An engine that neither found it nor marks candidates: nothing is claimed about dairy.
      await expect(card).toHaveCount(0);
      await expect(candidates.getByText('Acne and dairy')).toHaveCount(0);
    }
    await expect(page.getByText(/could well be chance/)).toHaveCount(0);
    await expectAccessible(page, 'insights, young journal');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'insights, young journal (dark)');
  });
});

test.describe('a journal of 10 days', () => {
  test.use({ demoDays: 10 });

  test('says plainly that more days are needed and what will be compared, with no results', async ({
    page,
    openApp,
  }) => {
    await openInsights(page, openApp);
    await expect(page.getByRole('heading', { name: 'Not enough days yet' })).toBeVisible();
    await expect(
      page.getByText(/You have logged 10 days so far\. Insights needs at least \d+ more days/),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What will be compared once there is enough' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Dairy' }).first()).toBeVisible();
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByRole('article')).toHaveCount(0);
    await expect(page.getByText(/stood out|Pattern found/)).toHaveCount(0);

    await page.getByRole('button', { name: 'Every comparison, and what it still needs' }).click();
    await page.getByLabel('Find a factor or measure').fill('dairy acne');
    await expect(
      page
        .getByRole('table', { name: /^Dairy/ })
        .getByRole('row', { name: /Acne severity .*Needs \d+ more days? with it/ }),
    ).toBeVisible();

    await expectAccessible(page, 'insights, not enough data');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'insights, not enough data (dark)');
  });

  test('offers Try again when a run fails, and Update when the journal changed', async ({
    page,
    context,
    openApp,
    webHost,
  }) => {
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
            error:
              'The statistics could not be worked out (the worker stopped). Your journal is unchanged; please try again.',
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
