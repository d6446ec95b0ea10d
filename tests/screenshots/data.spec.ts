import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHostProcess } from '../helpers/webHostProcess';

const OUT = resolve(import.meta.dirname, '../../screenshots');
const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const PASSPHRASE = 'demo screenshots 2026';

function shiftIso(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`your data: export, import, backup, restore and delete, ${scheme}`, async ({ browser }) => {
    mkdirSync(OUT, { recursive: true });
    const vaultDir = join(mkdtempSync(join(tmpdir(), 'axis-shots-')), 'vault');
    execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', '40'], { env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE } });
    const host = await startWebHostProcess(['--vault', vaultDir, '--port', '0']);
    const context = await browser.newContext({ colorScheme: scheme, reducedMotion: 'reduce', viewport: { width: 1180, height: 820 }, acceptDownloads: true });
    const page = await context.newPage();
    try {
      await page.goto(host.url);
      await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await page.getByRole('button', { name: 'About & your data', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Export a copy you can read' })).toBeVisible();

      // A JSON export (its success message shows in the full-page picture).
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(OUT, `28-your-data-${scheme}.png`), fullPage: true });

      // Importing it back with most days moved to earlier dates: new days, a few replaced, sessions already there.
      const days = exported.days as { date: string }[];
      const file = {
        ...exported,
        days: [...days.slice(-3), ...days.map((day) => ({ ...day, date: shiftIso(day.date, -days.length - 5) }))],
      };
      const importCard = page.getByRole('region', { name: 'Import an export' });
      await importCard.getByLabel('Export file to import (JSON)').setInputFiles({ name: 'journal-from-laptop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await expect(importCard.getByRole('button', { name: 'Import now' })).toBeVisible();
      await page.mouse.move(0, 0);
      await importCard.screenshot({ path: join(OUT, `28-your-data-import-summary-${scheme}.png`) });

      await importCard.getByRole('button', { name: 'Import now' }).click();
      await expect(importCard.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();
      await importCard.screenshot({ path: join(OUT, `28-your-data-imported-${scheme}.png`) });

      // The restore's confirmation, and the delete button made ready.
      const restore = page.getByRole('region', { name: 'Restore a backup' });
      await restore.getByLabel('Backup file').setInputFiles({ name: 'axis-journal-2026-01-31.axisbackup', mimeType: 'application/octet-stream', buffer: Buffer.from('not used') });
      await restore.getByLabel('Passphrase the backup was made with').fill('an older passphrase');
      await restore.getByRole('button', { name: 'Restore this backup…' }).click();
      await expect(restore.getByRole('button', { name: 'Restore and lock' })).toBeVisible();
      await page.mouse.move(0, 0);
      await restore.screenshot({ path: join(OUT, `28-your-data-restore-confirm-${scheme}.png`) });

      const zone = page.getByRole('region', { name: 'Delete everything' });
      await zone.getByLabel(/To confirm, type/).fill('delete my journal');
      await zone.getByLabel(/To confirm, type/).blur();
      await zone.screenshot({ path: join(OUT, `28-your-data-delete-${scheme}.png`) });
    } finally {
      await context.close();
      await host.stop();
      rmSync(resolve(vaultDir, '..'), { recursive: true, force: true });
    }
  });
}
