import type { DailySeries, SeriesGroup, SeriesKind, SeriesRole, TrendsData } from '../../contract/trends';
import { FOOD_SERIES_LABELS } from '../../contract/trendsTerms';
import { FOOD_CATEGORIES, type FoodCategory } from '../../contract/journalTerms';
import type { Db } from '../db/database';
import { addDays } from '../journal/dates';

/** Categories whose daily servings are also a number factor (the gut-health ones the report sums weekly). */
export const SERVINGS_CATEGORIES: readonly FoodCategory[] = ['fibre_rich', 'prebiotic', 'fermented', 'ultra_processed'];

const SCORE = 'points (0–10)';

/** Lifestyle and gut columns of `days`, in the order they are shown. */
const DAY_COLUMNS: readonly {
  column: string;
  key: string;
  label: string;
  group: SeriesGroup;
  role: SeriesRole;
  unit: string;
}[] = [
  { column: 'bloating', key: 'gut.bloating', label: 'Bloating', group: 'gut', role: 'gut', unit: SCORE },
  { column: 'discomfort', key: 'gut.discomfort', label: 'Tummy discomfort', group: 'gut', role: 'gut', unit: SCORE },
  { column: 'stress', key: 'life.stress', label: 'Stress', group: 'lifestyle', role: 'factor', unit: SCORE },
  {
    column: 'sleep_hours',
    key: 'life.sleepHours',
    label: 'Hours of sleep',
    group: 'lifestyle',
    role: 'factor',
    unit: 'hours',
  },
  {
    column: 'sleep_quality',
    key: 'life.sleepQuality',
    label: 'Sleep quality',
    group: 'lifestyle',
    role: 'factor',
    unit: SCORE,
  },
  { column: 'mood', key: 'life.mood', label: 'Mood', group: 'lifestyle', role: 'factor', unit: SCORE },
  {
    column: 'meditation_minutes',
    key: 'life.meditation',
    label: 'Meditation',
    group: 'lifestyle',
    role: 'factor',
    unit: 'minutes',
  },
  {
    column: 'exercise_minutes',
    key: 'life.exercise',
    label: 'Exercise',
    group: 'lifestyle',
    role: 'factor',
    unit: 'minutes',
  },
  {
    column: 'relaxation_minutes',
    key: 'life.relaxation',
    label: 'Relaxation',
    group: 'lifestyle',
    role: 'factor',
    unit: 'minutes',
  },
  { column: 'water_glasses', key: 'gut.water', label: 'Water', group: 'lifestyle', role: 'factor', unit: 'glasses' },
];

interface Range {
  from?: string | undefined;
  to?: string | undefined;
}

/** Meals that make a day's food log complete when the day was not marked either way. */
export const MAIN_MEALS = ['breakfast', 'lunch', 'dinner'] as const;

/**
 * Whether a day's meals count as complete (docs/insights-method.md, "Logging completeness"):
 * the person's own answer to "I logged everything I ate today" when given; otherwise (older days,
 * or the box left alone) complete only when breakfast, lunch and dinner each list a food.
 */
export function mealsAreComplete(mealsComplete: boolean | null, mainMealsPresent: boolean): boolean {
  return mealsComplete ?? mainMealsPresent;
}

/**
 * A food factor's value on a day with meals: as listed when the day's meals are complete; missing
 * otherwise, listed or not — a food not noted on a partly logged day is unknown, not "without", and
 * keeping only the "with" days of such days would tilt the comparison just the same.
 */
export function foodValue(listed: number, mealsComplete: boolean | null, mainMealsPresent: boolean): number | null {
  return mealsAreComplete(mealsComplete, mainMealsPresent) ? listed : null;
}

/**
 * Every daily series of the journal between two dates: the single source for the trends
 * charts, the insights engine and the daily CSV export. A day without an entry is null in
 * every series; a logged day leaves a value null when that part was not filled in (no foods
 * logged means food factors are unknown that day, not "none eaten"; so do meals that are not
 * complete — see `mealsAreComplete`).
 */
