import type { ImportField } from '../../contract/importFromTerms';
import type { FactorKind, MealKind } from '../../contract/journalTerms';
import type { Db } from '../db/database';

export type Target =
  | { kind: 'field'; field: ImportField }
  | { kind: 'skin'; id: number }
  | { kind: 'custom'; id: number; factorKind: FactorKind }
  | { kind: 'dose'; id: number }
  | { kind: 'food'; id: number };

export type CellValue = number | string | boolean;

const COLUMN: Record<ImportField, string> = {
  mood: 'mood',
  stress: 'stress',
  sleepQuality: 'sleep_quality',
  bloating: 'bloating',
  discomfort: 'discomfort',
  sleepHours: 'sleep_hours',
  exerciseMinutes: 'exercise_minutes',
  meditationMinutes: 'meditation_minutes',
  relaxationMinutes: 'relaxation_minutes',
  waterGlasses: 'water_glasses',
  cycleDay: 'cycle_day',
  notes: 'notes',
};

/**
 * The journal's cells an import reads and writes, one value at a time with statements prepared
 * once: an import of years touches only the values it brings (a whole-day rewrite per day would
 * be many times slower, and would rewrite what it does not change). The values are checked
 * before they get here (ranges, kinds, references resolved from the journal itself), and the
 * tables' CHECK constraints stay the last word.
 */
export class JournalCells {
  private readonly dayRow;
  private readonly insertDay;
  private readonly fieldUpdates = new Map<ImportField, { run(...values: unknown[]): unknown }>();
  private readonly skinGet;
  private readonly skinSet;
  private readonly customGet;
  private readonly customSet;
  private readonly doseGet;
  private readonly doseSet;
  private readonly foodGet;
  private readonly mealOfKind;
  private readonly nextMealPosition;
  private readonly insertMeal;
  private readonly nextFoodPosition;
  private readonly insertFood;
  private readonly touch;

  constructor(private readonly db: Db) {
    this.dayRow = db.prepare('SELECT * FROM days WHERE date = ?');
    this.insertDay = db.prepare('INSERT INTO days (date, created_at, updated_at) VALUES (?, ?, ?)');
    this.skinGet = db.prepare('SELECT severity FROM skin_scores WHERE date = ? AND condition_id = ?').pluck();
    this.skinSet = db.prepare(
      'INSERT INTO skin_scores (date, condition_id, severity) VALUES (?, ?, ?) ON CONFLICT (date, condition_id) DO UPDATE SET severity = excluded.severity',
    );
    this.customGet = db.prepare('SELECT value FROM custom_values WHERE date = ? AND factor_id = ?').pluck();
    this.customSet = db.prepare(
      'INSERT INTO custom_values (date, factor_id, value) VALUES (?, ?, ?) ON CONFLICT (date, factor_id) DO UPDATE SET value = excluded.value',
    );
    this.doseGet = db.prepare('SELECT taken FROM treatment_doses WHERE date = ? AND treatment_id = ?').pluck();
    this.doseSet = db.prepare(
      'INSERT INTO treatment_doses (date, treatment_id, taken) VALUES (?, ?, ?) ON CONFLICT (date, treatment_id) DO UPDATE SET taken = excluded.taken',
    );
    this.foodGet = db
      .prepare(
        'SELECT 1 FROM meal_foods mf JOIN meals m ON m.id = mf.meal_id WHERE m.date = ? AND mf.food_id = ? LIMIT 1',
      )
      .pluck();
    this.mealOfKind = db
      .prepare(
        'SELECT m.id FROM meals m WHERE m.date = ? AND m.kind = ? AND (SELECT count(*) FROM meal_foods WHERE meal_id = m.id) < 60 ORDER BY m.position LIMIT 1',
      )
      .pluck();
    this.nextMealPosition = db.prepare('SELECT coalesce(max(position), -1) + 1 FROM meals WHERE date = ?').pluck();
    this.insertMeal = db.prepare('INSERT INTO meals (date, position, kind, time) VALUES (?, ?, ?, NULL)');
    this.nextFoodPosition = db
      .prepare('SELECT coalesce(max(position), -1) + 1 FROM meal_foods WHERE meal_id = ?')
      .pluck();
    this.insertFood = db.prepare(
      'INSERT OR IGNORE INTO meal_foods (meal_id, food_id, position, servings) VALUES (?, ?, ?, 1)',
    );
    this.touch = db.prepare('UPDATE days SET updated_at = ? WHERE date = ?');
  }

  /** The day's row, or undefined when nothing is saved for that date. */
  day(date: string): Record<string, unknown> | undefined {
    return this.dayRow.get(date) as Record<string, unknown> | undefined;
  }

  /** The value at a target, null when empty (notes: empty text). Foods: true when eaten that day. */
  current(date: string, target: Target, row: Record<string, unknown> | undefined): CellValue | null {
    switch (target.kind) {
      case 'field': {
        const value = row?.[COLUMN[target.field]] as number | string | null | undefined;
        return value === undefined || value === '' ? null : value;
      }
      case 'skin':
        return (this.skinGet.get(date, target.id) as number | null | undefined) ?? null;
      case 'custom':
        return (this.customGet.get(date, target.id) as number | undefined) ?? null;
      case 'dose': {
        const taken = this.doseGet.get(date, target.id) as number | undefined;
        return taken === undefined ? null : taken === 1;
      }
      case 'food':
        return this.foodGet.get(date, target.id) ? true : null;
    }
  }

  createDay(date: string, now: string): void {
    this.insertDay.run(date, now, now);
  }

  set(date: string, target: Target, value: CellValue, meal: MealKind, now: string): void {
    switch (target.kind) {
      case 'field': {
        let update = this.fieldUpdates.get(target.field);
        if (!update)
          this.fieldUpdates.set(
            target.field,
            (update = this.db.prepare(`UPDATE days SET ${COLUMN[target.field]} = ?, updated_at = ? WHERE date = ?`)),
          );
        update.run(value, now, date);
        return;
      }
      case 'skin':
        this.skinSet.run(date, target.id, value);
        break;
      case 'custom':
        this.customSet.run(date, target.id, value);
        break;
      case 'dose':
        this.doseSet.run(date, target.id, value ? 1 : 0);
        break;
      case 'food': {
        let mealId = this.mealOfKind.get(date, meal) as number | undefined;
        if (mealId === undefined)
          mealId = Number(this.insertMeal.run(date, this.nextMealPosition.get(date), meal).lastInsertRowid);
        this.insertFood.run(mealId, target.id, this.nextFoodPosition.get(mealId));
        break;
      }
    }
    this.touch.run(now, date);
  }
}
