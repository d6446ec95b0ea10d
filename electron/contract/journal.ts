import { z } from 'zod';
import {
  BODY_AREA_KEYS,
  FACTOR_KINDS,
  FOOD_CATEGORIES,
  MEAL_KINDS,
  NOTE_MAX_LENGTH,
  TREATMENT_KINDS,
  type FoodCategory,
} from './journalTerms';
import { formatCount } from './words';

export const isoDate = z
  .string({ error: 'Please give a date.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date must look like 2026-03-14.')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'That date does not exist.');

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time must look like 08:30.');
const id = z.number().int().positive();

function score(label: string) {
  return z
    .number({ error: `${label} must be a number from 0 to 10.` })
    .int(`${label} must be a whole number from 0 to 10.`)
    .min(0, `${label} must be between 0 and 10.`)
    .max(10, `${label} must be between 0 and 10.`)
    .nullable();
}

function amount(label: string, max: number, integer = true) {
  const base = z
    .number({ error: `${label} must be a number.` })
    .min(0, `${label} cannot be negative.`)
    .max(max, `${label} can be at most ${max}.`);
  return (integer ? base.int(`${label} must be a whole number.`) : base).nullable();
}

export const skinScoreInput = z
  .object({
    conditionId: id,
    severity: score('Severity'),
    itch: score('Itch'),
    sleepLost: score('Sleep lost to itch'),
    newLesions: amount('New spots', 500),
    flare: z.boolean(),
    areas: z
      .array(z.enum(BODY_AREA_KEYS, { error: 'That body area is not one the app knows.' }))
      .max(BODY_AREA_KEYS.length),
  })
  .strict();

export const mealInput = z
  .object({
    kind: z.enum(MEAL_KINDS, { error: 'Choose breakfast, lunch, dinner, snack or drink.' }),
    time: clock.nullable(),
    foods: z
      .array(
        z
          .object({
            foodId: id,
            servings: z.number().gt(0, 'Servings must be more than 0.').max(20, 'Servings can be at most 20.'),
          })
          .strict(),
      )
      .max(60, 'A meal can hold at most 60 foods.'),
  })
  .strict();

export const dayEntryInput = z
  .object({
    date: isoDate,
    skin: z.array(skinScoreInput).max(30),
    meals: z.array(mealInput).max(30, 'A day can hold at most 30 meals and snacks.'),
    /** "I logged everything I ate today": true, false, or null when not answered (insights then uses the main meals). */
    mealsComplete: z
      .boolean({ error: 'Whether everything eaten was logged must be yes, no or not answered.' })
      .nullable()
      .default(null),
    bowelMovements: z
      .array(
        z
          .object({
            time: clock.nullable(),
            bristol: z.number().int().min(1, 'Stool type is 1 to 7.').max(7, 'Stool type is 1 to 7.'),
          })
          .strict(),
      )
      .max(20),
    gut: z
      .object({
        bloating: score('Bloating'),
        discomfort: score('Tummy discomfort'),
        waterGlasses: amount('Glasses of water', 40),
      })
      .strict(),
    lifestyle: z
      .object({
        stress: score('Stress'),
        sleepHours: amount('Hours of sleep', 24, false),
        sleepQuality: score('Sleep quality'),
        exerciseMinutes: amount('Exercise minutes', 1440),
        relaxationMinutes: amount('Relaxation minutes', 1440),
        mood: score('Mood'),
        meditationMinutes: amount('Meditation minutes', 1440),
        cycleDay: z.number().int().min(1, 'Cycle day is 1 to 60.').max(60, 'Cycle day is 1 to 60.').nullable(),
      })
      .strict(),
    treatments: z.array(z.object({ treatmentId: id, taken: z.boolean() }).strict()).max(100),
    custom: z.array(z.object({ factorId: id, value: z.number().finite().nullable() }).strict()).max(100),
    notes: z.string().max(NOTE_MAX_LENGTH, `Notes can be at most ${formatCount(NOTE_MAX_LENGTH)} characters.`),
    notesForDermatologist: z.boolean(),
  })
  .strict();

