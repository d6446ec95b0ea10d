import { PASSPHRASE, createJournal, expect, expectAccessible, saveScreenshot, test } from './fixtures';

test('first run: choose a passphrase, confirm the recovery key, arrive in the app', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  await expect(page.getByRole('heading', { name: 'Welcome to Axis Journal' })).toBeVisible();
  // The one-time token is removed from the address bar after it has been exchanged.
  await expect(page).toHaveURL(/\/$/);
  await expectAccessible(page, 'welcome');

  // Mistakes are explained, and nothing is created.
  await page.getByLabel('Choose a passphrase').fill('too short');
  await page.getByLabel('Type it again').fill('too short!');
  await page.getByRole('button', { name: 'Create my journal' }).click();
  await expect(page.getByText('Your passphrase needs at least 10 characters.')).toBeVisible();
  await expect(page.getByText('The two passphrases are not the same.')).toBeVisible();

  // A strength hint appears while typing.
  await page.getByLabel('Choose a passphrase').fill('password123');
  await expect(page.getByText(/Strength: (Very weak|Weak)/)).toBeVisible();
  await page.getByLabel('Choose a passphrase').fill(PASSPHRASE);
  await expect(page.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await saveScreenshot(page, testInfo, 'welcome');
  await page.getByRole('button', { name: 'Create my journal' }).click();

  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  await expectAccessible(page, 'recovery key');
  await saveScreenshot(page, testInfo, 'recovery-key');
  const groups = await page.getByRole('list', { name: 'Recovery key' }).locator('.group').allTextContents();
  expect(groups).toHaveLength(6);
  for (const group of groups) expect(group).toMatch(/^[A-Z2-7]{5}$/);
  await expect(page.getByRole('button', { name: 'Print recovery sheet' })).toBeVisible();

  await page.getByLabel(/To confirm you stored it/).fill('WRONG');
  await page.getByRole('button', { name: /I stored my key/ }).click();
  await expect(page.getByRole('alert')).toContainText('That is not group');

  const label = await page.locator('label[for="confirm-group"]').textContent();
  const asked = Number(/group (\d)/.exec(label ?? '')?.[1]);
  await page.getByLabel(/To confirm you stored it/).fill(groups[asked - 1]!.toLowerCase());
  await page.getByRole('button', { name: /I stored my key/ }).click();

  await expect(page.getByRole('heading', { name: 'Your day', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Security', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await expectAccessible(page, 'security');
  await saveScreenshot(page, testInfo, 'security');
  await page.getByRole('button', { name: 'About & your data' }).click();
  await expect(page.getByRole('heading', { name: 'Where your data lives' })).toBeVisible();
  await expectAccessible(page, 'about');
  await saveScreenshot(page, testInfo, 'about');
});

test('the printed recovery sheet shows the key and nothing else of the screen', async ({ page, openApp }) => {
  await openApp();
  await page.getByLabel('Choose a passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create my journal' }).click();
  const groups = await page.getByRole('list', { name: 'Recovery key' }).locator('.group').allTextContents();
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('.sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(groups.join('-'));
  await expect(page.getByRole('button', { name: 'Print recovery sheet' })).toBeHidden();
  await expect(page.getByLabel(/To confirm you stored it/)).toBeHidden();
});

test('the theme can be switched and both themes pass the accessibility check', async ({ page, openApp }) => {
  await openApp();
  await page.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page, 'welcome (dark)');
  await createJournal(page);
  await expectAccessible(page, 'day (dark)');
  await page.getByRole('button', { name: 'Security', exact: true }).click();
  await expectAccessible(page, 'security (dark)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
