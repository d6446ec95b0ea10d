import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { JournalExport } from '../../electron/contract/dataExport';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { exportJournalCsv } from '../../electron/core/data/exportCsv';
import { exportJournalJson } from '../../electron/core/data/exportJson';
import { importJournalJson } from '../../electron/core/data/importJson';
import { readDailySeries } from '../../electron/core/trends/series';
import { emptyDay } from '../../electron/core/day/days';
import { journalAppsClosedAfterEach } from '../helpers/journalApp';

const openApp = journalAppsClosedAfterEach();
type App = Awaited<ReturnType<typeof openApp>>;
const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T12:00:00Z');

async function demoApp(days = 60): Promise<App> {
  const app = await openApp();
  await generateDemoJournal(app.dispatch, { days, seed: 8, effects: true, endDate: TODAY });
  // A note that tests quoting, and a photo.
  const day = await app.call('day.get', { date: '2026-06-10' });
  await app.call('day.save', { ...day.entry, notes: 'Itchy, "very" itchy;\nslept badly, 3 am' });
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c98f84' } })
    .jpeg()
    .toBuffer();
  await app.call('photos.add', {
    date: '2026-06-10',
    bodyArea: 'cheeks',
    mime: 'image/jpeg',
    dataBase64: photo.toString('base64'),
  });
  await app.call('meditation.saveSettings', { hideStreaks: true });
  await app.call('poem.save', { date: '2026-06-01', answers: [1, 2, 0, 0, 1, 3, 4] });
  await app.call('poem.save', { date: '2026-06-08', answers: [0, 1, 0, 0, 1, 2, 2] });
  return app;
}

const json = (app: App, photos = true) =>
  exportJournalJson(app.backend.vault.db, { photos, appVersion: 'test', now: NOW });
const withoutTime = ({ exportedAt: _time, ...rest }: JournalExport) => rest;

describe('JSON export and import', () => {
  it('round-trips: export → import into a fresh journal → export again gives the same document', async () => {
    const source = await demoApp();
    const first = json(source);
    expect(first.days.length).toBeGreaterThan(50);
    expect(first.photos).toHaveLength(1);
    expect(first.meditationSessions).toEqual([]);
    const target = await openApp();
    const summary = await importJournalJson(target.backend.vault.db, JSON.parse(JSON.stringify(first)), {
      dryRun: false,
      today: TODAY,
    });
    expect(summary.days).toEqual({ added: first.days.length, replaced: 0 });
    expect(summary.photos).toEqual({ added: 1, alreadyThere: 0 });
    expect(summary.treatments.added).toBe(2);
    expect(summary.customFactors.added).toBe(1);
    expect(summary.poem).toEqual({ added: first.poem!.length, replaced: 0 });
    expect(first.poem).toEqual(
      expect.arrayContaining([
        { date: '2026-06-01', answers: [1, 2, 0, 0, 1, 3, 4] },
        { date: '2026-06-08', answers: [0, 1, 0, 0, 1, 2, 2] },
      ]),
    );
    expect(withoutTime(json(target))).toEqual(withoutTime(first));
    // "I logged everything I ate today" travels with each day (the demo ticks it), and an older file without it imports as not answered.
    expect(first.days.every((day) => day.mealsComplete === true)).toBe(true);
    const older = JSON.parse(JSON.stringify(first)) as { days: Record<string, unknown>[] };
    for (const day of older.days) delete day.mealsComplete;
    const third = await openApp();
    await importJournalJson(third.backend.vault.db, older, { dryRun: false, today: TODAY });
    expect(json(third).days.every((day) => day.mealsComplete === null)).toBe(true);
    // Importing the same file again replaces the days with themselves and adds nothing new.
    const again = await importJournalJson(target.backend.vault.db, first, { dryRun: false, today: TODAY });
    expect(again).toMatchObject({
      days: { added: 0, replaced: first.days.length },
      photos: { added: 0, alreadyThere: 1 },
      treatments: { added: 0 },
    });
    expect(withoutTime(json(target))).toEqual(withoutTime(first));
  });

  it('a dry run says what would be added or replaced and changes nothing', async () => {
    const source = await demoApp(30);
    const file = json(source);
    const target = await openApp();
    await target.call('day.save', { ...emptyDay(file.days[0]!.date), notes: 'already here' });
    const before = json(target);
    const summary = await importJournalJson(target.backend.vault.db, file, { dryRun: true, today: TODAY });
    expect(summary.days).toEqual({ added: file.days.length - 1, replaced: 1 });
    expect(withoutTime(json(target))).toEqual(withoutTime(before));
  });

  it.each([
    [
      'not an export at all',
      { hello: 'world' },
      'This file is not an Axis Journal export (JSON). Nothing was changed.',
    ],
    [
      'a newer format',
      (f: JournalExport) => ({ ...f, formatVersion: 99 }),
      'This export was made by a newer version of Axis Journal. Please update the app first. Nothing was changed.',
    ],
    [
      'a newer database',
      (f: JournalExport) => ({ ...f, schemaVersion: 999 }),
      'This export comes from a newer version of Axis Journal. Please update the app first. Nothing was changed.',
    ],
    [
      'a score out of range',
      (f: JournalExport) => ({
        ...f,
        days: f.days.map((d, i) => (i === 5 ? { ...d, gut: { ...d.gut, bloating: 14 } } : d)),
      }),
      /^The file does not have the expected shape \(at days\.5\.gut\.bloating\): Bloating must be between 0 and 10\. Nothing was changed\.$/,
    ],
    [
      'a food nobody knows',
      (f: JournalExport) => ({
        ...f,
        days: f.days.map((d, i) =>
          i === 7 ? { ...d, meals: [{ kind: 'lunch', time: null, foods: [{ food: 'Moon cheese', servings: 1 }] }] } : d,
        ),
      }),
      /refers to the food "Moon cheese", which is neither in the file nor in this journal\. Nothing was changed\.$/,
    ],
    [
      'a day in the future',
      (f: JournalExport) => ({ ...f, days: [...f.days, { ...f.days[0]!, date: '2027-01-01' }] }),
      /^The day 2027-01-01 cannot be imported: That date is in the future\./,
    ],
    [
      'a day twice',
      (f: JournalExport) => ({ ...f, days: [...f.days, f.days[3]!] }),
      /appears twice in the file\. Nothing was changed\.$/,
    ],
  ])('a file with %s is refused with a reason, and changes nothing', async (_name, make, message) => {
    const source = await demoApp(20);
    const file = json(source, false);
    const target = await openApp();
    await target.call('day.save', { ...emptyDay('2026-06-01'), notes: 'mine' });
    const before = json(target);
    const bad = typeof make === 'function' ? make(file) : make;
    let error: (Error & { code?: string }) | undefined;
    try {
      await importJournalJson(target.backend.vault.db, bad, { dryRun: false, today: TODAY });
    } catch (caught) {
      error = caught as Error & { code?: string };
    }
    expect(error?.code).toBe('IMPORT_INVALID');
    if (typeof message === 'string') expect(error?.message).toBe(message);
    else expect(error?.message).toMatch(message);
    expect(withoutTime(json(target))).toEqual(withoutTime(before));
  });
});

