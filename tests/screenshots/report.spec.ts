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
  test(`the dermatologist report, ${scheme}`, async ({ browser }) => {
    mkdirSync(OUT, { recursive: true });
    const vaultDir = join(mkdtempSync(join(tmpdir(), 'axis-shots-')), 'vault');
    execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', '365'], { env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE } });
    const host = await startWebHostProcess(['--vault', vaultDir, '--port', '0']);
    const context = await browser.newContext({ colorScheme: scheme, reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(host.url);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();
      const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c98f84' } }).jpeg().toBuffer();
      const added = await page.evaluate(async (dataBase64) => {
        const d = new Date(Date.now() - 9 * 86_400_000);
        const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        const response = await fetch('/api/photos.add', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ date, bodyArea: 'cheeks', mime: 'image/jpeg', dataBase64 }) });
        return ((await response.json()) as { ok: boolean }).ok;
      }, photo.toString('base64'));
      expect(added).toBe(true);

      await page.getByRole('button', { name: 'Report', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible();
      await page.getByLabel('Name', { exact: true }).fill('Alex Example');
      await page.getByLabel('Date of birth').fill('1990-03-12');
      await page.getByRole('button', { name: 'Prepare report' }).click();
      await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible();
      await page.getByRole('group', { name: 'Photos to include' }).getByRole('checkbox').first().check();
      await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible();
      await page.mouse.move(0, 0);
      // From the top, so the sticky sidebar is drawn where it sits.
      await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
      await page.screenshot({ path: join(OUT, `29-report-${scheme}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 2300 } });
      // A small window: the form reflows and the preview's sheets scale down to fit; no sideways scrolling.
      await page.setViewportSize({ width: 900, height: 700 });
      await page.getByRole('heading', { name: 'Preview' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUT, `29b-report-900x700-${scheme}.png`) });
    } finally {
      await context.close();
      await host.stop();
      rmSync(resolve(vaultDir, '..'), { recursive: true, force: true });
    }
  });
}
