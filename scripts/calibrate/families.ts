/**
 * Generated journals whose truth is known, for calibrating insights (docs/insights-method.md,
 * "Calibration"). Each journal comes from a family and a seed; families differ in how the
 * person logs (regular, irregular with bursts and holidays, lazy on good-skin days), in slow
 * trends shared by habits and skin, in co-moving proxies and mirrored factors, in length, and in
 * what is planted (nothing; yes/no effects at lags 0–7 either way; a dose–response; a custom
 * factor; skin → gut). The series are built directly (no database), with the same rule for
 * food on days whose meals are not complete as the app (`foodValue` in series.ts).
 */
import type { DailySeries, SeriesGroup, SeriesKind, SeriesRole } from '../../electron/contract/trendsTerms';
import { SeededRandom } from '../../electron/core/demo/random';
import { foodValue } from '../../electron/core/trends/series';

export interface Planted {
  factor: string;
  outcome: string;
  lag: number;
  /** Points added to the outcome (yes/no: on days after the factor; numbers: per unit above the factor's mean). */
  size: number;
}

export interface FamilyOptions {
  days: number;
  /** 'regular': ~92 % of days; 'irregular': 55–70 % with bursts and one or two holidays; 'three-quarters': ~75 % in bursts. */
  logging: 'regular' | 'irregular' | 'three-quarters';
  effects: Planted[];
  /** Fibre, stress and some skin measures drift together over months (no day-to-day link). */
  sharedTrend?: boolean;
  /** On good-skin days meals are often noted only in part, and the day is not marked complete. */
  lazyLogging?: boolean;
  /** Read food as the app did before issue 12: a food not listed on a day with meals counts as not eaten. */
  naiveFood?: boolean;
  /** A zinc supplement started on one date and taken daily since (a before/after question). */
  startedSupplement?: boolean;
}

export interface GeneratedJournal {
  dates: string[];
  series: DailySeries[];
  effects: Planted[];
}

/** Proxies in every journal: yogurt and pizza travel with dairy, caffeine mirrors alcohol, servings mirror fermented. */
export const PROXIES: Record<string, string[]> = {
  'food.dairy': ['custom.3', 'custom.4'],
  'food.fermented': ['servings.fermented', 'food.whole_grain'],
  'food.alcohol': ['food.caffeine'],
  'life.stress': ['life.mood'],
};

const SCORE = 'points (0–10)';

