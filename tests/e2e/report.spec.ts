import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { paperDate, paperPeriod } from '../../renderer/src/views/Report/format';
import { readPdf, renderPdfPages } from '../helpers/pdf';
import { createJournal, expect, expectAccessible, PASSPHRASE, saveScreenshot, test as base, unlock } from './fixtures';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');

/** The fixture's empty vault folder, filled with a year of demo journal before the web host starts. */
const test = base.extend({
  vaultDir: async ({ vaultDir }, use) => {
    execFileSync(process.execPath, [CLI, 'demo', '--vault', vaultDir, '--days', '365'], {
      env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE },
    });
    await use(vaultDir);
  },
});

function localIso(daysAgo: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Calls the web host's API from inside the page (with its session cookie). */
async function api(page: Page, method: string, input: unknown): Promise<unknown> {
  const result = await page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { method, input },
  );
  expect(result, method).toMatchObject({ ok: true });
  return result.value;
}

/** Page sizes in PDF points, as printed (1/72 inch; A4 is 210 × 297 mm). */
const A4 = { width: 595, height: 842 };
const LETTER = { width: 612, height: 792 };

/** Two eczema checks with known answers: 22 (severe) two days ago and 9 (moderate) yesterday. */
const CHECKS = [
  { daysAgo: 2, answers: [4, 4, 3, 2, 3, 3, 3], total: 22, band: 'Severe' },
  { daysAgo: 1, answers: [2, 1, 0, 0, 2, 2, 2], total: 9, band: 'Moderate' },
];

const SECTION_TITLES = [
  'Skin severity',
  'Itch and sleep lost to itch',
  'Eczema check (POEM)',
  'Flares',
  'Treatments',
  'Gut and diet',
  'Stress and meditation',
  'Candidate triggers',
  'Photos',
  'Notes for the dermatologist',
];