describe('CSV export', () => {
  it('parses back with a standard CSV parser to the same data', async () => {
    const app = await demoApp();
    const db = app.backend.vault.db;
    const files = new Map(exportJournalCsv(db, TODAY).map((f) => [f.name, f.content]));
    expect([...files.keys()]).toEqual([
      'days.csv',
      'skin_scores.csv',
      'meals.csv',
      'bowel_movements.csv',
      'treatment_doses.csv',
      'custom_values.csv',
      'conditions.csv',
      'foods.csv',
      'treatments.csv',
      'custom_factors.csv',
      'meditation_sessions.csv',
      'photos.csv',
      'poem.csv',
      'experiments.csv',
      'experiment_secondary.csv',
      'experiment_days.csv',
      'daily.csv',
      'daily-columns.csv',
    ]);
    for (const content of files.values()) expect(content.endsWith('\r\n')).toBe(true);
    const table = (name: string) =>
      parse(files.get(name)!, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

    const days = table('days.csv');
    const dbDays = db.prepare('SELECT * FROM days ORDER BY date').all() as Record<string, unknown>[];
    expect(days).toHaveLength(dbDays.length);
    days.forEach((row, i) => {
      for (const [column, value] of Object.entries(dbDays[i]!))
        expect(row[column]).toBe(value === null ? '' : String(value));
    });
    expect(days.find((d) => d.date === '2026-06-10')!.notes).toBe('Itchy, "very" itchy;\nslept badly, 3 am');
    expect(days.every((d) => d.meals_complete === '1')).toBe(true);

    const meals = table('meals.csv');
    expect(meals.length).toBe(db.prepare('SELECT count(*) FROM meal_foods').pluck().get());
    expect(meals[0]).toMatchObject({ meal_number: '1', meal: 'breakfast' });
    expect(Number.isNaN(Number(meals[0]!.servings))).toBe(false);

    const daily = table('daily.csv');
    const series = readDailySeries(db, {}, TODAY);
    expect(daily.map((row) => row.date)).toEqual(series.dates);
    for (const s of series.series) {
      expect(daily.map((row) => (row[s.key] === '' ? null : Number(row[s.key])))).toEqual(s.values);
    }
    const columns = table('daily-columns.csv');
    expect(columns.map((c) => c.column)).toEqual(series.series.map((s) => s.key));
    expect(columns.find((c) => c.column === 'food.dairy')).toMatchObject({
      label: 'Dairy',
      kind: 'yesno',
      role: 'factor',
    });
    expect(table('photos.csv')).toEqual([
      expect.objectContaining({ date: '2026-06-10', body_area: 'cheeks', mime: 'image/jpeg' }),
    ]);
  });
});
