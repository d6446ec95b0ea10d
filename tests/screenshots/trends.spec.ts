import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHostProcess } from '../helpers/webHostProcess';

const OUT = resolve(import.meta.dirname, '../../screenshots');
const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const PASSPHRASE = 'demo screenshots 2026';

for (const scheme of ['light', 'dark'] as const) {
  test(`trends on a demo vault, ${scheme}`, async ({ browser }) => {
    mkdirSync(OUT, { recursive: true });
    const vaultDir = join(mkdtempSync(join(tmpdir(), 'axis-shots-')), 'vault');
    execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', '365'], { env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE } });
    const host = await startWebHostProcess(['--vault', vaultDir, '--port', '0']);
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(host.url);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await page.getByRole('button', { name: 'Trends', exact: true }).click();
      await page.mouse.move(0, 0);
      await expect(page.getByRole('heading', { name: 'Skin severity' })).toBeVisible();
      await expect(page.locator('canvas[role="img"]')).toHaveCount(6);
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(OUT, `20-trends-${scheme}.png`), fullPage: true });

      // The link explorer as an insight opens it: dairy over acne, two days later.
      const links = page.locator('section.card').filter({ has: page.getByRole('heading', { name: 'Links', level: 2 }) });
      await links.getByLabel('Overlay a factor').selectOption('food.dairy');
      await links.getByLabel('Shift the factor by (days)').fill('2');
      await expect(links.getByText(/^Dairy, shifted 2 days later, over Acne severity/)).toBeVisible();
      await page.getByRole('heading', { name: 'Link explorer' }).scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(400);
      await links.screenshot({ path: join(OUT, `20-trends-link-explorer-${scheme}.png`) });
    } finally {
      await context.close();
      await host.stop();
      rmSync(resolve(vaultDir, '..'), { recursive: true, force: true });
    }
  });
}