test('a year’s report: options, preview, and a PDF whose first page is the whole summary', async ({
  page,
  openApp,
}, testInfo) => {
  test.setTimeout(120_000);
  await openApp();
  await unlock(page);
  for (const check of CHECKS) await api(page, 'poem.save', { date: localIso(check.daysAgo), answers: check.answers });
  const noteDay = (await api(page, 'day.get', { date: localIso(3) })) as { entry: Record<string, unknown> };
  await api(page, 'day.save', {
    ...noteDay.entry,
    notes: 'Should I keep the cream going on the <i>wrist</i>?',
    notesForDermatologist: true,
  });
  const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c98f84' } })
    .jpeg()
    .toBuffer();
  await api(page, 'photos.add', {
    date: localIso(10),
    bodyArea: 'hands',
    mime: 'image/jpeg',
    dataBase64: jpeg.toString('base64'),
  });

  await page.getByRole('button', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Report', level: 1 })).toBeVisible();
  // It opens with a 90-day report ready.
  await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: '90 days' })).toBeChecked();

  // Wrong input gets words, and nothing is prepared.
  await page.getByRole('radio', { name: 'Custom' }).check();
  await page.getByLabel('From', { exact: true }).fill(localIso(5));
  await page.getByLabel('To', { exact: true }).fill(localIso(20));
  await page.getByLabel('Date of birth').fill(localIso(-3));
  await page.getByRole('button', { name: 'Prepare report' }).click();
  await expect(page.getByText('The start date must be on or before the end date.')).toBeVisible();
  await expect(page.getByText('The date of birth must be a day in the past.')).toBeVisible();
  await expect(page.getByLabel('Date of birth')).toHaveAttribute('aria-invalid', 'true');

  // The real options: the preview follows them without a button.
  await page.getByRole('radio', { name: '1 year' }).check();
  await page.getByLabel('Name', { exact: true }).fill('Alex <b>Example</b>');
  await page.getByLabel('Date of birth').fill('1990-03-12');
  await page.getByRole('radio', { name: 'A4' }).check();
  const ready = page.getByRole('status').filter({ hasText: /is ready to print/ });
  const from = localIso(364);
  const to = localIso(0);
  await expect(ready).toContainText(paperPeriod(from, to));
  await expect(page.getByText(/Updating the preview/)).toBeHidden();
  await expect(
    page.getByRole('article', { name: 'The report as it will be printed' }).getByText('Alex <b>Example</b>').first(),
  ).toBeVisible();

  // Choose the photo; the preview shows it with its date and body area.
  const picker = page.getByRole('group', { name: 'Photos to include' });
  await picker.getByRole('checkbox', { name: /^Hands, / }).check();
  const preview = page.getByRole('article', { name: 'The report as it will be printed' });
  await expect(preview.getByRole('img', { name: `Photo: Hands, ${paperDate(localIso(10))}` })).toBeVisible();
  await expect(ready).toBeVisible();
  // The name is text, never markup; charts are images described in words.
  await expect(preview.getByText('Alex <b>Example</b>').first()).toBeVisible();
  await expect(preview.getByRole('img', { name: /^Acne: average severity per month/ })).toBeVisible();
  const chartSrc = await preview.getByRole('img', { name: /^Acne: average severity per month/ }).getAttribute('src');
  expect(chartSrc).toMatch(/^data:image\/png;base64,/);
  const natural = await preview
    .getByRole('img', { name: /^Acne: average severity per month/ })
    .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
  expect(natural).toBe(1360); // drawn at twice its 680 px, to print crisp

  await expectAccessible(page, 'report');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'report (dark)');
  await saveScreenshot(page, testInfo, 'report-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Print and Save as PDF both open the print dialog.
  await page.evaluate(() => {
    const page = globalThis as unknown as { printed: number; print: () => void };
    page.printed = 0;
    page.print = () => void page.printed++;
  });
  await page.getByRole('button', { name: 'Print…' }).click();
  await page.getByRole('button', { name: 'Save as PDF…' }).click();
  expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(2);

  // The PDF, as Chromium prints it.
  await page.emulateMedia({ media: 'print' });
  const file = testInfo.outputPath('report.pdf');
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const pdf = await readPdf(file);
  for (const size of pdf.pageSizes) expect(size).toEqual(A4);
  expect(pdf.title).toBe(`Skin and gut report, ${paperPeriod(from, to)}`);
  const pages = pdf.pages;
  expect(pages).toBeGreaterThan(3);

  const all = pdf.text();
  for (const title of SECTION_TITLES) expect(all, title).toContain(title);
  const period = paperPeriod(from, to);
  // The period and "Page x of y" run along every page.
  expect(all.split(period).length - 1).toBeGreaterThanOrEqual(pages);
  for (let n = 1; n <= pages; n++) expect(all).toContain(`Page ${n} of ${pages}`);
  // The POEM checks with their scores and bands.
  for (const check of CHECKS)
    expect(all).toMatch(new RegExp(`${paperDate(localIso(check.daysAgo))}\\s+${check.total}\\s+${check.band}`));
  expect(all).toContain(`Latest POEM ${CHECKS[1]!.total} of 28 on ${paperDate(localIso(1))}: Moderate eczema.`);
  expect(all).toContain('© The University of Nottingham');
  expect(all).toContain(`Hands, ${paperDate(localIso(10))}`);

  // Page 1 alone is the whole summary.
  const first = pdf.text({ first: 1, last: 1 });
  for (const part of [
    'Skin and gut report',
    'Alex <b>Example</b>',
    '12 Mar 1990',
    period,
    'Days logged',
    'Acne',
    'Eczema',
    'Rosacea',
    'Latest POEM 9 of 28',
    'Treatments and adherence',
    'Emollient cream',
    'Gut and lifestyle',
    'Candidate triggers',
    'From the whole journal (',
    'Acne and dairy',
    'not proof of cause',
    'Questions and notes for this visit',
    'Should I keep the cream going on the <i>wrist</i>?',
    `Page 1 of ${pages}`,
  ]) {
    expect(first, part).toContain(part);
  }
  expect(first).not.toContain('flare days per month');
  // Directions in words: the POEM change says whether it is worse or better.
  expect(first.replace(/\s+/g, ' ')).toMatch(/change [+−]\d+\.\d, (worse|better); lower is better/);
  expect(pdf.text({ first: 2, last: 2 })).toMatch(/^\s*Skin and gut report · Alex <b>Example<\/b>.*\n\s*Skin severity/);

  // The pages as images, to look at (test-results/…/report-page-N.png).
  await renderPdfPages(file, testInfo.outputPath('report-page'));
});