export type DayEntry = z.output<typeof dayEntryInput>;
export type SkinScore = DayEntry['skin'][number];
export type Meal = DayEntry['meals'][number];

/** A day as shown: what was entered plus what is derived from it (never typed twice). */
export interface DayView {
  entry: DayEntry;
  /** False when nothing has been saved for this date yet. */
  saved: boolean;
  updatedAt: string | null;
  derived: {
    servingsByCategory: Partial<Record<FoodCategory, number>>;
    plantsToday: number;
    /** Different plant foods from Monday of this week up to this day. */
    plantsThisWeek: number;
  };
}

export * from './journalTerms';

const name = (what: string, max: number) =>
  z
    .string({ error: `Please give the ${what} a name.` })
    .trim()
    .min(1, `Please give the ${what} a name.`)
    .max(max, `That name is too long (at most ${max} characters).`);

export const journalSchemas = {
  date: z.object({ date: isoDate }).strict(),
  month: z.object({ year: z.number().int().min(1900).max(2200), month: z.number().int().min(1).max(12) }).strict(),
  list: z.object({ before: isoDate.optional(), limit: z.number().int().min(1).max(400).default(60) }).strict(),
  search: z
    .object({
      query: z.string().trim().min(1, 'Type a word to search for.').max(200, 'That search is too long.'),
      limit: z.number().int().min(1).max(200).default(50),
    })
    .strict(),
  saveCondition: z.object({ id: id.optional(), name: name('condition', 60), tracked: z.boolean() }).strict(),
  suggestFoods: z
    .object({
      query: z.string().max(80).default(''),
      limit: z.number().int().min(1).max(50).default(12),
      /** Rank the foods usually eaten at this kind of meal first. */
      meal: z.enum(MEAL_KINDS, { error: 'Choose breakfast, lunch, dinner, snack or drink.' }).optional(),
    })
    .strict(),
  saveFood: z
    .object({
      id: id.optional(),
      name: name('food', 80),
      plant: z.boolean(),
      categories: z
        .array(z.enum(FOOD_CATEGORIES, { error: 'That food category is not one the app knows.' }))
        .max(FOOD_CATEGORIES.length),
    })
    .strict(),
  archive: z.object({ id, archived: z.boolean() }).strict(),
  saveTreatment: z
    .object({
      id: id.optional(),
      name: name('treatment', 80),
      kind: z.enum(TREATMENT_KINDS, { error: 'Choose what kind of treatment this is.' }),
      dose: z.string().trim().max(200, 'The dose text is too long (at most 200 characters).'),
      startedOn: isoDate.nullable(),
      stoppedOn: isoDate.nullable(),
    })
    .strict()
    .refine((t) => !t.startedOn || !t.stoppedOn || t.stoppedOn >= t.startedOn, {
      message: 'The stop date is before the start date.',
    }),
  saveFactor: z
    .object({
      id: id.optional(),
      name: name('factor', 60),
      kind: z.enum(FACTOR_KINDS, { error: 'Choose yes/no, a number or a 0–10 scale.' }),
      unit: z.string().trim().max(20, 'The unit is too long (at most 20 characters).').default(''),
      archived: z.boolean().default(false),
    })
    .strict(),
  settings: z.object({ trackCycle: z.boolean() }).strict(),
  saveUsualMeal: z
    .object({
      id: id.optional(),
      name: name('usual meal', 60),
      kind: z.enum(MEAL_KINDS, { error: 'Choose breakfast, lunch, dinner, snack or drink.' }),
      foods: mealInput.shape.foods.min(1, 'A usual meal needs at least one food.'),
    })
    .strict(),
  deleteUsualMeal: z.object({ id }).strict(),
};

export type UsualMealInput = z.output<typeof journalSchemas.saveUsualMeal>;
