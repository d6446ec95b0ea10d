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

test('lock, a wrong passphrase, then unlock', async ({ page, openApp, vaultDir }, testInfo) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'About & your data' }).click();
  await expect(page.getByText(vaultDir)).toBeVisible();

  await page.getByRole('button', { name: 'Lock journal' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible();
  await expect(page.getByText('Your journal is locked.')).toBeVisible();
  // What the open journal showed is gone from the page.
  await expect(page.getByText('Where your data lives')).toHaveCount(0);
  await expectAccessible(page, 'unlock');
  await saveScreenshot(page, testInfo, 'unlock');

  await submitPassphrase(page, 'not my passphrase');
  await expect(page.getByRole('alert')).toContainText('That passphrase is not right');
  await expectAccessible(page, 'unlock with error');

  await unlock(page, PASSPHRASE);
});

test('after repeated wrong passphrases the app makes you wait, and says so', async ({ page, openApp }) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Lock journal' }).click();
  for (let i = 1; i <= 3; i++) {
    await submitPassphrase(page, `wrong guess ${i}`);
    await expect(page.getByRole('alert')).toContainText('not right');
  }
  await expect(page.getByRole('alert')).toContainText(/wait \d+ seconds/);
  await expect(page.getByRole('button', { name: /Try again in \d+ s/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeEnabled({ timeout: 10_000 });
  await unlock(page, PASSPHRASE);
});

test('a reload keeps the session; the backend locking on its own brings back the lock screen', async ({
  page,
  openApp,
  webHost,
}) => {
  await openApp();
  await createJournal(page);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Lock journal' })).toBeVisible();

  // Lock from elsewhere (as the idle timer or a system sleep would); the page notices on its next call.
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await fetch(`${webHost.origin}/api/vault.lock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
  });
  expect(res.status).toBe(200);
  await page.getByRole('button', { name: 'About & your data' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your journal' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Your journal is locked.')).toBeVisible();
  await expect(page.getByText('Where your data lives')).toHaveCount(0);
});

test('a tab without the start-up token gets a clear explanation and no access', async ({ page, webHost }) => {
  await page.goto(webHost.origin + '/');
  await expect(page.getByRole('heading', { name: 'Open Axis Journal from its start-up link' })).toBeVisible();
  await expectAccessible(page, 'no access');
});
