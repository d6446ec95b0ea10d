import type { CalendarDay, DayEntry, DaySummary, DayView, SearchHit } from '../../contract/journal';
import type { FoodCategory } from '../../contract/journalTerms';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { addDays, monthRange, weekStart } from '../journal/dates';
import { timestamp } from '../clock';

interface DayRow {
  date: string;
  bloating: number | null;
  discomfort: number | null;
  water_glasses: number | null;
  stress: number | null;
  sleep_hours: number | null;
  sleep_quality: number | null;
  exercise_minutes: number | null;
  relaxation_minutes: number | null;
  mood: number | null;
  meditation_minutes: number | null;
  cycle_day: number | null;
  notes: string;
  notes_for_dermatologist: number;
  meals_complete: number | null;
  updated_at: string;
}

export function emptyDay(date: string): DayEntry {
  return {
    date,
    skin: [],
    meals: [],
    mealsComplete: null,
    bowelMovements: [],
    gut: { bloating: null, discomfort: null, waterGlasses: null },
    lifestyle: {
      stress: null,
      sleepHours: null,
      sleepQuality: null,
      exerciseMinutes: null,
      relaxationMinutes: null,
      mood: null,
      meditationMinutes: null,
      cycleDay: null,
    },
    treatments: [],
    custom: [],
    notes: '',
    notesForDermatologist: false,
  };
}

export function readDay(db: Db, date: string): DayView {
  const row = db.prepare('SELECT * FROM days WHERE date = ?').get(date) as DayRow | undefined;
  const entry = row ? rowToEntry(db, row) : emptyDay(date);
  return { entry, saved: row !== undefined, updatedAt: row?.updated_at ?? null, derived: derive(db, date) };
}

function rowToEntry(db: Db, row: DayRow): DayEntry {
  const date = row.date;
  const skin = (
    db
      .prepare(
        'SELECT condition_id, severity, itch, sleep_lost, new_lesions, flare, areas FROM skin_scores WHERE date = ? ORDER BY condition_id',
      )
      .all(date) as {
      condition_id: number;
      severity: number | null;
      itch: number | null;
      sleep_lost: number | null;
      new_lesions: number | null;
      flare: number;
      areas: string;
    }[]
  ).map((s) => ({
    conditionId: s.condition_id,
    severity: s.severity,
    itch: s.itch,
    sleepLost: s.sleep_lost,
    newLesions: s.new_lesions,
    flare: s.flare === 1,
    areas: JSON.parse(s.areas) as DayEntry['skin'][number]['areas'],
  }));
  const mealRows = db.prepare('SELECT id, kind, time FROM meals WHERE date = ? ORDER BY position').all(date) as {
    id: number;
    kind: DayEntry['meals'][number]['kind'];
    time: string | null;
  }[];
  const foodsOf = db.prepare('SELECT food_id, servings FROM meal_foods WHERE meal_id = ? ORDER BY position');
  const meals = mealRows.map((meal) => ({
    kind: meal.kind,
    time: meal.time,
    foods: (foodsOf.all(meal.id) as { food_id: number; servings: number }[]).map((f) => ({
      foodId: f.food_id,
      servings: f.servings,
    })),
  }));
  const bowelMovements = db
    .prepare('SELECT time, bristol FROM bowel_movements WHERE date = ? ORDER BY position')
    .all(date) as { time: string | null; bristol: number }[];
  const treatments = (
    db.prepare('SELECT treatment_id, taken FROM treatment_doses WHERE date = ? ORDER BY treatment_id').all(date) as {
      treatment_id: number;
      taken: number;
    }[]
  ).map((t) => ({ treatmentId: t.treatment_id, taken: t.taken === 1 }));
  const custom = (
    db.prepare('SELECT factor_id, value FROM custom_values WHERE date = ? ORDER BY factor_id').all(date) as {
      factor_id: number;
      value: number;
    }[]
  ).map((c) => ({ factorId: c.factor_id, value: c.value }));
  return {
    date,
    skin,
    meals,
    bowelMovements,
    gut: { bloating: row.bloating, discomfort: row.discomfort, waterGlasses: row.water_glasses },
    lifestyle: {
      stress: row.stress,
      sleepHours: row.sleep_hours,
      sleepQuality: row.sleep_quality,
      exerciseMinutes: row.exercise_minutes,
      relaxationMinutes: row.relaxation_minutes,
      mood: row.mood,
      meditationMinutes: row.meditation_minutes,
      cycleDay: row.cycle_day,
    },
    treatments,
    custom,
    notes: row.notes,
    notesForDermatologist: row.notes_for_dermatologist === 1,
    mealsComplete: row.meals_complete === null ? null : row.meals_complete === 1,
  };
}

