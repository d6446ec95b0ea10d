import { createJournal, expect, expectAccessible, saveScreenshot, test } from './fixtures';

/**
 * The four Settings catalog editors share one edit/cancel/save machine (lib/catalogEditor.svelte.ts):
 * Edit moves focus into the editor, Escape or Cancel moves it back to that row's Edit button, a
 * refused save says why and keeps the edit open, a saved one says so under the list.
 */
test('catalog editors: edit, Escape, refuse, save, archive, by keyboard', async ({ page, openApp }, testInfo) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();

  // Custom factors: the one form adds and edits.
  const factorForm = page.getByRole('form', { name: 'Add a factor' });
  await factorForm.getByLabel('Name').fill('Swimming');
  await factorForm.getByLabel('Name').press('Enter');
  await expect(page.getByText('Swimming was added. The day view now asks about it.')).toBeVisible();
  await expect(factorForm.getByLabel('Name')).toHaveValue('');
  const editSwimming = page.getByRole('button', { name: 'Edit Swimming' });
  await editSwimming.focus();
  await page.keyboard.press('Enter');
  const editFactor = page.getByRole('form', { name: 'Edit Swimming' });
  await expect(editFactor.getByLabel('Name')).toBeFocused();
  await expect(editFactor.getByLabel('Name')).toHaveValue('Swimming');
  await page.keyboard.press('Escape');
  await expect(editSwimming).toBeFocused();
  await expect(factorForm.getByLabel('Name')).toHaveValue('');
  await page.keyboard.press('Enter');
  await editFactor.getByLabel('Name').fill('');
  await editFactor.getByLabel('Name').press('Enter');
  await expect(editFactor.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit Swimming' })).toBeVisible();
  await editFactor.getByLabel('Name').fill('Swimming pool');
  await editFactor.getByLabel('Name').press('Enter');
  await expect(page.getByText('Your changes to Swimming pool were saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit Swimming pool' })).toBeFocused();
  await page.getByRole('button', { name: 'Archive Swimming pool' }).click();
  await expect(page.getByText(/Swimming pool is archived/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore Swimming pool' })).toBeFocused();

  // Treatments: same form, and "Stop today" reports under the list.
  const treatmentForm = page.getByRole('form', { name: 'Add a treatment or supplement' });
  await treatmentForm.getByLabel('Name').fill('Zinc cream');
  await treatmentForm.getByLabel('Kind').selectOption({ label: 'Cream or ointment (on the skin)' });
  await treatmentForm.getByRole('button', { name: 'Add treatment' }).click();
  await expect(page.getByText(/Zinc cream was added as/)).toBeVisible();
  await page.getByRole('button', { name: 'Edit Zinc cream' }).click();
  const editTreatment = page.getByRole('form', { name: 'Edit Zinc cream' });
  await expect(editTreatment.getByLabel('Name')).toBeFocused();
  await editTreatment.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Edit Zinc cream' })).toBeFocused();
  await page.getByRole('button', { name: 'Stop today (Zinc cream)' }).click();
  await expect(page.getByText('Zinc cream is marked as stopped today.')).toBeVisible();

  // Foods: edited in their row.
  const foods = page.getByRole('list', { name: 'Foods' });
  await page.getByLabel('Find a food').fill('kefir');
  const editKefir = foods.getByRole('button', { name: /^Edit Kefir/ }).first();
  const kefirName = (await editKefir.textContent())!.replace(/^Edit\s*/, '').trim();
  await editKefir.click();
  const foodForm = page.getByRole('form', { name: `Edit “${kefirName}”` });
  await expect(foodForm.getByLabel('Name')).toBeFocused();
  await expectAccessible(page, 'settings, a food being edited');
  await saveScreenshot(page, testInfo, 'settings-food-edit-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'settings, a food being edited, dark');
  await saveScreenshot(page, testInfo, 'settings-food-edit-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await expect(foods.getByRole('button', { name: `Edit ${kefirName}` })).toBeFocused();
  await foods.getByRole('button', { name: `Edit ${kefirName}` }).click();
  await foodForm.getByLabel('Name').fill(`${kefirName} (home-made)`);
  await foodForm.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Your changes to ${kefirName} (home-made) were saved.`)).toBeVisible();
  await expect(foods.getByRole('button', { name: `Edit ${kefirName} (home-made)` })).toBeFocused();

  // Skin conditions: one's own can be renamed in its row.
  await page.locator('#condition-new').fill('Hives');
  await page.getByRole('button', { name: 'Add condition' }).click();
  await expect(page.getByText('Hives was added and is tracked.')).toBeVisible();
  await page.getByRole('button', { name: 'Rename Hives' }).click();
  const newName = page.getByLabel('New name for Hives');
  await expect(newName).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Rename Hives' })).toBeFocused();
  await page.keyboard.press('Enter');
  await newName.fill('Urticaria');
  await newName.press('Enter');
  await expect(page.getByText('Renamed to Urticaria.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rename Urticaria' })).toBeFocused();
});