export function generateJournal(options: FamilyOptions, seed: number): GeneratedJournal {
  const random = new SeededRandom(seed * 7919 + 17);
  const { days } = options;
  const dates = Array.from({ length: days }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
  const logged = loggingPattern(options.logging, days, random);

  // Slow shared drift: a season of 200–320 days with a random phase.
  const period = 200 + random.next() * 120;
  const phase = random.next() * 2 * Math.PI;
  const season = (t: number) => (options.sharedTrend ? Math.sin((2 * Math.PI * t) / period + phase) : 0);

  // Factors (true values, every day).
  const dairy: number[] = [];
  const fermented: number[] = [];
  const ultra: number[] = [];
  const alcohol: number[] = [];
  const fibre: number[] = [];
  const stress: number[] = [];
  const sleep: number[] = [];
  const exercise: number[] = [];
  const sunscreen: number[] = [];
  const greenTea: number[] = [];
  let stressLevel = 4;
  let sleepLevel = 7;
  for (let t = 0; t < days; t++) {
    dairy.push(random.chance(dairy[t - 1] ? 0.6 : 0.35) ? 1 : 0);
    fermented.push(random.chance((fermented[t - 1] ? 0.5 : 0.3) + 0.15 * season(t)) ? 1 : 0);
    ultra.push(random.chance(0.3) ? 1 : 0);
    alcohol.push(random.chance(0.25) ? 1 : 0);
    fibre.push(Math.max(0, Math.round(2 + 1.2 * season(t) + 1.1 * random.normal())));
    stressLevel = clamp(0.65 * stressLevel + 0.35 * (4.5 + 1.5 * season(t)) + 1.6 * random.normal(), 0, 10);
    stress.push(Math.round(stressLevel));
    sleepLevel = clamp(0.5 * sleepLevel + 0.5 * 7.1 + 0.7 * random.normal(), 3, 10);
    sleep.push(Math.round(sleepLevel * 2) / 2);
    exercise.push(random.chance(0.45) ? 15 * random.int(1, 5) : 0);
    sunscreen.push(random.chance(0.5) ? 1 : 0);
    greenTea.push(Math.min(4, Math.floor(-Math.log(Math.max(1e-9, random.next())) * 1.2)));
  }
  const mood = stress.map((s) => clamp(Math.round(7 - 0.35 * s + 2 * random.next()), 0, 10));
  const yogurt = dairy.map((d) => (d && random.chance(0.75) ? 1 : !d && random.chance(0.04) ? 1 : 0));
  const pizza = dairy.map((d) => (d && random.chance(0.6) ? 1 : !d && random.chance(0.05) ? 1 : 0));
  const fermentedServings = fermented.map((f) => (f ? 1 + random.int(0, 2) * 0.5 : 0));
  const wholeGrain = fermented.map((f) => (f ? (random.chance(0.8) ? 1 : 0) : random.chance(0.15) ? 1 : 0));
  const supplementFrom = options.startedSupplement ? Math.floor(days * (0.35 + 0.3 * random.next())) : -1;

  // Outcomes: each wanders around a baseline with carry-over; the drift and the planted effects are added.
  const truth: Record<string, number[]> = {
    'food.dairy': dairy,
    'food.fermented': fermented,
    'food.ultra_processed': ultra,
    'food.alcohol': alcohol,
    'servings.fibre_rich': fibre,
    'life.stress': stress,
    'life.sleepHours': sleep,
    'life.exercise': exercise,
    'custom.1': sunscreen,
    'custom.2': greenTea,
  };
  const outcomes: Record<string, number[]> = {};
  const base: Record<string, number> = {
    'skin.severity.1': 3.5,
    'skin.severity.2': 4.5,
    'skin.severity.3': 2.5,
    'gut.bloating': 3,
  };
  const trendSign: Record<string, number> = {
    'skin.severity.1': 0,
    'skin.severity.2': -1.5,
    'skin.severity.3': 1.2,
    'gut.bloating': 0,
  };
  const effectsOn = (key: string, t: number) => {
    let total = 0;
    for (const effect of options.effects) {
      if (effect.outcome !== key || t - effect.lag < 0) continue;
      const source = truth[effect.factor] ?? outcomes[effect.factor];
      if (!source) continue;
      const value = source[t - effect.lag]!;
      total += effect.size * (isYesNo(effect.factor) ? value : value - meanOf(source));
    }
    return total;
  };
  for (const key of ['skin.severity.1', 'skin.severity.2', 'skin.severity.3']) {
    let level = base[key]!;
    outcomes[key] = [];
    for (let t = 0; t < days; t++) {
      level = 0.75 * level + 0.25 * base[key]! + 0.8 * random.normal();
      outcomes[key].push(score(level + trendSign[key]! * season(t) + effectsOn(key, t)));
    }
  }
  outcomes['skin.itch'] = outcomes['skin.severity.2']!.map((e) => score(0.8 * e + 0.8 * random.normal()));
  let bloatingLevel = 3;
  outcomes['gut.bloating'] = [];
  for (let t = 0; t < days; t++) {
    bloatingLevel = clamp(0.6 * bloatingLevel + 0.4 * 3 + 1.2 * random.normal(), 0, 10);
    outcomes['gut.bloating'].push(score(bloatingLevel + effectsOn('gut.bloating', t)));
  }

  // What the person logged: whole days missing; on logged days, sometimes no meals or no lifestyle.
  const median = [...outcomes['skin.severity.2']!].sort((a, b) => a - b)[Math.floor(days / 2)]!;
  const series: DailySeries[] = [];
  const add = (
    key: string,
    label: string,
    kind: SeriesKind,
    group: SeriesGroup,
    role: SeriesRole,
    unit: string,
    values: (number | null)[],
  ) => series.push({ key, label, kind, group, role, unit, values });
  const mealsLogged = logged.map((on) => on && random.chance(0.92));
  const lifestyleLogged = logged.map((on) => on && random.chance(0.95));
  // Lazy logging: on good-skin days half the days' meals are noted in part; such days are not marked complete.
  const partial = mealsLogged.map(
    (on, t) => on && options.lazyLogging === true && outcomes['skin.severity.2']![t]! <= median && random.chance(0.5),
  );
  const food = (values: number[]) =>
    values.map((value, t) => {
      if (!mealsLogged[t]) return null;
      const listed = partial[t] ? (value > 0 && random.chance(0.4) ? value : 0) : value;
      // A partly noted day is left unmarked or marked incomplete; a complete one is ticked, or has all main meals.
      return options.naiveFood
        ? listed
        : foodValue(
            listed,
            partial[t] ? (random.chance(0.5) ? false : null) : random.chance(0.85) ? true : null,
            !partial[t],
          );
    });
  const life = (values: number[]) => values.map((value, t) => (lifestyleLogged[t] ? value : null));
  const daily = (values: number[]) => values.map((value, t) => (logged[t] ? value : null));

  add('food.dairy', 'Dairy', 'yesno', 'food', 'factor', '', food(dairy));
  add('food.fermented', 'Probiotic or fermented foods', 'yesno', 'food', 'factor', '', food(fermented));
  add('food.ultra_processed', 'Ultra-processed foods', 'yesno', 'food', 'factor', '', food(ultra));
  add('food.alcohol', 'Alcohol', 'yesno', 'food', 'factor', '', food(alcohol));
  add('food.caffeine', 'Caffeine', 'yesno', 'food', 'factor', '', food(alcohol.map((a) => 1 - a)));
  add('food.whole_grain', 'Whole grains', 'yesno', 'food', 'factor', '', food(wholeGrain));
  add(
    'servings.fermented',
    'Probiotic or fermented foods (servings)',
    'number',
    'servings',
    'factor',
    'servings',
    food(fermentedServings),
  );
  add('servings.fibre_rich', 'Fibre-rich foods (servings)', 'number', 'servings', 'factor', 'servings', food(fibre));
  add('life.stress', 'Stress', 'number', 'lifestyle', 'factor', SCORE, life(stress));
  add('life.mood', 'Mood', 'number', 'lifestyle', 'factor', SCORE, life(mood));
  add('life.sleepHours', 'Hours of sleep', 'number', 'lifestyle', 'factor', 'hours', life(sleep));
  add('life.exercise', 'Exercise', 'number', 'lifestyle', 'factor', 'minutes', life(exercise));
  add('custom.1', 'Sunscreen', 'yesno', 'custom', 'factor', '', daily(sunscreen));
  add('custom.2', 'Cups of green tea', 'number', 'custom', 'factor', 'cups', daily(greenTea));
  add('custom.3', 'Yogurt', 'yesno', 'custom', 'factor', '', food(yogurt));
  add('custom.4', 'Pizza', 'yesno', 'custom', 'factor', '', food(pizza));
  if (supplementFrom >= 0) {
    // Doses are ticked only once it was started (as in the app, where a treatment has a start date) — but here
    // the person also ticked "not taken" before, so the series is 0 … 0 1 … 1: a step.
    add(
      'treatment.1',
      'Zinc',
      'yesno',
      'treatment',
      'factor',
      '',
      daily(dairy.map((_, t) => (t >= supplementFrom ? 1 : 0))),
    );
  }
  add('skin.severity.1', 'Acne severity', 'number', 'skin', 'skin', SCORE, daily(outcomes['skin.severity.1']!));
  add('skin.severity.2', 'Eczema severity', 'number', 'skin', 'skin', SCORE, daily(outcomes['skin.severity.2']!));
  add('skin.severity.3', 'Rosacea severity', 'number', 'skin', 'skin', SCORE, daily(outcomes['skin.severity.3']!));
  add('skin.itch', 'Itch', 'number', 'skin', 'skin', SCORE, daily(outcomes['skin.itch']!));
  add('gut.bloating', 'Bloating', 'number', 'gut', 'gut', SCORE, daily(outcomes['gut.bloating']!));
  return { dates, series, effects: options.effects };
}

/** Which days are logged at all. */
function loggingPattern(kind: FamilyOptions['logging'], days: number, random: SeededRandom): boolean[] {
  if (kind === 'regular') return Array.from({ length: days }, () => !random.chance(0.08));
  // Bursts: a Markov chain staying logged with probability `stay`; its long-run share is `rate`.
  const rate = kind === 'irregular' ? 0.55 + 0.15 * random.next() : 0.75;
  const stay = 0.85;
  const resume = (rate * (1 - stay)) / (1 - rate);
  const logged: boolean[] = [];
  for (let t = 0; t < days; t++) logged.push(random.chance(t > 0 && logged[t - 1] ? stay : resume));
  if (kind === 'irregular') {
    // One or two holidays of 7–14 days with nothing logged.
    for (let h = random.int(1, 2); h > 0; h--) {
      const start = random.int(0, Math.max(0, days - 15));
      for (let t = start; t < Math.min(days, start + random.int(7, 14)); t++) logged[t] = false;
    }
  }
  return logged;
}

function isYesNo(key: string): boolean {
  return (
    key.startsWith('food.') ||
    key === 'custom.1' ||
    key === 'custom.3' ||
    key === 'custom.4' ||
    key.startsWith('treatment.')
  );
}

function meanOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function score(value: number): number {
  return Math.round(clamp(value, 0, 10));
}
