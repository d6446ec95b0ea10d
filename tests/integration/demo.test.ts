import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { openJournalApp } from '../helpers/journalApp';
import { removeTempDirs } from '../helpers/tempVault';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  removeTempDirs();
});

async function demo(seed: number, effects: boolean, days = 120) {
  const app = await openJournalApp();
  closers.push(app.close);
  const result = await generateDemoJournal(app.dispatch, { days, seed, effects, endDate: '2026-06-15' });
  return { app, ...result };
}

/** Mean severity of a condition on days after a factor day vs other days, straight from the DB. */
function laggedDifference(
  app: Awaited<ReturnType<typeof demo>>['app'],
  condition: string,
  categoryOrNull: string | null,
  lag: number,
  stressAtLeast?: number,
): number {
  const db = app.backend.vault.db;
  const factorDays = categoryOrNull
    ? (
        db
          .prepare(
            `SELECT DISTINCT m.date FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id JOIN food_categories c ON c.food_id = mf.food_id WHERE c.category = ?`,
          )
          .all(categoryOrNull) as { date: string }[]
      ).map((r) => r.date)
    : (db.prepare('SELECT date FROM days WHERE stress >= ?').all(stressAtLeast) as { date: string }[]).map(
        (r) => r.date,
      );
  const withFactor = new Set(factorDays);
  const rows = db
    .prepare(`SELECT s.date, s.severity FROM skin_scores s JOIN conditions c ON c.id = s.condition_id WHERE c.name = ?`)
    .all(condition) as { date: string; severity: number }[];
  const shift = (date: string) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - lag);
    return d.toISOString().slice(0, 10);
  };
  const logged = new Set(
    app.backend.vault.db
      .prepare('SELECT date FROM days')
      .all()
      .map((r) => (r as { date: string }).date),
  );
  const on: number[] = [];
  const off: number[] = [];
  for (const row of rows) {
    const source = shift(row.date);
    if (!logged.has(source)) continue;
    (withFactor.has(source) ? on : off).push(row.severity);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return mean(on) - mean(off);
}

describe('demo journal', () => {
  it('is realistic: most days logged, some missing, meals, notes and three tracked conditions', async () => {
    const { app, daysWritten } = await demo(7, true);
    expect(daysWritten).toBeGreaterThan(100);
    expect(daysWritten).toBeLessThan(120);
    const conditions = (await app.call('conditions.list')).filter((c) => c.tracked).map((c) => c.name);
    expect(conditions).toEqual(['Acne', 'Eczema', 'Rosacea']);
    const list = await app.call('journal.list', { limit: 400 });
    expect(list.some((d) => d.hasNotes)).toBe(true);
    expect(list.some((d) => d.flare)).toBe(true);
    const day = await app.call('day.get', { date: list[0]!.date });
    expect(day.entry.meals.length).toBeGreaterThanOrEqual(3);
  });

  it('gives the same journal for the same seed', async () => {
    const a = await demo(42, true, 40);
    const b = await demo(42, true, 40);
    const days = async (app: typeof a.app) =>
      Promise.all(
        (await app.call('journal.list', { limit: 100 })).map((d) =>
          app.call('day.get', { date: d.date }).then((v) => v.entry),
        ),
      );
    expect(await days(a.app)).toEqual(await days(b.app));
    const c = await demo(43, true, 40);
    expect(await days(c.app)).not.toEqual(await days(a.app));
  });

  it('plants the documented effects, and --no-effects removes them from otherwise identical data', async () => {
    const planted = await demo(11, true, 180);
    const none = await demo(11, false, 180);
    expect(laggedDifference(planted.app, 'Acne', 'dairy', 2)).toBeGreaterThan(1.2);
    expect(laggedDifference(planted.app, 'Eczema', 'fermented', 3)).toBeLessThan(-0.5);
    expect(laggedDifference(planted.app, 'Rosacea', null, 0, 6)).toBeGreaterThan(0.9);
    expect(Math.abs(laggedDifference(none.app, 'Acne', 'dairy', 2))).toBeLessThan(0.6);
    expect(Math.abs(laggedDifference(none.app, 'Eczema', 'fermented', 3))).toBeLessThan(0.6);
    // Same diet and stress with or without effects.
    const meals = async (app: typeof planted.app) => (await app.call('day.get', { date: '2026-05-01' })).entry.meals;
    expect(await meals(none.app)).toEqual(await meals(planted.app));
  });
});
