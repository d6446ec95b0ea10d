import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { createJournal, expect, expectAccessible, PASSPHRASE, saveScreenshot, test, unlock } from './fixtures';

function localIso(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Presses Tab until `target` has focus: proves it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

/** Types a note on the open day and waits until it is saved. */
async function logNote(page: Page, note: string): Promise<void> {
  await page.getByLabel('Anything else about today').fill(note);
  await page.getByLabel('Anything else about today').blur();
  await expect(page.locator('.save-state')).toHaveText('Saved');
}

async function openYourData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'About & your data', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Export a copy you can read' })).toBeVisible();
}

/** Clicks a button and returns the download it starts, with its bytes. */
async function download(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const [started] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await started.path();
  return { download: started, bytes: readFileSync(path) };
}

/** The Journal's list of days: how many, and their note previews. */
async function journalList(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Journal', exact: true }).click();
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const list = page.getByRole('region', { name: 'All days, newest first' });
  await expect(list.getByRole('status')).toHaveText(/\d+ days? shown/);
  return (await list.textContent()) ?? '';
}

test('export JSON and CSV, then import a file after seeing what it will do; a broken file changes nothing', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  await createJournal(page);
  await logNote(page, 'Oat porridge, calm skin today');
  await openYourData(page);
  await expect(page.getByText('Exports are not encrypted.')).toBeVisible();
  await expectAccessible(page, 'your data (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'your data (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  // JSON: the whole journal, with the day just logged.
  const json = await download(page, 'Export as JSON');
  expect(json.download.suggestedFilename()).toMatch(/^axis-journal-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(json.bytes.toString('utf8'));
  expect(exported.format).toBe('axis-journal-export');
  expect(exported.days).toEqual([
    expect.objectContaining({ date: localIso(0), notes: 'Oat porridge, calm skin today' }),
  ]);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Saving axis-journal-.*\.json \(.+\), usually to your Downloads folder\./ }),
  ).toBeVisible();

  // CSV: a ZIP, asked for with the keyboard.
  await tabTo(page, page.getByRole('button', { name: 'Export as CSV (ZIP)' }));
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(csvDownload.suggestedFilename()).toMatch(/^axis-journal-csv-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(
    readFileSync(await csvDownload.path())
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');

  // A broken file, then a JSON file that is not an export: a clear message, nothing changed.
  const fileField = page.getByLabel('Export file to import (JSON)');
  await fileField.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "format": "axis-journal-export", '),
  });
  await expect(page.getByRole('alert')).toHaveText(
    'This file is not an Axis Journal export (JSON). Nothing was changed.',
  );
  await expect(page.getByRole('heading', { name: /What importing/ })).toHaveCount(0);
  await fileField.setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello":"world"}'),
  });
  await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
  await expectAccessible(page, 'import error');
  expect(await journalList(page)).toContain('1 day shown');

  // The export again, with today changed and three older days added.
  const template = exported.days[0];
  const file = {
    ...exported,
    days: [
      { ...template, notes: 'Replaced by the import' },
      ...[3, 4, 5].map((ago) => ({ ...template, date: localIso(ago), notes: `Imported day ${ago}` })),
    ],
  };
  await openYourData(page);
  await page.getByLabel('Export file to import (JSON)').setInputFiles({
    name: 'from-laptop.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const review = page.getByRole('heading', { name: 'What importing from-laptop.json will do' });
  await expect(review).toBeFocused();
  await expect(
    page.getByText(/^This will add 3 days and replace 1 day(, \d+ settings?)? with the versions in the file\.$/),
  ).toBeVisible();
  await expect(page.getByText('1 day you already logged here will be overwritten completely')).toBeVisible();
  await expect(page.getByText('Nothing has changed yet.')).toBeVisible();
  await expectAccessible(page, 'import summary (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'import summary (dark)');
  await saveScreenshot(page, testInfo, 'import-summary-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  // The dry run changed nothing.
  expect(await journalList(page)).toContain('1 day shown');

  await openYourData(page);
  await page.getByLabel('Export file to import (JSON)').setInputFiles({
    name: 'from-laptop.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByRole('heading', { name: 'What importing from-laptop.json will do' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Import now' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /Imported: added 3 days and replaced 1 day/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import now' })).toHaveCount(0);
  const list = await journalList(page);
  expect(list).toContain('4 days shown');
  for (const note of ['Replaced by the import', 'Imported day 3', 'Imported day 4', 'Imported day 5'])
    expect(list).toContain(note);
  expect(list).not.toContain('Oat porridge');
});

test('an encrypted backup restores with its passphrase; a wrong passphrase changes nothing', async ({
  page,
  openApp,
  vaultDir,
}, testInfo) => {
  await openApp();
  await createJournal(page);
  await logNote(page, 'Written before the backup');
  await openYourData(page);

  const backup = await download(page, 'Make a backup');
  expect(backup.download.suggestedFilename()).toMatch(/^axis-journal-\d{4}-\d{2}-\d{2}\.axisbackup$/);
  expect(backup.bytes.includes(Buffer.from('Written before the backup'))).toBe(false);

  // Changed after the backup: the restore must bring back the older note.
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await logNote(page, 'Written after the backup');
  await openYourData(page);

  const restore = page.getByRole('region', { name: 'Restore a backup' });
  await expect(restore).toContainText('You will need the passphrase the backup was made with');
  await restore.getByRole('button', { name: 'Restore this backup…' }).click();
  await expect(restore.getByRole('alert')).toHaveText('Please choose the backup file first.');
  await restore.getByLabel('Backup file').setInputFiles({
    name: backup.download.suggestedFilename(),
    mimeType: 'application/octet-stream',
    buffer: backup.bytes,
  });

  // A file that is not a backup: a clear message.
  await restore.getByLabel('Backup file').setInputFiles({
    name: 'notes.axisbackup',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('just some text'),
  });
  await restore.getByLabel('Passphrase the backup was made with').fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Restore this backup…' }).click();
  await restore.getByLabel('Your current passphrase', { exact: true }).fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Restore and lock' }).click();
  await expect(restore.getByRole('alert')).toHaveText(
    'This file is not an Axis Journal backup, or it is damaged. Nothing was changed.',
  );
  await restore.getByLabel('Backup file').setInputFiles({
    name: backup.download.suggestedFilename(),
    mimeType: 'application/octet-stream',
    buffer: backup.bytes,
  });

  // A wrong passphrase: an error, and the journal stays open and unchanged.
  await restore.getByLabel('Passphrase the backup was made with').fill('not the right passphrase');
  await restore.getByRole('button', { name: 'Restore this backup…' }).click();
  await expect(
    restore.getByRole('heading', { name: /^Replace your journal with axis-journal-.*\.axisbackup\?$/ }),
  ).toBeFocused();
  await expectAccessible(page, 'restore confirmation (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'restore confirmation (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  // The passphrase this journal unlocks with is asked first: without it, or wrong, nothing happens.
  const current = restore.getByLabel('Your current passphrase', { exact: true });
  await restore.getByRole('button', { name: 'Restore and lock' }).click();
  await expect(current).toBeFocused();
  await expect(restore).toContainText('Please enter the passphrase you unlock this journal with.');
  await current.fill('not my passphrase either');
  await restore.getByRole('button', { name: 'Restore and lock' }).click();
  await expect(restore).toContainText('That passphrase is not right: it is not the one this journal unlocks with.');
  await expect(current).toBeFocused();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'restore confirmation, wrong current passphrase');
  await saveScreenshot(page, testInfo, 'restore-wrong-current-passphrase');
  expect(readdirSync(vaultDir).filter((name) => name.startsWith('before-restore-'))).toEqual([]);
  // Right current passphrase, wrong backup passphrase.
  await current.fill(PASSPHRASE);
  await current.press('Tab');
  await page.keyboard.press('Tab'); // past "Show"
  await expect(restore.getByRole('button', { name: 'Restore and lock' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(restore.getByRole('alert')).toContainText('That passphrase does not open this backup');
  await expect(restore.getByRole('alert')).toContainText('Nothing was changed.');
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();
  expect(readdirSync(vaultDir).filter((name) => name.startsWith('before-restore-'))).toEqual([]);
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.getByLabel('Anything else about today')).toHaveValue('Written after the backup');
  await openYourData(page);

  // The right one: the journal locks, the backup takes its place, the old one is kept aside.
  await restore
    .getByLabel('Backup file')
    .setInputFiles({ name: 'backup.axisbackup', mimeType: 'application/octet-stream', buffer: backup.bytes });
  await restore.getByLabel('Passphrase the backup was made with').fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Restore this backup…' }).click();
  await restore.getByLabel('Your current passphrase', { exact: true }).fill(PASSPHRASE);
  await restore.getByRole('button', { name: 'Restore and lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Your backup was restored. Unlock it with the passphrase the backup was made with' }),
  ).toBeVisible();
  await expectAccessible(page, 'unlock after a restore');
  await saveScreenshot(page, testInfo, 'unlock-after-restore');
  expect(readdirSync(vaultDir).filter((name) => name.startsWith('before-restore-'))).toHaveLength(1);

  await unlock(page);
  await expect(page.getByLabel('Anything else about today')).toHaveValue('Written before the backup');
});

test('delete everything only after typing the words, then the welcome screen', async ({
  page,
  openApp,
  vaultDir,
}, testInfo) => {
  await openApp();
  await createJournal(page);
  await openYourData(page);
  const zone = page.getByRole('region', { name: 'Delete everything' });
  const button = zone.getByRole('button', { name: 'Delete everything' });
  const words = zone.getByLabel('To confirm, type delete my journal');
  await expect(zone).toContainText('This cannot be undone.');
  await expect(button).toBeDisabled();
  await words.fill('delete my');
  await expect(button).toBeDisabled();
  await words.press('Enter');
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();
  expect(existsSync(join(vaultDir, 'journal.db'))).toBe(true);

  await words.fill('Delete my journal');
  await expect(button).toBeEnabled();
  await expectAccessible(page, 'delete everything, ready');

  // The passphrase the journal unlocks with is asked too, and wrong ones wait like on the lock screen.
  const current = zone.getByLabel('Your passphrase', { exact: true });
  await button.click();
  await expect(current).toBeFocused();
  await expect(zone).toContainText('Please enter your passphrase.');
  for (const guess of ['first wrong guess', 'second wrong guess', 'third wrong guess']) {
    await current.fill(guess);
    await current.press('Enter');
    await expect(zone.locator(`#${await current.getAttribute('id')}-error`)).toContainText(
      'That passphrase is not right',
    );
    await expect(current).toBeFocused();
    await expect(current).toHaveValue('');
  }
  await expect(zone).toContainText(/please wait \d+ seconds/i);
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'delete everything, wrong passphrase (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'delete everything, wrong passphrase (dark)');
  await saveScreenshot(page, testInfo, 'delete-everything-wrong-passphrase-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(existsSync(join(vaultDir, 'journal.db'))).toBe(true);
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();

  // By keyboard alone, once the wait is over.
  await page.waitForTimeout(2_500);
  await tabTo(page, current);
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Welcome to Axis Journal' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your journal was deleted from this computer.' }),
  ).toBeVisible();
  await expectAccessible(page, 'welcome after deleting');
  await saveScreenshot(page, testInfo, 'welcome-after-delete');
  expect(
    readdirSync(vaultDir).filter((name) => name.startsWith('journal.db') || name.startsWith('vault.json')),
  ).toEqual([]);
});
