import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE, createJournal, expect, expectAccessible, saveScreenshot, test, unlock } from './fixtures';
import { installPreloadStandIn } from './preloadStandIn';

test('choose when the journal locks itself; reminders and a remembered passphrase explain why the browser cannot', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const device = page.getByRole('region', { name: 'On this computer' });
  await device.scrollIntoViewIfNeeded();

  const lockAfter = device.getByLabel('Lock my journal after');
  await expect(lockAfter).toHaveValue('10');
  await expect(device.getByRole('checkbox', { name: 'Remind me to fill in the day' })).toBeDisabled();
  await expect(device.getByText('The browser version cannot show them.')).toBeVisible();
  await expect(
    device.getByText(/browser version of Axis Journal cannot use your computer’s password store/),
  ).toBeVisible();
  await expectAccessible(page, 'settings: on this computer');
  await saveScreenshot(page, testInfo, 'preferences');

  await lockAfter.selectOption({ label: '2 minutes without use' });
  await expect(
    device.getByRole('status').or(device.getByRole('alert')).filter({ hasText: 'locks itself after 2 minutes' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Security', exact: true }).click();
  await expect(page.getByText(/locks itself after 2 minutes\s+without use/)).toBeVisible();

  // Kept across a restart of the page and a lock.
  await page.getByRole('button', { name: 'Lock journal' }).click();
  await page.reload();
  await unlock(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Lock my journal after')).toHaveValue('2');
});

test.describe('remembering the passphrase, on a desktop that offers a password store', () => {
  test.beforeEach(({ page }) => installPreloadStandIn(page, { keyring: true }));

  test('asks for the passphrase first, says when it is wrong, and explains a refusal in place', async ({
    page,
    openApp,
    vaultDir,
  }) => {
    await openApp();
    await createJournal(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const device = page.getByRole('region', { name: 'On this computer' });
    await device.getByRole('checkbox', { name: 'Open my journal without asking when Axis Journal starts' }).check();
    const confirm = device.getByLabel('Your passphrase, to confirm it is you');
    await expect(confirm).toBeFocused();
    await expectAccessible(page, 'settings: confirm the passphrase to remember');

    await confirm.fill('not my passphrase');
    await device.getByRole('button', { name: 'Remember it' }).click();
    await expect(device.getByText('That passphrase is not right. Please try again.')).toBeVisible();

    // The backend behind this stand-in has no password store (as when the keyring went away):
    // the form closes and the reason is shown in place of the option, once.
    await confirm.fill(PASSPHRASE);
    await device.getByRole('button', { name: 'Remember it' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(device.getByText(/cannot remember your passphrase/)).toHaveCount(1);
    expect(existsSync(join(vaultDir, 'remembered-passphrase.bin'))).toBe(false);
  });
});
