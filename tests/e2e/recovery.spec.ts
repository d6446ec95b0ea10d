import { PASSPHRASE, createJournal, submitPassphrase, unlock, expect, expectAccessible, saveScreenshot, test } from './fixtures';

const NEW_PASSPHRASE = 'maple kettle orbit 903';

test('forgot the passphrase: the recovery key unlocks and sets a new passphrase', async ({ page, openApp }, testInfo) => {
  await openApp();
  const recoveryKey = await createJournal(page);
  await page.getByRole('button', { name: 'Lock journal' }).click();

  await page.getByRole('button', { name: /Use your recovery key/ }).click();
  await expect(page.getByRole('heading', { name: 'Use your recovery key' })).toBeVisible();
  await expectAccessible(page, 'recover');
  await saveScreenshot(page, testInfo, 'recover');

  await page.getByRole('textbox', { name: 'Recovery key' }).fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF');
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('does not fit this journal');

  // Typed loosely: lower case, spaces instead of dashes.
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();

  await page.getByRole('button', { name: 'Lock journal' }).click();
  await submitPassphrase(page, PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('not right');
  await unlock(page, NEW_PASSPHRASE);
});

test('change the passphrase and make a new recovery key from Security', async ({ page, openApp }) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Security', exact: true }).click();

  await page.getByLabel('Current passphrase').fill('wrong current one');
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('current passphrase is not right');

  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Your passphrase was changed.')).toBeVisible();

  await page.getByLabel('Your passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(page.getByLabel('New recovery key')).toHaveText(/^([A-Z2-7]{5}-){5}[A-Z2-7]{5}$/);
  await expectAccessible(page, 'new recovery key');
  await page.getByRole('button', { name: 'I stored it' }).click();

  await page.getByRole('button', { name: 'Lock journal' }).click();
  await unlock(page, NEW_PASSPHRASE);
});
