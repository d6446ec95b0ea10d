import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startWebHostProcess } from '../helpers/webHostProcess';
import { createJournal } from '../e2e/fixtures';

const OUT = resolve(import.meta.dirname, '../../screenshots');

/** Ten weekly checks, the newest a week ago: an eczema that flared and settled. */
const WEEKS: number[][] = [
  [3, 2, 0, 1, 2, 3, 4],
  [4, 3, 1, 1, 2, 3, 4],
  [4, 4, 2, 2, 3, 3, 4],
  [4, 4, 3, 2, 3, 4, 4],
  [4, 3, 1, 1, 2, 3, 4],
  [3, 2, 0, 0, 2, 2, 3],
  [2, 1, 0, 0, 1, 2, 3],
  [2, 1, 0, 0, 1, 1, 2],
  [1, 0, 0, 0, 0, 1, 2],
  [2, 1, 0, 0, 1, 1, 2],
];

function localIso(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Saves the checks through the web host's API, with the page's own session cookie. */
async function seedChecks(page: Page, origin: string): Promise<void> {
  for (const [index, answers] of WEEKS.entries()) {
    const date = localIso(7 * (WEEKS.length - index));
    const response = await page.request.post(`${origin}/api/poem.save`, { data: { date, answers } });
    expect(await response.json()).toMatchObject({ ok: true });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the weekly eczema check, ${scheme}`, async ({ browser }) => {
    mkdirSync(OUT, { recursive: true });
    const vaultDir = mkdtempSync(join(tmpdir(), 'axis-shots-'));
    const host = await startWebHostProcess(['--vault', vaultDir, '--port', '0']);
    // Reduced motion: the chart is drawn at once, not caught halfway through its animation.
    const context = await browser.newContext({ colorScheme: scheme, reducedMotion: 'reduce', viewport: { width: 1180, height: 820 } });
    const page = await context.newPage();
    try {
      await page.goto(host.url);
      await createJournal(page);
      await page.getByRole('checkbox', { name: 'Eczema' }).check();
      await page.getByRole('button', { name: 'Track these' }).click();
      await expect(page.getByRole('heading', { name: 'Eczema', level: 3 })).toBeVisible();
      await seedChecks(page, host.origin);
      // Back to the day so it asks again for the status.
      await page.getByRole('button', { name: 'Journal', exact: true }).click();
      await page.getByRole('button', { name: 'Day', exact: true }).click();

      const prompt = page.getByRole('region', { name: 'Weekly eczema check', exact: true });
      await expect(prompt).toContainText('It is a week since your last eczema check.');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(OUT, `26-poem-prompt-${scheme}.png`) });

      await prompt.getByRole('button', { name: 'Fill in the eczema check' }).click();
      await expect(page.getByRole('img', { name: 'POEM totals over time' })).toBeVisible();
      const today = [2, 1, 0, 0, 1, 2, 3];
      for (const [index, score] of today.entries()) {
        await page
          .getByRole('group', { name: new RegExp(`^Question ${index + 1}:`) })
          .getByRole('radio')
          .nth(score)
          .check();
      }
      await page.getByRole('group', { name: /^Question 7:/ }).getByRole('radio').nth(3).focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(OUT, `25-poem-${scheme}.png`), fullPage: true });

      await page.getByRole('button', { name: 'Save this check' }).click();
      await page.getByRole('button', { name: 'Show as table' }).click();
      await page.getByRole('table').scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(OUT, `27-poem-saved-table-${scheme}.png`), fullPage: true });
    } finally {
      await context.close();
      await host.stop();
      rmSync(vaultDir, { recursive: true, force: true });
    }
  });
}