/** Servings per food category and plant counts, computed from the meals: never typed twice. */
function derive(db: Db, date: string): DayView['derived'] {
  const servingsByCategory: Partial<Record<FoodCategory, number>> = {};
  const rows = db
    .prepare(
      `SELECT fc.category, sum(mf.servings) AS servings
       FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id JOIN food_categories fc ON fc.food_id = mf.food_id
       WHERE m.date = ? GROUP BY fc.category`,
    )
    .all(date) as { category: FoodCategory; servings: number }[];
  for (const row of rows) servingsByCategory[row.category] = row.servings;
  const distinctPlants = db.prepare(
    `SELECT count(DISTINCT mf.food_id) AS n FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id
     JOIN foods f ON f.id = mf.food_id WHERE f.plant = 1 AND m.date BETWEEN ? AND ?`,
  );
  return {
    servingsByCategory,
    plantsToday: (distinctPlants.get(date, date) as { n: number }).n,
    plantsThisWeek: (distinctPlants.get(weekStart(date), date) as { n: number }).n,
  };
}

/**
 * Replaces everything recorded for one day in a single transaction. References to conditions,
 * foods, treatments and factors are checked first; on any problem nothing is written.
 */
export function writeDay(db: Db, entry: DayEntry, today: string): void {
  if (entry.date > today) throw invalid('That date is in the future. You can log today or any day before it.');
  checkReferences(db, entry);
  const now = timestamp(db);
  db.transaction(() => {
    const existed = db.prepare('SELECT 1 FROM days WHERE date = ?').get(entry.date) !== undefined;
    const values = {
      date: entry.date,
      bloating: entry.gut.bloating,
      discomfort: entry.gut.discomfort,
      water_glasses: entry.gut.waterGlasses,
      stress: entry.lifestyle.stress,
      sleep_hours: entry.lifestyle.sleepHours,
      sleep_quality: entry.lifestyle.sleepQuality,
      exercise_minutes: entry.lifestyle.exerciseMinutes,
      relaxation_minutes: entry.lifestyle.relaxationMinutes,
      mood: entry.lifestyle.mood,
      meditation_minutes: entry.lifestyle.meditationMinutes,
      cycle_day: entry.lifestyle.cycleDay,
      notes: entry.notes,
      notes_for_dermatologist: entry.notesForDermatologist ? 1 : 0,
      meals_complete:
        entry.mealsComplete === null || entry.mealsComplete === undefined ? null : entry.mealsComplete ? 1 : 0,
      now,
    };
    if (existed) {
      db.prepare(
        `UPDATE days SET bloating = @bloating, discomfort = @discomfort, water_glasses = @water_glasses, stress = @stress,
           sleep_hours = @sleep_hours, sleep_quality = @sleep_quality, exercise_minutes = @exercise_minutes,
           relaxation_minutes = @relaxation_minutes, mood = @mood, meditation_minutes = @meditation_minutes,
           cycle_day = @cycle_day, notes = @notes, notes_for_dermatologist = @notes_for_dermatologist,
           meals_complete = @meals_complete, updated_at = @now
         WHERE date = @date`,
      ).run(values);
      for (const table of ['skin_scores', 'meals', 'bowel_movements', 'treatment_doses', 'custom_values']) {
        db.prepare(`DELETE FROM ${table} WHERE date = ?`).run(entry.date);
      }
    } else {
      db.prepare(
        `INSERT INTO days (date, bloating, discomfort, water_glasses, stress, sleep_hours, sleep_quality, exercise_minutes,
           relaxation_minutes, mood, meditation_minutes, cycle_day, notes, notes_for_dermatologist, meals_complete, created_at, updated_at)
         VALUES (@date, @bloating, @discomfort, @water_glasses, @stress, @sleep_hours, @sleep_quality, @exercise_minutes,
           @relaxation_minutes, @mood, @meditation_minutes, @cycle_day, @notes, @notes_for_dermatologist, @meals_complete, @now, @now)`,
      ).run(values);
    }
    const skin = db.prepare(
      'INSERT INTO skin_scores (date, condition_id, severity, itch, sleep_lost, new_lesions, flare, areas) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const s of entry.skin) {
      skin.run(
        entry.date,
        s.conditionId,
        s.severity,
        s.itch,
        s.sleepLost,
        s.newLesions,
        s.flare ? 1 : 0,
        JSON.stringify([...new Set(s.areas)]),
      );
    }
    const meal = db.prepare('INSERT INTO meals (date, position, kind, time) VALUES (?, ?, ?, ?)');
    const mealFood = db.prepare('INSERT INTO meal_foods (meal_id, food_id, position, servings) VALUES (?, ?, ?, ?)');
    entry.meals.forEach((m, position) => {
      const mealId = meal.run(entry.date, position, m.kind, m.time).lastInsertRowid;
      m.foods.forEach((food, index) => mealFood.run(mealId, food.foodId, index, food.servings));
    });
    const stool = db.prepare('INSERT INTO bowel_movements (date, position, time, bristol) VALUES (?, ?, ?, ?)');
    entry.bowelMovements.forEach((b, position) => stool.run(entry.date, position, b.time, b.bristol));
    const dose = db.prepare('INSERT INTO treatment_doses (date, treatment_id, taken) VALUES (?, ?, ?)');
    for (const t of entry.treatments) dose.run(entry.date, t.treatmentId, t.taken ? 1 : 0);
    const custom = db.prepare('INSERT INTO custom_values (date, factor_id, value) VALUES (?, ?, ?)');
    for (const c of entry.custom) if (c.value !== null) custom.run(entry.date, c.factorId, c.value);
  })();
}