export function readDailySeries(db: Db, range: Range, today: string): TrendsData {
  const bounds = db.prepare('SELECT min(date) AS first, max(date) AS last FROM days').get() as {
    first: string | null;
    last: string | null;
  };
  const to = range.to ?? (bounds.last && bounds.last > today ? bounds.last : today);
  const from = range.from ?? bounds.first ?? to;
  const dates = datesBetween(from, to);
  const index = new Map(dates.map((date, i) => [date, i]));
  const series: DailySeries[] = [];
  const blank = (): (number | null)[] => new Array<number | null>(dates.length).fill(null);
  const add = (
    key: string,
    label: string,
    kind: SeriesKind,
    group: SeriesGroup,
    role: SeriesRole,
    unit: string,
  ): (number | null)[] => {
    const values = blank();
    series.push({ key, label, kind, group, role, unit, values });
    return values;
  };
  const inRange = [from, to];

  // Skin: severity, itch and flares per condition; the day's worst itch and sleep lost as outcomes.
  const conditions = db
    .prepare(
      `SELECT id, name FROM conditions
       WHERE tracked = 1 OR id IN (SELECT DISTINCT condition_id FROM skin_scores WHERE date BETWEEN ? AND ?)
       ORDER BY sort, id`,
    )
    .all(...inRange) as { id: number; name: string }[];
  const scores = db
    .prepare('SELECT date, condition_id, severity, itch, sleep_lost, flare FROM skin_scores WHERE date BETWEEN ? AND ?')
    .all(...inRange) as {
    date: string;
    condition_id: number;
    severity: number | null;
    itch: number | null;
    sleep_lost: number | null;
    flare: number;
  }[];
  const perCondition = new Map<
    number,
    { severity: (number | null)[]; itch: (number | null)[]; flare: (number | null)[] }
  >();
  for (const condition of conditions) {
    perCondition.set(condition.id, {
      severity: add(`skin.severity.${condition.id}`, `${condition.name} severity`, 'number', 'skin', 'skin', SCORE),
      itch: blank(),
      flare: blank(),
    });
  }
  const itch = add('skin.itch', 'Itch', 'number', 'skin', 'skin', SCORE);
  const sleepLost = add('skin.sleepLost', 'Sleep lost to itch', 'number', 'skin', 'none', SCORE);
  for (const condition of conditions) {
    const own = perCondition.get(condition.id)!;
    series.push({
      key: `skin.itch.${condition.id}`,
      label: `${condition.name} itch`,
      kind: 'number',
      group: 'skin',
      role: 'none',
      unit: SCORE,
      values: own.itch,
    });
    series.push({
      key: `skin.flare.${condition.id}`,
      label: `${condition.name} flare`,
      kind: 'yesno',
      group: 'skin',
      role: 'none',
      unit: '',
      values: own.flare,
    });
  }
  for (const row of scores) {
    const i = index.get(row.date);
    const own = perCondition.get(row.condition_id);
    if (i === undefined || !own) continue;
    own.severity[i] = row.severity;
    own.itch[i] = row.itch;
    own.flare[i] = row.flare;
    itch[i] = maxOf(itch[i] ?? null, row.itch);
    sleepLost[i] = maxOf(sleepLost[i] ?? null, row.sleep_lost);
  }

  // Gut and lifestyle columns of the day itself.
  const dayRows = db
    .prepare(
      `SELECT date, ${DAY_COLUMNS.map((c) => c.column).join(', ')} FROM days WHERE date BETWEEN ? AND ? ORDER BY date`,
    )
    .all(...inRange) as Record<string, number | string | null>[];
  const dayValues = new Map<string, (number | null)[]>();
  for (const column of DAY_COLUMNS.filter((c) => c.group === 'gut')) {
    dayValues.set(column.column, add(column.key, column.label, 'number', column.group, column.role, column.unit));
  }
  const stool = add('gut.stool', 'Stool type', 'number', 'gut', 'gut', 'Bristol type (1–7)');
  for (const row of dayRows) {
    const i = index.get(row.date as string)!;
    for (const [column, values] of dayValues) values[i] = row[column] as number | null;
  }
  const stoolTypeCounts = [0, 0, 0, 0, 0, 0, 0];
  const movements = db
    .prepare('SELECT date, bristol FROM bowel_movements WHERE date BETWEEN ? AND ?')
    .all(...inRange) as { date: string; bristol: number }[];
  const stoolSums = new Map<number, { sum: number; count: number }>();
  for (const { date, bristol } of movements) {
    stoolTypeCounts[bristol - 1]!++;
    const i = index.get(date)!;
    const sum = stoolSums.get(i) ?? { sum: 0, count: 0 };
    sum.sum += bristol;
    sum.count++;
    stoolSums.set(i, sum);
  }
  for (const [i, { sum, count }] of stoolSums) stool[i] = sum / count;

  // Food: yes/no per category, servings of the gut-health categories, different plant foods.
  // Food is known on days whose meals are complete (ticked, or all main meals listed when not answered);
  // on other days every food factor is missing, listed or not (see `foodValue`).
  const mealDays = db
    .prepare(
      `SELECT d.date, d.meals_complete AS complete,
         (SELECT count(*) FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id WHERE m.date = d.date) AS foods,
         (SELECT count(DISTINCT m.kind) FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id
           WHERE m.date = d.date AND m.kind IN (${MAIN_MEALS.map(() => '?').join(', ')})) AS main
       FROM days d WHERE d.date BETWEEN ? AND ?`,
    )
    .all(...MAIN_MEALS, ...inRange) as { date: string; complete: number | null; foods: number; main: number }[];
  const foodDays = new Set(
    mealDays
      .filter(
        (day) =>
          (day.foods > 0 || day.complete === 1) &&
          mealsAreComplete(day.complete === null ? null : day.complete === 1, day.main === MAIN_MEALS.length),
      )
      .map((day) => index.get(day.date)!),
  );
  const servings = db
    .prepare(
      `SELECT m.date, fc.category, sum(mf.servings) AS servings
       FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id JOIN food_categories fc ON fc.food_id = mf.food_id
       WHERE m.date BETWEEN ? AND ? GROUP BY m.date, fc.category`,
    )
    .all(...inRange) as { date: string; category: FoodCategory; servings: number }[];
  const eaten = new Map<FoodCategory, (number | null)[]>();
  for (const category of FOOD_CATEGORIES)
    eaten.set(category, add(`food.${category}`, FOOD_SERIES_LABELS[category]!, 'yesno', 'food', 'factor', ''));
  const servingsOf = new Map<FoodCategory, (number | null)[]>();
  for (const category of SERVINGS_CATEGORIES) {
    servingsOf.set(
      category,
      add(
        `servings.${category}`,
        `${FOOD_SERIES_LABELS[category]} (servings)`,
        'number',
        'servings',
        'factor',
        'servings',
      ),
    );
  }
  const plants = add('food.plants', 'Plant variety', 'number', 'servings', 'factor', 'different plant foods');
  for (const i of foodDays) {
    for (const values of eaten.values()) values[i] = 0;
    for (const values of servingsOf.values()) values[i] = 0;
    plants[i] = 0;
  }
  for (const row of servings) {
    const i = index.get(row.date)!;
    if (!foodDays.has(i)) continue;
    eaten.get(row.category)![i] = 1;
    const values = servingsOf.get(row.category);
    if (values) values[i] = round(row.servings);
  }
  const plantCounts = db
    .prepare(
      `SELECT m.date, count(DISTINCT mf.food_id) AS plants
       FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id JOIN foods f ON f.id = mf.food_id
       WHERE f.plant = 1 AND m.date BETWEEN ? AND ? GROUP BY m.date`,
    )
    .all(...inRange) as { date: string; plants: number }[];
  for (const row of plantCounts) if (foodDays.has(index.get(row.date)!)) plants[index.get(row.date)!] = row.plants;

  // Treatments taken (a day without a tick either way is unknown).
  const treatments = db
    .prepare(
      `SELECT id, name FROM treatments
       WHERE id IN (SELECT DISTINCT treatment_id FROM treatment_doses WHERE date BETWEEN ? AND ?) ORDER BY name, id`,
    )
    .all(...inRange) as { id: number; name: string }[];
  const taken = new Map<number, (number | null)[]>();
  for (const treatment of treatments)
    taken.set(treatment.id, add(`treatment.${treatment.id}`, treatment.name, 'yesno', 'treatment', 'factor', ''));
  const doses = db
    .prepare('SELECT date, treatment_id, taken FROM treatment_doses WHERE date BETWEEN ? AND ?')
    .all(...inRange) as { date: string; treatment_id: number; taken: number }[];
  for (const dose of doses) taken.get(dose.treatment_id)![index.get(dose.date)!] = dose.taken;

  // Lifestyle.
  const lifestyle = DAY_COLUMNS.filter((c) => c.group === 'lifestyle').map((column) => ({
    column: column.column,
    values: add(column.key, column.label, 'number', column.group, column.role, column.unit),
  }));
  for (const row of dayRows) {
    const i = index.get(row.date as string)!;
    for (const { column, values } of lifestyle) values[i] = row[column] as number | null;
  }

  // The person's own factors (archived ones too, when they have values in the range).
  const factors = db
    .prepare(
      `SELECT id, name, kind, unit FROM custom_factors
       WHERE archived = 0 OR id IN (SELECT DISTINCT factor_id FROM custom_values WHERE date BETWEEN ? AND ?) ORDER BY sort, id`,
    )
    .all(...inRange) as { id: number; name: string; kind: 'yesno' | 'number' | 'scale'; unit: string }[];
  const custom = new Map<number, (number | null)[]>();
  for (const factor of factors) {
    const kind: SeriesKind = factor.kind === 'yesno' ? 'yesno' : 'number';
    const unit = factor.kind === 'scale' ? SCORE : factor.unit;
    custom.set(factor.id, add(`custom.${factor.id}`, factor.name, kind, 'custom', 'factor', unit));
  }
  const customValues = db
    .prepare('SELECT date, factor_id, value FROM custom_values WHERE date BETWEEN ? AND ?')
    .all(...inRange) as { date: string; factor_id: number; value: number }[];
  for (const row of customValues) {
    const values = custom.get(row.factor_id);
    if (values) values[index.get(row.date)!] = row.value;
  }

  return {
    from,
    to,
    dates,
    series,
    stoolTypeCounts,
    conditions: conditions.map((c) => ({
      id: c.id,
      name: c.name,
      severityKey: `skin.severity.${c.id}`,
      itchKey: `skin.itch.${c.id}`,
      flareKey: `skin.flare.${c.id}`,
    })),
    daysLogged: dayRows.length,
    firstLogged: bounds.first,
    lastLogged: bounds.last,
  };
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