test('Letter paper gives a Letter PDF, and a report without the summary starts with its title', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  await unlock(page);
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible();
  await page.getByRole('radio', { name: '30 days' }).check();
  for (const section of [
    'One-page summary',
    'Candidate triggers (from Insights)',
    'Photos',
    'Eczema check (POEM) history',
  ]) {
    await page.getByRole('checkbox', { name: section }).uncheck();
  }
  await page.getByRole('radio', { name: 'Letter' }).check();
  await page.getByRole('button', { name: 'Prepare report' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: new RegExp(`${paperPeriod(localIso(29), localIso(0))} is ready`) }),
  ).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const file = testInfo.outputPath('letter.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true });
  const pdf = await readPdf(file);
  for (const size of pdf.pageSizes) expect(size).toEqual(LETTER);
  const text = pdf.text({ first: 1, last: 1 });
  expect(text).toMatch(/Skin and gut report\s*\n[\s\S]*Patient\s+not given/);
  expect(text).toContain('Skin severity');
  expect(pdf.text()).toContain('w/c');
  expect(pdf.text()).not.toContain('Candidate triggers');
});

test('a short report lists the whole journal’s triggers, says the period is too short, and gives per-day figures', async ({
  page,
  openApp,
}, testInfo) => {
  await openApp();
  await unlock(page);
  await page.getByRole('button', { name: 'Report', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible();
  const preview = page.getByRole('article', { name: 'The report as it will be printed' });
  // The default 90 days: the links Insights finds over the whole year, labelled with their span.
  await expect(
    preview.getByText(/^From the whole journal \(\d+ logged days, .+\), not only this report’s period\.$/),
  ).toBeVisible();
  await expect(preview.getByText('Acne and dairy').first()).toBeVisible();
  await expect(preview.getByText(/no link/i)).toHaveCount(0);

  // One day: custom dates, typed; the preview follows on its own.
  await page.getByRole('radio', { name: 'Custom' }).check();
  await page.getByLabel('From', { exact: true }).fill(localIso(1));
  await page.getByLabel('To', { exact: true }).fill(localIso(1));
  await expect(
    page.getByRole('status').filter({ hasText: new RegExp(`report for ${paperDate(localIso(1))} is ready`) }),
  ).toBeVisible();
  await expect(
    preview
      .getByText(/This period has too few logged days to look for links on its own \(1; at least \d+ are needed\)/)
      .first(),
  ).toBeVisible();
  await expect(preview.getByText('Acne and dairy').first()).toBeVisible();
  await expect(preview.getByText('Servings per day', { exact: true })).toBeVisible();
  await expect(preview.getByText(/too few for weekly figures/).first()).toBeVisible();
  await expect(preview.getByText('Weekly servings')).toHaveCount(0);
  await preview.getByRole('heading', { name: 'Candidate triggers' }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('report-one-day.png') });
});

base(
  'a person who tracks only acne is not offered the eczema check, and the report leaves it out',
  async ({ page, openApp }) => {
    await openApp();
    await createJournal(page);
    const conditions = (await api(page, 'conditions.list', {})) as { id: number; name: string; builtin: boolean }[];
    const acne = conditions.find((condition) => condition.builtin && condition.name === 'Acne')!;
    await api(page, 'conditions.save', { id: acne.id, name: 'Acne', tracked: true });
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /is ready to print/ })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Eczema check (POEM) history' })).toHaveCount(0);
    await expect(
      page.getByText('The eczema check (POEM) is left out: you do not track eczema and made no check in this period.'),
    ).toBeVisible();
    const preview = page.getByRole('article', { name: 'The report as it will be printed' });
    await expect(preview.getByRole('heading', { name: 'Skin and gut report' })).toBeVisible();
    await expect(preview.getByText(/POEM/)).toHaveCount(0);
    // With no notes marked, page 1 leaves room to write questions down.
    await expect(preview.getByText(/No notes were marked “for my dermatologist” in this period/)).toBeVisible();
    await expect(
      preview.getByText(/There are not enough logged days in the whole journal yet to look for links/).first(),
    ).toBeVisible();
    await expectAccessible(page, 'report for an acne-only journal');
  },
);
