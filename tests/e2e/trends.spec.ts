import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { TrendsData } from '../../electron/contract/trendsTerms';
import { createJournal, expect, expectAccessible, PASSPHRASE, saveScreenshot, test as base, unlock } from './fixtures';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const DAY_MS = 24 * 60 * 60 * 1000;

/** The fixture's empty vault folder, filled with a demo journal before the web host starts (0 days: a fresh journal). */
const test = base.extend<{ demoDays: number }>({
  demoDays: [400, { option: true }],
  vaultDir: async ({ vaultDir, demoDays }, use) => {
    if (demoDays > 0) {
      execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', String(demoDays)], {
        env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE },
      });
    }
    await use(vaultDir);
  },
});

async function openTrends(page: Page, openApp: () => Promise<void>): Promise<void> {
  await openApp();
  await unlock(page);
  await page.getByRole('button', { name: 'Trends', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Skin severity' })).toBeVisible();
}

/** The same data the view shows, asked of the backend from inside the page (its session cookie). */
async function series(page: Page, range: { from?: string; to?: string }): Promise<TrendsData> {
  const result = await page.evaluate(async (input) => {
    const response = await fetch('/api/trends.series', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value: unknown };
  }, range);
  expect(result.ok).toBe(true);
  return result.value as TrendsData;
}

function values(data: TrendsData, key: string): (number | null)[] {
  const found = data.series.find((s) => s.key === key);
  expect(found, key).toBeTruthy();
  return found!.values;
}

function panel(page: Page, title: string): Locator {
  return page.locator('section.panel').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

const shown = (page: Page): Locator => page.getByRole('status').filter({ hasText: /^Showing / });

function isoDaysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

test('a demo journal: every chart, the periods, and tables that match the data', async ({ page, openApp }) => {
  await openTrends(page, openApp);
  for (const title of [
    'Skin severity',
    'Skin calendar',
    'Link explorer',
    'Compare two series',
    'Stool types',
    'Bloating and tummy discomfort',
    'Stress and meditation',
  ]) {
    await expect(page.getByRole('heading', { name: title, exact: true, level: 3 })).toBeVisible();
  }
  // Six canvases, each an image named by the summary in words above it.
  await expect(page.locator('canvas[role="img"]')).toHaveCount(6);
  await expect(
    page.getByRole('img', { name: /^Skin severity from 0 to 10, .*Acne averaged \d+\.\d over \d+ scored days/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '90 days', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(shown(page)).toContainText(': 90 days,');

  // The periods, by keyboard too.
  await page.getByRole('button', { name: '30 days', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(shown(page)).toContainText(': 30 days,');
  await page.getByRole('button', { name: '1 year', exact: true }).click();
  await expect(shown(page)).toContainText(': 365 days,');
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await expect(shown(page)).toContainText(/: 40\d days,/);
  await expect(
    page.getByRole('img', { name: /^Calendar heatmap of the worst skin severity/ }).locator('.cell[title]'),
  ).toHaveCount(Number((await shown(page).textContent())!.match(/: (\d+) days/)![1]));

  // A custom period: wrong dates get a sentence; right ones are shown.
  await page.getByRole('button', { name: 'Custom', exact: true }).click();
  const all = await series(page, {});
  const to = all.lastLogged!;
  const from = isoDaysBefore(to, 13);
  await page.getByLabel('From', { exact: true }).fill(to);
  await page.getByLabel('To', { exact: true }).fill(from);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The start date must be on or before the end date.');
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('To', { exact: true }).fill(to);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(shown(page)).toContainText(': 14 days,');
  await expect(page.getByRole('button', { name: 'Custom', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // "Show as table": the same numbers as the data, day by day.
  const data = await series(page, { from, to });
  const skin = panel(page, 'Skin severity');
  await skin.getByRole('button', { name: 'Show as table' }).click();
  const table = skin.getByRole('table');
  await expect(table).toBeVisible();
  await expect(skin.locator('canvas')).toHaveCount(0);
  const acne = values(data, 'skin.severity.1');
  const acneFlare = values(data, 'skin.flare.1');
  const scores = ['skin.severity.1', 'skin.severity.2', 'skin.severity.3', 'skin.itch'].map((key) => values(data, key));
  const flares = ['skin.flare.1', 'skin.flare.2', 'skin.flare.3'].map((key) => values(data, key));
  const rowDays = data.dates.flatMap((_, i) =>
    scores.some((s) => s[i] !== null) || flares.some((f) => f[i] === 1) ? [i] : [],
  );
  const expected = rowDays.map((i) => `${acne[i] ?? '–'}${acneFlare[i] === 1 ? ' flare' : ''}`);
  await expect(table.locator('tbody tr td:nth-of-type(1)')).toHaveText(expected);
  await expect(table.getByRole('columnheader')).toHaveText([
    'Date',
    'Acne',
    'Acne, 7-day average',
    'Eczema',
    'Eczema, 7-day average',
    'Rosacea',
    'Rosacea, 7-day average',
    'Itch (worst)',
  ]);
  await expectAccessible(page, 'trends with a table');
  await skin.getByRole('button', { name: 'Show as chart' }).click();
  await expect(skin.locator('canvas')).toHaveCount(1);

  // The stool types table counts what the backend counted.
  const stool = panel(page, 'Stool types');
  await stool.getByRole('button', { name: 'Show as table' }).click();
  await expect(stool.getByRole('table').locator('tbody tr td:nth-of-type(2)')).toHaveText(
    data.stoolTypeCounts.map(String),
  );

  await page.getByRole('button', { name: '90 days', exact: true }).click();
  await expect(shown(page)).toContainText(': 90 days,');
  await expectAccessible(page, 'trends');
});

test('the link explorer, the heatmap and compare, in the dark theme too', async ({ page, openApp }) => {
  await openTrends(page, openApp);
  await page.getByRole('button', { name: '1 year', exact: true }).click();
  await expect(shown(page)).toContainText(': 365 days,');
  const link = panel(page, 'Link explorer');
  await expect(link.getByLabel('Measure')).toHaveValue('skin.severity.1');
  await expect(link.getByLabel('Overlay a factor')).toHaveValue('');
  await expect(link.getByLabel('Overlay a factor').locator('option').first()).toHaveText('None');
  await link.getByLabel('Overlay a factor').selectOption('food.dairy');
  await link.getByLabel('Shift the factor by (days)').fill('2');
  await expect(link.getByText('Dairy, shifted 2 days later, over Acne severity', { exact: false })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Dairy, shifted 2 days later, over Acne severity/ })).toBeVisible();
  // The planted effect shows in words: acne is higher two days after dairy.
  const comparison = await link.getByText(/^When Dairy was logged 2 days before:/).textContent();
  const [withDairy, without] = [...comparison!.matchAll(/Acne severity averaged (\d+\.\d)/g)].map((m) => Number(m[1]));
  expect(withDairy! - without!).toBeGreaterThan(1);
  await link.getByLabel('Shift the factor by (days)').fill('-3');
  await expect(link.getByText(/^Dairy, shifted 3 days earlier, over Acne severity/)).toBeVisible();
  await link.getByLabel('Shift the factor by (days)').fill('2');

  // Its table pairs each day's acne with the dairy of two days before.
  await link.getByRole('button', { name: 'Show as table' }).click();
  const table = link.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Date', 'Acne severity', 'Dairy (from 2 days before)']);
  // The whole journal, so the dairy of the period's first two days is known too.
  const data = await series(page, {});
  const acne = values(data, 'skin.severity.1');
  const dairy = values(data, 'food.dairy');
  const dairyBefore = (i: number): number | null => (i >= 2 ? dairy[i - 2]! : null);
  const firstShown = data.dates.length - 365;
  const rowDays = data.dates.flatMap((_, i) =>
    i >= firstShown && (acne[i] !== null || dairyBefore(i) !== null) ? [i] : [],
  );
  const cell = (value: number | null, yesNo = false): string =>
    value === null ? '–' : yesNo ? (value === 1 ? 'yes' : 'no') : String(value);
  await expect(table.locator('tbody tr')).toHaveCount(rowDays.length);
  for (const at of [0, rowDays.length - 1]) {
    const i = rowDays[at]!;
    await expect(table.locator('tbody tr').nth(at).locator('td')).toHaveText([
      cell(acne[i]!),
      cell(dairyBefore(i), true),
    ]);
  }
  await link.getByRole('button', { name: 'Show as chart' }).click();

  // The heatmap: a labelled image of months × days, one condition at a time, and its table.
  const calendar = panel(page, 'Skin calendar');
  const heatmap = calendar.getByRole('img', { name: /^Calendar heatmap of the worst skin severity of the day/ });
  await expect(heatmap).toBeVisible();
  await expect(heatmap.locator('.cell[title]')).toHaveCount(365);
  await expect(heatmap.locator('.cell.empty').first()).toBeVisible();
  await calendar.getByLabel('Colour each day by').selectOption({ label: 'Rosacea' });
  await expect(calendar.getByRole('img', { name: /^Calendar heatmap of the Rosacea severity/ })).toBeVisible();
  await calendar.getByRole('button', { name: 'Show as table' }).click();
  const months = calendar.getByRole('table').locator('tbody tr');
  expect(await months.count()).toBeGreaterThanOrEqual(12);
  await calendar.getByRole('button', { name: 'Show as chart' }).click();

  // Compare: stress against rosacea the same day (the demo's planted link), with n shown.
  const compare = panel(page, 'Compare two series');
  await compare.getByLabel('Series A (across)').selectOption('life.stress');
  await compare.getByLabel('Series B (up)').selectOption('skin.severity.3');
  await compare.getByLabel('Days from A to B').fill('0');
  await compare.getByLabel('Days from A to B').press('Tab');
  const yearData = await series(page, { from: data.dates.at(-365)!, to: data.to });
  const stress = values(yearData, 'life.stress');
  const rosacea = values(yearData, 'skin.severity.3');
  const n = stress.filter((s, i) => s !== null && rosacea[i] !== null).length;
  await expect(
    compare.getByText(`n = ${n.toLocaleString('en-GB')} days with both recorded`, { exact: true }),
  ).toBeVisible();
  const rho = Number(
    (await compare.getByText(/Rank correlation/).textContent())!.match(/Rank correlation (-?\d\.\d\d)/)![1],
  );
  expect(rho).toBeGreaterThan(0.2);
  await compare.getByRole('button', { name: 'Show as table' }).click();
  const pairs = compare.getByRole('table').locator('tbody tr td:nth-of-type(2)');
  const days = (await pairs.allTextContents()).reduce((sum, text) => sum + Number(text), 0);
  expect(days).toBe(n);
  await compare.getByRole('button', { name: 'Show as chart' }).click();

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('canvas[role="img"]')).toHaveCount(6);
  await expectAccessible(page, 'trends (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('"Show on chart" in Insights opens the link explorer on that link', async ({ page, openApp }) => {
  test.slow();
  await openApp();
  await unlock(page);
  await page.getByRole('button', { name: 'Insights', exact: true }).click();
  const dairy = page.getByRole('tabpanel').getByRole('article', { name: 'Acne and dairy' });
  await expect(dairy).toBeVisible({ timeout: 40_000 });
  await dairy.getByRole('button', { name: 'Show on chart' }).click();

  await expect(page.getByRole('heading', { name: 'Trends', level: 1 })).toBeVisible();
  const link = panel(page, 'Link explorer');
  await expect(link.getByLabel('Measure')).toHaveValue('skin.severity.1');
  await expect(link.getByLabel('Overlay a factor')).toHaveValue('food.dairy');
  await expect(link.getByLabel('Shift the factor by (days)')).toHaveValue('2');
  await expect(link.getByText(/^Dairy, shifted 2 days later, over Acne severity/)).toBeVisible();
  await expect(page.getByRole('button', { name: '1 year', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'Link explorer', level: 3 })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Link explorer', level: 3 })).toBeInViewport();
});

test.describe('a fresh journal', () => {
  test.use({ demoDays: 0 });

  test('explains what will appear instead of drawing empty charts', async ({ page, openApp }, testInfo) => {
    await openApp();
    await createJournal(page);
    await page.getByRole('button', { name: 'Trends', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Nothing to draw yet' })).toBeVisible();
    await expect(page.getByText(/Log a few days first/)).toBeVisible();
    await expect(page.locator('canvas')).toHaveCount(0);
    await expectAccessible(page, 'trends (empty)');
    await saveScreenshot(page, testInfo, 'trends-empty');
    await page.getByRole('button', { name: 'Log today' }).click();
    await expect(page.getByRole('heading', { name: 'Your day' })).toBeVisible();
  });
});
