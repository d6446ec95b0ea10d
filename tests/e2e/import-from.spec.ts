import type { Locator, Page, TestInfo } from '@playwright/test';
import { createJournal, expect, expectAccessible, saveScreenshot, test } from './fixtures';

function localIso(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const dmy = (iso: string) => iso.split('-').reverse().join('-');

/** Presses Tab until `target` has focus: proves it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

/** axe in light and dark, with a screenshot of each (NAME-light.png, NAME-dark.png); back to light. */
async function inBothThemes(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expectAccessible(page, `${name} (${theme})`);
    await saveScreenshot(page, testInfo, `${name}-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A Bearable export of the last three days, as Bearable writes it (BOM, CRLF, a quoted note). */
function bearableFile(): Buffer {
  const rows = [
    [3, 2, 3],
    [2, 4, 4],
    [1, 3, 2],
  ].flatMap(([ago, mood, itch]) => {
    const date = localIso(ago!);
    const at = `${date}T08:00:00.000Z,${dmy(date)},Monday`;
    return [
      `${at},am,Mood,${mood},,`,
      `${at},am,Sleep,07:00,Asleep 23:00 - 06:00,`,
      `${at},pm,Symptom,${itch},Itchy skin (Severe),`,
      `${at},pm,Symptom,2,Headache (Moderate),"tired, ""again"""`,
    ];
  });
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(['date,date formatted,weekday,time of day,category,rating/amount,detail,notes', ...rows].join('\r\n')),
  ]);
}

test('import a Bearable file through the mapping screen by keyboard, then see the days in the Journal and in Trends; undo it', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'About & your data', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import from another app' })).toBeVisible();

  const picker = page.getByLabel('File to import', { exact: true });
  await tabTo(page, page.getByLabel('The file comes from'));
  await page.keyboard.press('Tab');
  await expect(picker).toBeFocused();
  await picker.setInputFiles({ name: 'bearable-export.csv', mimeType: 'text/csv', buffer: bearableFile() });
  const heading = page.getByRole('heading', { name: 'Where each item of bearable-export.csv goes' });
  await expect(heading).toBeFocused();
  await expect(page.getByText('Read as Bearable (CSV export).', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Where “Itchy skin (symptom)” goes')).toHaveValue(
    JSON.stringify({ type: 'condition', name: 'Eczema' }),
  );
  await expect(page.getByLabel('Where “Mood” goes')).toHaveValue(JSON.stringify({ type: 'field', field: 'mood' }));
  await expect(page.getByText('Importing would add 15 values on 3 new days.')).toBeVisible();
  await expect(page.getByText('Nothing has changed yet.')).toBeVisible();

  // Keyboard only: skip the headaches, check again, import.
  const headache = page.getByLabel('Where “Headache (symptom)” goes');
  await tabTo(page, headache);
  await page.keyboard.press('Home');
  await expect(headache).toHaveValue(JSON.stringify({ type: 'skip' }));
  await expect(page.getByText('You changed the mapping: check again')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Check again' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Importing would add 12 values on 3 new days.')).toBeVisible();
  await inBothThemes(page, testInfo, 'import-mapping');
  await tabTo(page, page.getByRole('button', { name: 'Import now' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'The import added 12 values on 3 new days. You can undo it below.' }),
  ).toBeVisible();
  const undo = page.getByRole('button', { name: /^Undo the import of bearable-export\.csv from / });
  await expect(undo).toBeVisible();
  await expectAccessible(page, 'import history');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'import history (dark)');
  await page.getByRole('heading', { name: 'Imports so far' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('import-history-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // The Journal lists the three days, with the imported note.
  await page.getByRole('button', { name: 'Journal', exact: true }).click();
  await page.getByRole('button', { name: 'List', exact: true }).click();
  const list = page.getByRole('region', { name: 'All days, newest first' });
  await expect(list.getByRole('status')).toHaveText('3 days shown');
  await expect(list).toContainText('tired, "again"');

  // Trends: the eczema severities, on the 0–10 scale (Bearable 1–4 × 2.5).
  await page.getByRole('button', { name: 'Trends', exact: true }).click();
  const skin = page
    .locator('section.panel')
    .filter({ has: page.getByRole('heading', { name: 'Skin severity', exact: true }) });
  await skin.getByRole('button', { name: 'Show as table' }).click();
  const table = skin.getByRole('table');
  await expect(table.getByRole('columnheader').first()).toHaveText('Date');
  const eczemaColumn = (await table.getByRole('columnheader').allTextContents()).indexOf('Eczema');
  expect(eczemaColumn).toBeGreaterThan(0);
  await expect(table.locator(`tbody tr td:nth-of-type(${eczemaColumn})`)).toHaveText(['8', '10', '5']);

  // Undo: the journal is empty again.
  await page.getByRole('button', { name: 'About & your data', exact: true }).click();
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Import of bearable-export\.csv undone: \d+ values taken back, 3 days removed\.$/ }),
  ).toBeVisible();
  await expect(page.getByText(/\(undone \d{4}-\d\d-\d\d\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Journal', exact: true }).click();
  await page.getByRole('button', { name: 'List', exact: true }).click();
  await expect(page.getByRole('region', { name: 'All days, newest first' })).not.toContainText('tired');
});

test('a file no app made is refused in words; cancelling a read changes nothing', async ({ page, openApp }) => {
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'About & your data', exact: true }).click();
  await page
    .getByLabel('File to import', { exact: true })
    .setInputFiles({ name: 'bank.csv', mimeType: 'text/csv', buffer: Buffer.from('Payee,Amount\nShop,12\n') });
  await expect(page.getByRole('alert')).toContainText(
    'Axis Journal cannot tell which app made this file. It expected one of: Bearable (CSV export);',
  );
  await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
  await expectAccessible(page, 'import refused');
});

test('a large Apple Health export streams in the background with progress; cancel changes nothing; then it imports', async ({
  page,
  openApp,
}, testInfo) => {
  const { writeHealthExport } = await import('../helpers/healthExport');
  const xml = testInfo.outputPath('export.xml');
  // Larger than the ~25 MB a file could have in one request before.
  const { bytes } = await writeHealthExport(xml, { nights: 90, targetBytes: 40 * 1024 * 1024, endDate: localIso(1) });
  await openApp();
  await createJournal(page);
  await page.getByRole('button', { name: 'About & your data', exact: true }).click();
  const picker = page.getByLabel('File to import', { exact: true });
  await expect(page.getByText("A CSV export, or Apple Health's export.zip of any size")).toBeVisible();

  // Hold the upload back, so the reading state stays on screen to be checked and cancelled.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/upload/importFrom/*', async (route) => {
    await held;
    await route.abort().catch(() => {});
  });
  await tabTo(page, picker);
  await picker.setInputFiles(xml);
  const bar = page.getByRole('progressbar', { name: 'Reading the file' });
  await expect(bar).toBeVisible();
  const total = Math.round(bytes / 1024 / 1024);
  await expect(bar).toHaveAttribute('aria-valuetext', `export.xml: 0 of ${total} MB read (0%)`);
  await expect(bar).toHaveAttribute('max', String(bytes));
  await expect(page.getByText(`export.xml: 0 of ${total} MB read (0%)`)).toBeVisible();
  await inBothThemes(page, testInfo, 'import-reading');
  await tabTo(page, page.getByRole('button', { name: 'Cancel', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled. Nothing was changed.' })).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Imports so far' })).toBeHidden();
  release();
  await page.unroute('**/api/upload/importFrom/*');

  // Now for real: the file streams into the import worker, then the mapping screen as usual.
  await picker.setInputFiles(xml);
  const heading = page.getByRole('heading', { name: 'Where each item of export.xml goes' });
  await expect(heading).toBeFocused({ timeout: 60_000 });
  await expect(page.getByText('Read as Apple Health (export.zip or export.xml).', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Where “Sleep (asleep time)” goes')).toHaveValue(
    JSON.stringify({ type: 'field', field: 'sleepHours' }),
  );
  await expectAccessible(page, 'import Apple Health mapping');
  await tabTo(page, page.getByRole('button', { name: 'Import now' }));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'The import added 90 values on 90 new days. You can undo it below.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Undo the import of export\.xml from / })).toBeVisible();
});
