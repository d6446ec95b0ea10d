import type { Locator, Page } from '@playwright/test';
import { createJournal, expect, expectAccessible, saveScreenshot, test } from './fixtures';

/** Presses Tab until `target` has focus: proves it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, maxPresses = 200): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

async function startTracking(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    await tabTo(page, page.getByRole('checkbox', { name }));
    await page.keyboard.press('Space');
  }
  await tabTo(page, page.getByRole('button', { name: 'Track these' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: names[0], level: 3 })).toBeVisible();
  // Focus lands on the first score row, not on the page.
  await expect(
    page
      .getByRole('group', { name: `${names[0]}: how bad today?` })
      .getByRole('radio')
      .first(),
  ).toBeFocused();
}

test('log a full day with the keyboard only, reload, and find it again', async ({ page, openApp }, testInfo) => {
  test.setTimeout(150_000);
  await openApp();
  await createJournal(page);
  await expect(page.getByRole('heading', { name: 'Your day' })).toBeVisible();
  await expectAccessible(page, 'day (empty)');

  await startTracking(page, ['Acne', 'Eczema']);

  // Acne severity 4 in the quick check-in: the digit chooses it.
  const acne = page.getByRole('group', { name: 'Acne: how bad today?' });
  await tabTo(page, acne.getByRole('radio', { name: '0, clear' }));
  await page.keyboard.press('4');
  await expect(acne.getByRole('radio', { name: '4', exact: true })).toBeChecked();

  // Eczema itch 6.
  const eczema = page.getByRole('group', { name: 'Eczema' });
  const itch = eczema.getByRole('group', { name: /Worst itch/ });
  await tabTo(page, itch.getByRole('radio', { name: '0, none' }));
  await page.keyboard.press('6');

  // Breakfast with type-ahead foods.
  await tabTo(page, page.getByRole('button', { name: 'Breakfast', exact: true }));
  await page.keyboard.press('Enter');
  const picker = page.getByRole('combobox', { name: /Add a food to this breakfast/ });
  await expect(picker).toBeFocused();
  await page.keyboard.type('oats');
  await expect(page.getByRole('option', { name: /^Oats/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('kefi');
  await expect(page.getByRole('option', { name: /^Kefir/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const breakfast = page.getByRole('group', { name: 'Breakfast 1' });
  await expect(breakfast.getByRole('textbox', { name: 'Servings of Oats' })).toBeVisible();
  await expect(breakfast.getByRole('textbox', { name: 'Servings of Kefir' })).toBeVisible();
  // Derived totals appear once saved.
  await expect(page.getByText(/Probiotic \/ fermented\s*1/)).toBeVisible();
  // Everything eaten was logged: insights may then read a food not listed as "not eaten".
  await tabTo(page, page.getByRole('checkbox', { name: 'I logged everything I ate today' }));
  await page.keyboard.press('Space');

  // A bowel movement: no type is preselected; focus lands on its type row and 3 chooses type 3.
  await tabTo(page, page.getByRole('button', { name: 'Add a bowel movement' }));
  await page.keyboard.press('Enter');
  const quickType = page.getByRole('radiogroup', { name: 'Stool type for bowel movement 1' }).first();
  await expect(quickType.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Not saved: choose the stool type of bowel movement 1' }),
  ).toBeVisible();
  await page.keyboard.press('3');
  await expect(quickType.getByRole('radio', { name: /Type 3/ })).toBeChecked();

  // Stress 5.
  const stress = page.getByRole('group', { name: /^Stress/ });
  await tabTo(page, stress.getByRole('radio', { name: '0, calm' }));
  await page.keyboard.press('5');

  // Sleep hours and a note with markup in it.
  await tabTo(page, page.getByLabel('Sleep last night'));
  await page.keyboard.type('7.5');
  await tabTo(page, page.getByLabel('Anything else about today'));
  await page.keyboard.type('<b>Itchy</b> elbows after the cheese board');
  await tabTo(page, page.getByRole('checkbox', { name: /For my dermatologist/ }));
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');

  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expectAccessible(page, 'day (filled)');
  await saveScreenshot(page, testInfo, 'day-filled');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your day' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Acne: how bad today?' }).getByRole('radio', { name: '4', exact: true }),
  ).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Servings of Kefir' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'I logged everything I ate today' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /Type 3/ }).first()).toBeChecked();
  await expect(
    page.getByRole('group', { name: /^Stress/ }).getByRole('radio', { name: '5', exact: true }),
  ).toBeChecked();
  await expect(page.getByLabel('Sleep last night')).toHaveValue('7.5');
  await expect(page.getByLabel('Anything else about today')).toHaveValue('<b>Itchy</b> elbows after the cheese board');

  // The journal: today is in the calendar; search finds the note, markup shown as text.
  await page.getByRole('button', { name: 'Journal', exact: true }).click();
  await expect(page.getByRole('button', { name: /worst skin score 4/ })).toBeVisible();
  await expectAccessible(page, 'journal calendar');
  await page.getByLabel('Search your notes').fill('itchy');
  await page.getByLabel('Search your notes').press('Enter');
  const result = page.locator('mark', { hasText: 'Itchy' });
  await expect(result).toBeVisible();
  await expect(page.getByText('<b>', { exact: false }).first()).toBeVisible();
  await expect(page.locator('main b')).toHaveCount(0);
  await expectAccessible(page, 'journal search');
  await saveScreenshot(page, testInfo, 'journal-search');
});

test('nothing typed is lost when switching views or locking right after typing', async ({ page, openApp }) => {
  await openApp();
  await createJournal(page);
  await page.getByLabel('Anything else about today').fill('typed just before leaving');
  await page.getByRole('button', { name: 'Journal', exact: true }).click();
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.getByLabel('Anything else about today')).toHaveValue('typed just before leaving');

  await page.getByLabel('Anything else about today').fill('typed just before locking');
  await page.getByRole('button', { name: 'Lock journal' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill('quiet river lantern 58');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByLabel('Anything else about today')).toHaveValue('typed just before locking');
});

test('bad input gets a clear message and the saved day stays as it was', async ({ page, openApp }) => {
  await openApp();
  await createJournal(page);
  await page.getByLabel('Water').fill('6');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.getByLabel('Water').fill('400');
  await expect(page.locator('#water-error')).toHaveText('Not saved: Water must be 0–40 glasses.');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: water must be 0–40 glasses.' })).toBeVisible();
  await expect(page.getByLabel('Water')).toHaveValue('400');
  await page.getByLabel('Sleep last night').fill('30');
  await expect(page.locator('#sleep-hours-error')).toHaveText('Not saved: Sleep must be 0–24 hours.');
  await expect(page.getByLabel('Sleep last night')).toHaveValue('30');
  await page.getByLabel('Anything else about today').click();
  await expect(page.getByRole('status').filter({ hasText: 'Not saved: water must be 0–40 glasses.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Water')).toHaveValue('6');
  await expect(page.getByLabel('Sleep last night')).toHaveValue('');
  // Future days cannot be opened.
  await expect(page.getByRole('button', { name: /Next day/ })).toBeDisabled();
});

test('add your own food and factor in Settings, then use them on a day', async ({ page, openApp }, testInfo) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expectAccessible(page, 'settings');
  await saveScreenshot(page, testInfo, 'settings');

  const addFood = page.getByRole('form', { name: 'Add a food' });
  await addFood.getByLabel('Name').fill('Grandma’s beet kvass');
  await addFood.getByLabel('It is a plant').check();
  await addFood.getByRole('checkbox', { name: 'Probiotic / fermented' }).check();
  await addFood.getByRole('button', { name: 'Add food' }).click();
  await expect(page.getByText('Grandma’s beet kvass').first()).toBeVisible();

  const addFactor = page.getByRole('form', { name: 'Add a factor' });
  await addFactor.getByLabel('Name').fill('Swimming pool');
  await addFactor.getByRole('radio', { name: /Yes \/ no/ }).check();
  await addFactor.getByRole('button', { name: 'Add factor' }).click();
  await expect(page.getByText('Swimming pool').first()).toBeVisible();

  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.getByRole('button', { name: 'Drink', exact: true }).click();
  await page.getByRole('combobox', { name: /Add a food to this drink/ }).fill('beet');
  await page.getByRole('option', { name: /beet kvass/ }).click();
  await page.getByRole('group', { name: 'Swimming pool' }).getByRole('radio', { name: 'Yes' }).check();
  await expect(page.getByText(/Probiotic \/ fermented\s*1/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Swimming pool' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
});

test('a reload right after typing keeps what was typed', async ({ page, openApp }) => {
  await openApp();
  await createJournal(page);
  await page.getByLabel('Anything else about today').fill('typed a moment before the reload');
  await page.reload();
  await expect(page.getByLabel('Anything else about today')).toHaveValue('typed a moment before the reload');
});
