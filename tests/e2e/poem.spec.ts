import type { Locator, Page } from '@playwright/test';
import { createJournal, expect, expectAccessible, saveScreenshot, test } from './fixtures';

const ATTRIBUTION =
  /The Patient-Oriented Eczema Measure \(POEM\) is © The University of Nottingham\. It may be used for personal, non-commercial use\./;

/** Presses Tab until `target` has focus: proves it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, maxPresses = 200): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

/** Answers one question with the keyboard: Space picks "No days", each arrow one answer further. */
async function answerByKeyboard(page: Page, question: number, score: number): Promise<void> {
  const group = page.getByRole('group', { name: new RegExp(`^Question ${question}:`) });
  await tabTo(page, group.getByRole('radio', { name: 'No days' }));
  await page.keyboard.press('Space');
  for (let i = 0; i < score; i++) await page.keyboard.press('ArrowRight');
}

function localIso(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function trackEczema(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: 'Eczema' }).check();
  await page.getByRole('button', { name: 'Track these' }).click();
  await expect(page.getByRole('heading', { name: 'Eczema', level: 3 })).toBeVisible();
}

test('the weekly eczema check: prompt when due, filled in by keyboard, history, edit and delete', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  await createJournal(page);
  const prompt = page.getByRole('region', { name: 'Weekly eczema check', exact: true });

  // No prompt and no Eczema check in the navigation until eczema is tracked.
  await expect(page.getByRole('heading', { name: 'Your day' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Eczema' })).toBeVisible();
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('button', { name: 'Eczema check', exact: true })).toBeHidden();

  await trackEczema(page);
  await expect(page.getByRole('button', { name: 'Eczema check', exact: true })).toBeVisible();
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('You have not filled in the weekly eczema check yet.');
  await expect(prompt).toContainText(ATTRIBUTION);
  await expectAccessible(page, 'day with the eczema check prompt');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'day with the eczema check prompt, dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await saveScreenshot(page, testInfo, 'poem-prompt');

  await prompt.getByRole('button', { name: 'Fill in the eczema check' }).click();
  await expect(page.getByRole('heading', { name: 'Eczema check', level: 1 })).toBeVisible();
  const form = page.getByRole('region', { name: 'Weekly eczema check (POEM)' });
  await expect(form).toContainText(ATTRIBUTION);
  await expect(form.getByRole('group')).toHaveCount(7);
  await expect(page.getByRole('group', { name: /^Question 1:/ })).toContainText(
    'Over the last week, on how many days has your skin been itchy because of your eczema?',
  );
  await expect(page.getByRole('group', { name: /^Question 2:/ })).toContainText(
    'on how many nights has your sleep been disturbed',
  );
  await expect(page.getByText('None yet. When you save a check')).toBeVisible();
  await expectAccessible(page, 'eczema check (empty)');

  // Six answers by keyboard, then an attempt to save: the open question is named and focused.
  const answers = [4, 3, 0, 1, 2, 2, 4];
  for (let q = 1; q <= 6; q++) await answerByKeyboard(page, q, answers[q - 1]!);
  await expect(
    page.getByRole('group', { name: /^Question 1:/ }).getByRole('radio', { name: 'Every day' }),
  ).toBeChecked();
  await expect(form).toContainText('12 of 28 so far');
  await expect(form).toContainText('6 of 7 questions answered');
  await tabTo(page, page.getByRole('button', { name: 'Save this check' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText(
    'Please answer all seven questions before saving: 1 is still open',
  );
  const seventh = page.getByRole('group', { name: /^Question 7:/ });
  await expect(seventh.getByRole('radio', { name: 'No days' })).toBeFocused();
  await expect(seventh).toContainText('Please choose an answer for this question.');
  await expectAccessible(page, 'eczema check with an open question');

  await page.keyboard.press('Space');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(seventh.getByRole('radio', { name: 'Every day' })).toBeChecked();
  await expect(form.locator('.result')).toContainText('16');
  await expect(form.locator('.result')).toContainText('Moderate eczema');
  await tabTo(page, page.getByRole('button', { name: 'Save this check' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: /^Saved for .*: 16 of 28, moderate eczema\.$/ }),
  ).toBeVisible();

  // The history: the chart, its table and the list.
  const history = page.getByRole('region', { name: 'Your checks so far' });
  await expect(history).toContainText(ATTRIBUTION);
  await expect(history.getByRole('img', { name: 'POEM totals over time' })).toBeVisible();
  await expect(
    history.getByText(/^One eczema check so far\. The latest, on .+, is 16 of 28 \(moderate eczema\)\.$/),
  ).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem')).toContainText(/16\s*of 28\s*Moderate eczema/);
  await history.getByRole('button', { name: 'Show as table' }).click();
  await expect(history.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('table').getByRole('row').nth(1)).toContainText(/16\s*Moderate eczema/);
  await expectAccessible(page, 'eczema check, saved, as a table');
  await history.getByRole('button', { name: 'Show as chart' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'eczema check, dark');
  await saveScreenshot(page, testInfo, 'poem-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Filled in today: no prompt on the day.
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Eczema', level: 3 })).toBeVisible();
  await expect(prompt).toBeHidden();

  // Delete today's (with confirmation), record one 8 days ago instead: the prompt is back.
  await page.getByRole('button', { name: 'Eczema check', exact: true }).click();
  await history.getByRole('button', { name: /^Delete the check of / }).click();
  await expect(history.getByText(/^Delete the check of .+\? This cannot be undone\.$/)).toBeFocused();
  await history.getByRole('button', { name: 'Keep it' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await history.getByRole('button', { name: /^Delete the check of / }).click();
  await history.getByRole('button', { name: 'Delete check' }).click();
  await expect(history.getByText('None yet. When you save a check')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Saved checks' })).toBeFocused();

  await page.getByLabel('Filled in on').fill(localIso(8));
  await expect(form).toContainText('The week up to this day');
  await page.getByRole('button', { name: 'Save this check' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('It is 8 days since your last eczema check.');

  // "Not today" puts it aside for the rest of the day, also after a reload.
  await prompt.getByRole('button', { name: 'Not today' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Your day' })).toBeFocused();
  await page.getByRole('button', { name: 'Eczema check', exact: true }).click();
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Eczema', level: 3 })).toBeVisible();
  await expect(prompt).toBeHidden();

  // Editing the earlier check: its answers load, and saving replaces them.
  await page.getByRole('button', { name: 'Eczema check', exact: true }).click();
  await history.getByRole('button', { name: /^Edit the check of / }).click();
  await expect(page.getByRole('heading', { name: 'Weekly eczema check (POEM)' })).toBeFocused();
  await expect(page.getByLabel('Filled in on')).toHaveValue(localIso(8));
  await expect(form).toContainText('A check is saved for');
  await page
    .getByRole('group', { name: /^Question 3:/ })
    .getByRole('radio', { name: 'Every day' })
    .check();
  await expect(form.locator('.result')).toContainText('20');
  await expect(form.locator('.result')).toContainText('Severe eczema');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem')).toContainText(/20\s*of 28\s*Severe eczema/);
});
