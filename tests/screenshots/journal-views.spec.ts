import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { expect, test } from '@playwright/test';
import { startWebHostProcess } from '../helpers/webHostProcess';

const OUT = resolve(import.meta.dirname, '../../screenshots');
const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const PASSPHRASE = 'demo screenshots 2026';

for (const scheme of ['light', 'dark'] as const) {
  test(`journal views on a demo vault, ${scheme}`, async ({ browser }) => {
    mkdirSync(OUT, { recursive: true });
    const vaultDir = join(mkdtempSync(join(tmpdir(), 'axis-shots-')), 'vault');
    execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', '180'], { env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE } });
    const host = await startWebHostProcess(['--vault', vaultDir, '--port', '0']);
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const shot = (name: string, fullPage = true) => page.screenshot({ path: join(OUT, `${name}-${scheme}.png`), fullPage });
    const go = async (label: string) => {
      await page.getByRole('button', { name: label, exact: true }).click();
      await page.mouse.move(0, 0);
    };
    try {
      await page.goto(host.url);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Your day' })).toBeVisible();
      // Today: the quick check-in and the offer to start from yesterday, as the first screen shows them.
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect(page.getByRole('region', { name: 'Quick check-in' })).toBeVisible();
      await page.mouse.move(0, 0);
      await shot('10a-day-check-in', false);
      const copy = page.getByRole('button', { name: 'Copy from yesterday' });
      if (await copy.isVisible()) {
        await copy.click();
        await page.mouse.move(0, 0);
        await shot('10b-day-from-yesterday', false);
        await page.getByRole('button', { name: 'Undo the copy' }).click();
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('button', { name: /Previous day/ }).click();
      await expect(page.getByRole('status').filter({ hasText: /Changes save automatically|Saved/ })).toBeVisible();
      await shot('10-day');
      await go('Journal');
      await expect(page.getByRole('table')).toBeVisible();
      await shot('11-journal-calendar');
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await shot('12-journal-list', false);
      await page.getByLabel('Search your notes').fill('itchy');
      await page.getByLabel('Search your notes').press('Enter');
      await expect(page.locator('mark').first()).toBeVisible();
      await shot('13-journal-search');
      await go('Photos');
      const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c98f84' } }).jpeg().toBuffer();
      const form = page.getByRole('region', { name: /Add a photo/ });
      await form.getByLabel('Body area').selectOption({ label: 'Cheeks' });
      await form.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'cheeks.jpg', mimeType: 'image/jpeg', buffer: photo });
      await form.getByRole('button', { name: 'Add photo' }).click();
      await expect(page.getByRole('status').filter({ hasText: /Photo saved/ })).toBeVisible();
      await shot('14-photos');
      await go('Settings');
      await shot('15-settings');
      await go('Learn');
      await shot('16-learn');
      await go('Meditate');
      await expect(page.getByRole('heading', { name: 'Start a session' })).toBeVisible();
      await shot('17-meditate');
      // A small window: the sidebar's sections scroll with Lock and the theme pinned; Start stays in view.
      await page.setViewportSize({ width: 900, height: 700 });
      await shot('17b-meditate-900x700', false);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('radio', { name: /Box breathing/ }).check();
      await page.getByLabel('Preparation countdown (seconds)').fill('0');
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expect(page.getByRole('timer')).toBeVisible();
      await page.waitForTimeout(1500);
      await shot('18-meditation-session', false);
      await page.getByRole('button', { name: 'End early' }).click();
      await page.getByRole('button', { name: 'End now' }).click();
      // Under a minute: it is kept only on purpose.
      await expect(page.getByRole('group', { name: 'Save this short session?' })).toBeVisible();
      await shot('18b-meditation-short-session', false);
      await page.getByRole('button', { name: 'Don’t save it' }).click();
      await expect(page.getByText('The session was discarded.')).toBeVisible();
    } finally {
      await context.close();
      await host.stop();
      rmSync(resolve(vaultDir, '..'), { recursive: true, force: true });
    }
  });
}
