import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWebHostProcess } from '../helpers/webHostProcess';
import { createJournal, expect, expectAccessible, saveScreenshot, test, PASSPHRASE } from './fixtures';

test('a damaged key file is named, and nothing is changed', async ({ page, openApp, vaultDir }, testInfo) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Lock journal' }).click();
  // Only once locked is the journal closed (its last write-ahead pages folded in).
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();
  writeFileSync(join(vaultDir, 'vault.json'), '{"format": "axis-journal-vault", "vers');
  const journalBefore = readFileSync(join(vaultDir, 'journal.db'));

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your journal cannot be opened' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('vault.json');
  await expectAccessible(page, 'vault problem');
  await saveScreenshot(page, testInfo, 'vault-problem');
  expect(readFileSync(join(vaultDir, 'journal.db')).equals(journalBefore)).toBe(true);
});

test('a second app on the same journal is told it is open elsewhere', async ({ page, openApp, vaultDir }) => {
  await openApp();
  await createJournal(page);

  const second = await startWebHostProcess(['--vault', vaultDir, '--port', '0']);
  try {
    const other = await page.context().newPage();
    await other.goto(second.url);
    await other.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await other.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(other.getByRole('alert')).toContainText('already open in another Axis Journal');
  } finally {
    await second.stop();
  }
});