function checkReferences(db: Db, entry: DayEntry): void {
  const seen = new Set<number>();
  const condition = db.prepare('SELECT 1 FROM conditions WHERE id = ?');
  for (const s of entry.skin) {
    if (seen.has(s.conditionId)) throw invalid('A skin condition appears twice for the same day.');
    seen.add(s.conditionId);
    if (!condition.get(s.conditionId))
      throw invalid('One of the skin conditions no longer exists. Reload and try again.');
  }
  const food = db.prepare('SELECT 1 FROM foods WHERE id = ?');
  for (const meal of entry.meals) {
    const inMeal = new Set<number>();
    for (const f of meal.foods) {
      if (inMeal.has(f.foodId))
        throw invalid('The same food is listed twice in one meal: change its servings instead.');
      inMeal.add(f.foodId);
      if (!food.get(f.foodId))
        throw invalid('One of the foods is not in your food library any more. Reload and try again.');
    }
  }
  const treatment = db.prepare('SELECT 1 FROM treatments WHERE id = ?');
  const treatmentIds = new Set<number>();
  for (const t of entry.treatments) {
    if (treatmentIds.has(t.treatmentId)) throw invalid('A treatment appears twice for the same day.');
    treatmentIds.add(t.treatmentId);
    if (!treatment.get(t.treatmentId)) throw invalid('One of the treatments no longer exists. Reload and try again.');
  }
  const factor = db.prepare('SELECT name, kind FROM custom_factors WHERE id = ?');
  const factorIds = new Set<number>();
  for (const c of entry.custom) {
    if (factorIds.has(c.factorId)) throw invalid('A custom factor appears twice for the same day.');
    factorIds.add(c.factorId);
    const row = factor.get(c.factorId) as { name: string; kind: string } | undefined;
    if (!row) throw invalid('One of your custom factors no longer exists. Reload and try again.');
    if (c.value === null) continue;
    if (row.kind === 'yesno' && c.value !== 0 && c.value !== 1) throw invalid(`"${row.name}" is a yes/no factor.`);
    if (row.kind === 'scale' && (!Number.isInteger(c.value) || c.value < 0 || c.value > 10)) {
      throw invalid(`"${row.name}" must be a whole number from 0 to 10.`);
    }
    if (row.kind === 'number' && Math.abs(c.value) > 1_000_000) throw invalid(`"${row.name}" is too large a number.`);
  }
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', `${message} Nothing was saved.`);
}

