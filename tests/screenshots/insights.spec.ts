import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startWebHostProcess } from '../helpers/webHostProcess';

const OUT = resolve(import.meta.dirname, '../../screenshots');
const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const PASSPHRASE = 'demo screenshots 2026';

/** Opens the insights view on a fresh demo journal of `days` days, then hands the page over. */
async function onDemo(
  browser: Browser,
  scheme: 'light' | 'dark',
  days: number,
  use: (page: Page) => Promise<void>,
  viewport = { width: 1280, height: 900 },
): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const vaultDir = join(mkdtempSync(join(tmpdir(), 'axis-shots-')), 'vault');
  execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', String(days)], { env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE } });
  const host = await startWebHostProcess(['--vault', vaultDir, '--port', '0']);
  const context = await browser.newContext({ colorScheme: scheme, viewport });
  const page = await context.newPage();
  try {
    await page.goto(host.url);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Your day' })).toBeVisible();
    await page.getByRole('button', { name: 'Insights', exact: true }).click();
    await page.mouse.move(0, 0);
    await use(page);
  } finally {
    await context.close();
    await host.stop();
    rmSync(resolve(vaultDir, '..'), { recursive: true, force: true });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`insights on a 180-day demo journal, ${scheme}`, async ({ browser }) => {
    await onDemo(browser, scheme, 180, async (page) => {
      const chips = page.getByRole('tablist', { name: 'Your skin and gut' });
      await expect(chips).toBeVisible();
      const first = page.getByRole('tabpanel').getByRole('article').first();
      await first.getByText('The numbers').click();
      await page.locator('h1').focus();
      await page.screenshot({ path: join(OUT, `21-insights-${scheme}.png`), fullPage: true });
      await first.getByText('The numbers').click();
      // Each condition's chip, by keyboard, as the first screen shows it.
      await chips.getByRole('tab').first().focus();
      for (const [i, name] of (await chips.getByRole('tab').allInnerTexts()).entries()) {
        if (i > 0) await page.keyboard.press('ArrowRight');
        await page.mouse.move(0, 0);
        await page.screenshot({ path: join(OUT, `21-insights-${i + 1}-${name.split('\n')[0]!.toLowerCase()}-${scheme}.png`) });
      }
      await page.getByRole('button', { name: 'Everything that was tested', expanded: false }).click();
      await page.getByLabel('Find a factor or measure').fill('dairy');
      await page.mouse.move(0, 0);
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(OUT, `23-insights-everything-tested-${scheme}.png`), fullPage: true });
    });
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 900, height: 700 },
  ]) {
    test(`insights at ${viewport.width}×${viewport.height}, ${scheme}`, async ({ browser }) => {
      await onDemo(
        browser,
        scheme,
        365,
        async (page) => {
          await expect(page.getByRole('tablist', { name: 'Your skin and gut' })).toBeVisible();
          await page.getByRole('tablist').scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(OUT, `25-insights-year-${viewport.width}x${viewport.height}-${scheme}.png`) });
        },
        viewport,
      );
    });
  }

  test(`insights on a young journal (60 days), ${scheme}`, async ({ browser }) => {
    await onDemo(browser, scheme, 60, async (page) => {
      await expect(page.getByRole('tablist', { name: 'Your skin and gut' }).or(page.getByRole('heading', { name: 'Not enough days yet' }))).toBeVisible();
      await page.screenshot({ path: join(OUT, `26-insights-young-${scheme}.png`), fullPage: true });
    });
  });

  test(`insights with too few days, ${scheme}`, async ({ browser }) => {
    await onDemo(browser, scheme, 10, async (page) => {
      await expect(page.getByRole('heading', { name: 'Not enough days yet' })).toBeVisible();
      await page.screenshot({ path: join(OUT, `22-insights-not-enough-data-${scheme}.png`), fullPage: true });
      // A run under way (held at 65% by answering for the backend) on a first visit.
      const running = { state: 'running', progress: { done: 1120, total: 1720 }, result: null, stale: false, error: null, maxLag: 7 };
      await page.route(/\/api\/insights\.(run|status)$/, (route) => route.fulfill({ json: { ok: true, value: running } }));
      await page.getByRole('button', { name: 'Day', exact: true }).click();
      await page.getByRole('button', { name: 'Insights', exact: true }).click();
      await expect(page.getByRole('progressbar')).toBeVisible();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(OUT, `24-insights-working-${scheme}.png`) });
    });
  });
}
