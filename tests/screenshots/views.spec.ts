import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startWebHostProcess } from '../helpers/webHostProcess';
import { PASSPHRASE } from '../e2e/fixtures';

const OUT = resolve(import.meta.dirname, '../../screenshots');

for (const scheme of ['light', 'dark'] as const) {
  test(`every view, ${scheme}`, async ({ browser }) => {
    mkdirSync(OUT, { recursive: true });
    const vaultDir = mkdtempSync(join(tmpdir(), 'axis-shots-'));
    const host = await startWebHostProcess(['--vault', vaultDir, '--port', '0']);
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1180, height: 820 } });
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}-${scheme}.png`), fullPage: true });
    try {
      await page.goto(host.url);
      await expect(page.getByRole('heading', { name: 'Welcome to Axis Journal' })).toBeVisible();
      await page.getByLabel('Choose a passphrase').fill(PASSPHRASE);
      await page.getByLabel('Type it again').fill(PASSPHRASE);
      await expect(page.getByText(/Strength:/)).toBeVisible();
      await page.getByLabel('Type it again').blur();
      await shot('01-welcome');
      await page.getByRole('button', { name: 'Create my journal' }).click();
      await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
      await shot('02-recovery-key');
      await page.emulateMedia({ media: 'print' });
      await shot('03-recovery-sheet-print');
      await page.emulateMedia({ media: 'screen' });
      await confirmKey(page);
      await page.getByRole('button', { name: 'Security', exact: true }).click();
      await page.mouse.move(0, 0);
      await shot('04-security');
      await page.getByRole('button', { name: 'About & your data' }).click();
      await shot('05-about');
      await page.getByRole('button', { name: 'Lock journal' }).click();
      await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();
      await shot('06-unlock');
      await page.getByLabel('Passphrase', { exact: true }).fill('not the right one');
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await shot('07-unlock-wrong-passphrase');
      await page.getByRole('button', { name: /Use your recovery key/ }).click();
      await shot('08-recover');
      const fresh = await context.newPage();
      await fresh.goto(host.origin + '/');
      await context.clearCookies();
      await fresh.reload();
      await expect(fresh.getByRole('heading', { name: /start-up link/ })).toBeVisible();
      await fresh.screenshot({ path: join(OUT, `09-no-access-${scheme}.png`), fullPage: true });
    } finally {
      await context.close();
      await host.stop();
      rmSync(vaultDir, { recursive: true, force: true });
    }
  });
}

async function confirmKey(page: Page): Promise<void> {
  const groups = await page.getByRole('list', { name: 'Recovery key' }).locator('.group').allTextContents();
  const label = await page.locator('label[for="confirm-group"]').textContent();
  const asked = Number(/group (\d)/.exec(label ?? '')?.[1]);
  await page.getByLabel(/To confirm you stored it/).fill(groups[asked - 1]!);
  await page.getByRole('button', { name: /I stored my key/ }).click();
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();
}