export function deleteDay(db: Db, date: string): void {
  db.prepare('DELETE FROM days WHERE date = ?').run(date);
}

const SUMMARY_SQL = `
  SELECT d.date, d.stress, d.notes, d.notes_for_dermatologist,
         (SELECT max(severity) FROM skin_scores s WHERE s.date = d.date) AS max_severity,
         (SELECT max(flare) FROM skin_scores s WHERE s.date = d.date) AS flare
  FROM days d`;

interface SummaryRow {
  date: string;
  stress: number | null;
  notes: string;
  notes_for_dermatologist: number;
  max_severity: number | null;
  flare: number | null;
}

function toCalendarDay(row: SummaryRow): CalendarDay {
  return { date: row.date, maxSeverity: row.max_severity, flare: row.flare === 1, hasNotes: row.notes.trim() !== '' };
}

export function monthCalendar(db: Db, year: number, month: number): CalendarDay[] {
  const { first, last } = monthRange(year, month);
  const rows = db
    .prepare(`${SUMMARY_SQL} WHERE d.date BETWEEN ? AND ? ORDER BY d.date`)
    .all(first, last) as SummaryRow[];
  return rows.map(toCalendarDay);
}

export function listDays(db: Db, before: string | undefined, limit: number): DaySummary[] {
  const rows = (
    before
      ? db.prepare(`${SUMMARY_SQL} WHERE d.date < ? ORDER BY d.date DESC LIMIT ?`).all(before, limit)
      : db.prepare(`${SUMMARY_SQL} ORDER BY d.date DESC LIMIT ?`).all(limit)
  ) as SummaryRow[];
  const scores = db.prepare('SELECT condition_id, severity FROM skin_scores WHERE date = ? ORDER BY condition_id');
  return rows.map((row) => ({
    ...toCalendarDay(row),
    conditionScores: (scores.all(row.date) as { condition_id: number; severity: number | null }[]).map((s) => ({
      conditionId: s.condition_id,
      severity: s.severity,
    })),
    stress: row.stress,
    notesPreview: row.notes.slice(0, 160),
    forDermatologist: row.notes_for_dermatologist === 1,
  }));
}

/**
 * Full-text search over notes. Each word typed must appear (as a prefix); anything that could
 * be FTS syntax is quoted away, so any text is a valid search.
 */
export function searchNotes(db: Db, query: string, limit: number): SearchHit[] {
  const terms = query
    .split(/\s+/)
    .map((term) => term.replace(/"/g, ''))
    .filter(Boolean)
    .map((term) => `"${term}"*`);
  if (terms.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT d.date, d.notes_for_dermatologist, snippet(notes_search, 0, char(1), char(2), '…', 16) AS snippet
       FROM notes_search JOIN days d ON d.rowid = notes_search.rowid
       WHERE notes_search MATCH ? ORDER BY d.date DESC LIMIT ?`,
    )
    .all(terms.join(' '), limit) as { date: string; notes_for_dermatologist: number; snippet: string }[];
  return rows.map((row) => ({
    date: row.date,
    snippet: row.snippet,
    forDermatologist: row.notes_for_dermatologist === 1,
  }));
}

export { addDays };
