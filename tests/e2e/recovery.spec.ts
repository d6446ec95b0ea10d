import { Vault } from '../../electron/core/vault/vault';
import { interruptRekey } from '../helpers/interruptedRekey';
import {
  PASSPHRASE,
  createJournal,
  submitPassphrase,
  unlock,
  expect,
  expectAccessible,
  saveScreenshot,
  test,
} from './fixtures';

const NEW_PASSPHRASE = 'maple kettle orbit 903';

test('forgot the passphrase: the recovery key unlocks and sets a new passphrase', async ({
  page,
  openApp,
}, testInfo) => {
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
  const change = page.getByRole('region', { name: 'Change passphrase' });

  await change.getByLabel('Current passphrase').fill('wrong current one');
  await change.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await change.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByRole('alert')).toContainText('current passphrase is not right');

  await change.getByLabel('Current passphrase').fill(PASSPHRASE);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Your passphrase was changed.')).toBeVisible();

  await page.getByLabel('Your passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(page.getByLabel('New recovery key')).toHaveText(/^([A-Z2-7]{5}-){5}[A-Z2-7]{5}$/);
  await expectAccessible(page, 'new recovery key');
  await page.getByRole('button', { name: 'I stored it' }).click();

  await page.getByRole('button', { name: 'Lock journal' }).click();
  await unlock(page, NEW_PASSPHRASE);
});

test('"I think someone knows my passphrase or recovery key" re-keys the journal', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  const oldRecoveryKey = await createJournal(page);
  await page.getByRole('button', { name: 'Security', exact: true }).click();
  const section = page.getByRole('region', { name: 'I think someone knows my passphrase or recovery key' });
  await expect(section).toContainText('backups you made earlier still open');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `security with re-key (${scheme})`);
    await section.screenshot({ path: testInfo.outputPath(`rekey-form-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await section.getByLabel('Current passphrase').fill('wrong current one');
  await section.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await section.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await section.getByRole('button', { name: 'Re-encrypt with a new key' }).click();
  await expect(section.getByRole('alert')).toContainText('current passphrase is not right');

  await section.getByLabel('Current passphrase').fill(PASSPHRASE);
  await section.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await section.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await section.getByRole('button', { name: 'Re-encrypt with a new key' }).click();
  const shown = section.getByLabel('New recovery key');
  await expect(shown).toHaveText(/^([A-Z2-7]{5}-){5}[A-Z2-7]{5}$/);
  expect(await shown.textContent()).not.toBe(oldRecoveryKey);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `re-key done (${scheme})`);
    await section.screenshot({ path: testInfo.outputPath(`rekey-done-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await section.getByRole('button', { name: 'I stored it' }).click();

  // The old passphrase and the old recovery key are both retired.
  await page.getByRole('button', { name: 'Lock journal' }).click();
  await submitPassphrase(page, PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('not right');
  await page.getByRole('button', { name: /Use your recovery key/ }).click();
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(oldRecoveryKey);
  await page.getByLabel('New passphrase', { exact: true }).fill('another fresh passphrase 1');
  await page.getByLabel('Type the new passphrase again').fill('another fresh passphrase 1');
  await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('does not fit this journal');
  await page.getByRole('button', { name: 'Back to passphrase' }).click();
  await unlock(page, NEW_PASSPHRASE);
});

test('a re-key cut off after the switch: the next unlock says so and shows a new recovery key', async ({
  page,
  openApp,
  vaultDir,
}, testInfo) => {
  await openApp();
  const oldRecoveryKey = await createJournal(page);
  await page.getByLabel('Anything else about today').fill('Written before the re-key');
  await page.getByLabel('Anything else about today').blur();
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Lock journal' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();

  // The folder as a crash leaves it: journal.db already under the new key, vault.json still
  // holding both, and the new recovery key never shown.
  const vault = new Vault(vaultDir);
  const oldKey = await vault.revealDataKey(PASSPHRASE);
  await interruptRekey(vaultDir, oldKey, {
    journalMoved: true,
    newPassphrase: NEW_PASSPHRASE,
    scryptCost: { N: 2 ** 10, r: 8, p: 1 },
  });
  oldKey.fill(0);

  await submitPassphrase(page, PASSPHRASE);
  await expect(page.getByRole('heading', { name: 'Your new recovery key' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Your last re-key was interrupted' })).toContainText(
    'your old recovery key no longer opens it',
  );
  const groups = await page.getByRole('list', { name: 'Recovery key' }).locator('.group').allTextContents();
  expect(groups.join('-')).not.toBe(oldRecoveryKey);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectAccessible(page, `new recovery key after an interrupted re-key (${scheme})`);
    await saveScreenshot(page, testInfo, `interrupted-rekey-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // By keyboard: the confirmation field has focus.
  const label = await page.locator('label[for="confirm-group"]').textContent();
  const asked = Number(/group (\d)/.exec(label ?? '')?.[1]);
  await expect(page.getByLabel(/To confirm you stored it/)).toBeFocused();
  await page.keyboard.type(groups[asked - 1]!);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();
  await expect(page.getByLabel('Anything else about today')).toHaveValue('Written before the re-key');

  // The old recovery key opens nothing; the one just shown does.
  await page.getByRole('button', { name: 'Lock journal' }).click();
  await page.getByRole('button', { name: /Use your recovery key/ }).click();
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(oldRecoveryKey);
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  await expect(page.getByRole('alert')).toContainText('does not fit this journal');
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(groups.join('-'));
  await page.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();
});

test('a re-key shows the pages re-encrypted as it goes', async ({ page, openApp, vaultDir }, testInfo) => {
  // A journal with some 40 MB in it (about 10,000 pages): re-encrypting it takes seconds even on a
  // fast, quiet machine, long enough to look at the bar, check it with axe and take its picture.
  const vault = new Vault(vaultDir, { scryptCost: { N: 2 ** 10, r: 8, p: 1 } });
  await vault.create(PASSPHRASE);
  vault.db.exec('CREATE TABLE padding (text TEXT)');
  const insert = vault.db.prepare('INSERT INTO padding VALUES (?)');
  vault.db.transaction(() => {
    for (let i = 0; i < 20_000; i++) insert.run(`${i} ${'x'.repeat(2_000)}`);
  })();
  vault.lock();

  await openApp();
  await unlock(page);
  await page.getByRole('button', { name: 'Security', exact: true }).click();
  const section = page.getByRole('region', { name: 'I think someone knows my passphrase or recovery key' });
  await section.getByLabel('Only my recovery key (keep my passphrase)').check();
  await section.getByLabel('Current passphrase').fill(PASSPHRASE);
  await section.getByLabel('Current passphrase').press('Enter');

  const bar = section.getByRole('progressbar', { name: /^Re-encrypting page [\d,]+ of [\d,]+ \(\d+%\)$/ });
  await expect(bar).toBeVisible();
  // Read in one step: the bar goes away the moment the re-key is done.
  const values = await bar.evaluate((el) => ({
    max: Number(el.getAttribute('aria-valuemax')),
    now: Number(el.getAttribute('aria-valuenow')),
  }));
  expect(values.max).toBeGreaterThan(8_000);
  expect(values.now).toBeLessThanOrEqual(values.max);
  await section.screenshot({ path: testInfo.outputPath('rekey-progress-section.png') });
  await expectAccessible(page, 're-key in progress');
  await saveScreenshot(page, testInfo, 'rekey-progress');

  await expect(section.getByLabel('New recovery key')).toHaveText(/^([A-Z2-7]{5}-){5}[A-Z2-7]{5}$/, {
    timeout: 60_000,
  });
  await expect(bar).toHaveCount(0);
});
