import type { DayEntry } from '../../contract/journal';
import type { Dispatch } from '../api/dispatch';
import { addDays } from '../journal/dates';
import { emptyDay } from '../day/days';
import { SeededRandom } from './random';

export interface DemoOptions {
  days: number;
  seed: number;
  /** Plant the documented effects (false: the same kind of data with no effect at all). */
  effects: boolean;
  /** The last day of the journal (YYYY-MM-DD), usually today. */
  endDate: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The effects planted in demo data, so later statistics can be checked against a known truth.
 * Everything else is noise with day-to-day carry-over.
 */
export const PLANTED_EFFECTS = [
  {
    factor: 'dairy',
    outcome: 'Acne severity',
    lagDays: 2,
    change: +2,
    text: 'Dairy raises acne by 2 points two days later.',
  },
  {
    factor: 'fermented',
    outcome: 'Eczema severity',
    lagDays: 3,
    change: -1.5,
    text: 'Fermented foods lower eczema by 1.5 points three days later.',
  },
  {
    factor: 'stress',
    outcome: 'Rosacea severity',
    lagDays: 0,
    change: +2,
    text: 'A high-stress day (stress 6 or more) raises rosacea by 2 points the same day.',
  },
];

const BREAKFASTS: readonly (readonly string[])[] = [
  ['Oats', 'Banana', 'Milk'],
  ['Oats', 'Blueberries', 'Greek yogurt'],
  ['Wholemeal bread', 'Peanut butter'],
  ['White bread', 'Butter', 'Jam'],
  ['Eggs', 'Sourdough bread', 'Avocado'],
  ['Muesli', 'Apple'],
  ['Breakfast cereal (sweetened)', 'Milk'],
];
const LUNCHES: readonly (readonly string[])[] = [
  ['Lentils', 'Carrots', 'Onion', 'Brown rice'],
  ['Chicken', 'Spinach', 'Tomato', 'Cucumber'],
  ['Wholemeal bread', 'Tuna', 'Lettuce'],
  ['Chickpeas', 'Quinoa', 'Bell pepper', 'Olive oil'],
  ['White bread', 'Ham', 'Crisps'],
  ['Pasta', 'Tomato', 'Garlic', 'Broccoli'],
  ['Instant noodles'],
];
const DINNERS: readonly (readonly string[])[] = [
  ['Salmon', 'Potatoes', 'Green beans'],
  ['Chicken', 'Brown rice', 'Broccoli', 'Garlic'],
  ['Tofu', 'Brown rice', 'Kale', 'Ginger', 'Soy sauce'],
  ['Beef', 'Sweet potato', 'Peas'],
  ['Black beans', 'Tortilla wrap', 'Bell pepper', 'Onion'],
  ['Pizza'],
  ['Pasta', 'Beef', 'Onion', 'Tomato', 'Mushrooms'],
  ['Cod', 'Leek', 'Potatoes', 'Asparagus'],
];
const DAIRY_ADDS: readonly string[] = ['Cheddar cheese', 'Ice cream', 'Milk', 'Mozzarella', 'Cream'];
const FERMENTED_ADDS: readonly string[] = ['Kefir', 'Kimchi', 'Sauerkraut', 'Miso', 'Kombucha', 'Yogurt'];
const SNACKS: readonly (readonly string[])[] = [
  ['Apple'],
  ['Almonds'],
  ['Chocolate bar'],
  ['Walnuts', 'Pear'],
  ['Biscuits'],
  ['Carrots', 'Hummus'],
  ['Banana'],
];
const DRINKS: readonly (readonly string[])[] = [['Coffee'], ['Black tea'], ['Green tea'], ['Beer'], ['Red wine']];
const NOTES: readonly string[] = [
  'Busy day at work, skipped lunch.',
  'Tried a new moisturiser tonight.',
  'Slept badly, woke up itchy around 3 am.',
  'Chin breakout again — two new spots.',
  'Face felt hot and flushed after the meeting.',
  'Lovely walk in the park, skin calmer.',
  'Elbow creases cracked and sore.',
  'Ate out with friends; lots of cheese.',
  'Stressful deadline. Cheeks red by evening.',
  'Period started today.',
];

interface DemoIds {
  conditions: { acne: number; eczema: number; rosacea: number };
  foods: Map<string, number>;
  probiotic: number;
  emollient: number;
  sunscreen: number;
}

/**
 * Fills an unlocked journal with realistic synthetic days through the contract (so every day
 * is validated like one typed by a person). Random draws never depend on `effects`, so the
 * same seed gives the same diet, stress and noise with or without the planted effects.
 */
export async function generateDemoJournal(dispatch: Dispatch, options: DemoOptions): Promise<{ daysWritten: number }> {
  const ids = await setUp(dispatch, options.endDate, options.days);
  const random = new SeededRandom(options.seed);
  const start = addDays(options.endDate, -(options.days - 1));
  const dairy: boolean[] = [];
  const fermented: boolean[] = [];
  let stressLevel = 4;
  const baseline = { acne: 3.5, eczema: 4.5, rosacea: 2.5 };
  const level = { ...baseline };
  const wander = { bloating: 3, sleep: 7 };
  const eczemaThisWeek: number[] = [];
  let written = 0;

  for (let i = 0; i < options.days; i++) {
    const date = addDays(start, i);
    // Every random draw for the day happens first, whatever is kept.
    const draws = Array.from({ length: 40 }, () => random.next());
    const normals = Array.from({ length: 12 }, () => random.normal());
    const pick = <T>(items: readonly T[], k: number): T => items[Math.floor(draws[k]! * items.length)]!;

    const dairyToday = draws[0]! < (dairy[i - 1] ? 0.6 : 0.35);
    const fermentedToday = draws[1]! < (fermented[i - 1] ? 0.5 : 0.3);
    dairy.push(dairyToday);
    fermented.push(fermentedToday);
    stressLevel = clamp(0.65 * stressLevel + 0.35 * 4.5 + 1.6 * normals[0]!, 0, 10);
    const stress = Math.round(stressLevel);

    // Skin: each condition wanders around its baseline with carry-over, plus the planted effects.
    level.acne = 0.75 * level.acne + 0.25 * baseline.acne + 0.8 * normals[1]!;
    level.eczema = 0.75 * level.eczema + 0.25 * baseline.eczema + 0.8 * normals[2]!;
    level.rosacea = 0.7 * level.rosacea + 0.3 * baseline.rosacea + 0.7 * normals[3]!;
    const effect = (on: boolean, size: number) => (options.effects && on ? size : 0);
    const acne = score(level.acne + effect(dairy[i - 2] === true, 2));
    const eczema = score(level.eczema + effect(fermented[i - 3] === true, -1.5));
    const rosacea = score(level.rosacea + effect(stress >= 6, 2));
    const itch = score(eczema * 0.8 + 0.8 * normals[4]!);

    wander.bloating = clamp(0.6 * wander.bloating + 0.4 * 3 + 1.2 * normals[5]!, 0, 10);
    wander.sleep = clamp(0.5 * wander.sleep + 0.5 * 7.1 + 0.7 * normals[6]!, 3, 10);

    // About one day in twelve is not logged at all: missing days stay missing.
    if (draws[2]! < 0.08) continue;

    const meals: DayEntry['meals'] = [];
    const meal = (kind: DayEntry['meals'][number]['kind'], time: string, names: readonly string[]) => {
      const foods = [...new Set(names)].map((name) => ({ foodId: food(ids, name), servings: 1 }));
      meals.push({ kind, time, foods });
    };
    meal('breakfast', '07:30', withoutDairy(pick(BREAKFASTS, 3), dairyToday));
    const lunch = [...pick(LUNCHES, 4)];
    const dinner = [...withoutDairy(pick(DINNERS, 5), dairyToday)];
    if (dairyToday) dinner.push(pick(DAIRY_ADDS, 6));
    if (fermentedToday) lunch.push(pick(FERMENTED_ADDS, 7));
    meal('lunch', '12:45', lunch);
    meal('dinner', '19:00', dinner);
    if (draws[8]! < 0.6) meal('snack', '16:00', pick(SNACKS, 9));
    meal(
      'drink',
      '10:00',
      pick(DRINKS, 10).filter((name) => dairyToday || name !== 'Milk'),
    );

    const movements: DayEntry['bowelMovements'] = [];
    const count = draws[11]! < 0.15 ? 0 : draws[11]! < 0.8 ? 1 : 2;
    for (let m = 0; m < count; m++) {
      movements.push({
        time: m === 0 ? '08:15' : '18:30',
        bristol: clampInt(Math.round(4 + 1.1 * normals[7 + m]!), 1, 7),
      });
    }

    const withFlare = (severity: number) => severity >= 7;
    const entry: DayEntry = {
      ...emptyDay(date),
      skin: [
        {
          conditionId: ids.conditions.acne,
          severity: acne,
          itch: null,
          sleepLost: null,
          newLesions: Math.max(0, Math.round((acne - 2) * 0.8 + draws[12]! * 2)),
          flare: withFlare(acne),
          areas: ['chin_jaw', 'forehead'],
        },
        {
          conditionId: ids.conditions.eczema,
          severity: eczema,
          itch,
          sleepLost: score(itch - 3 + draws[13]! * 2),
          newLesions: null,
          flare: withFlare(eczema),
          areas: ['elbows', 'hands'],
        },
        {
          conditionId: ids.conditions.rosacea,
          severity: rosacea,
          itch: null,
          sleepLost: null,
          newLesions: null,
          flare: withFlare(rosacea),
          areas: ['cheeks', 'nose'],
        },
      ],
      meals,
      mealsComplete: true,
      bowelMovements: movements,
      gut: {
        bloating: Math.round(wander.bloating),
        discomfort: score(wander.bloating * 0.6 + normals[9]!),
        waterGlasses: clampInt(Math.round(6 + 2 * normals[10]!), 0, 15),
      },
      lifestyle: {
        stress,
        sleepHours: Math.round(wander.sleep * 2) / 2,
        sleepQuality: score(wander.sleep - 1 + normals[11]!),
        exerciseMinutes: draws[14]! < 0.45 ? 15 * clampInt(Math.round(draws[15]! * 4) + 1, 1, 5) : 0,
        relaxationMinutes: draws[16]! < 0.3 ? 20 : 0,
        mood: score(7 - stress * 0.35 + draws[17]! * 2),
        meditationMinutes: draws[18]! < 0.25 ? 10 : 0,
        cycleDay: null,
      },
      treatments: [
        { treatmentId: ids.emollient, taken: draws[19]! < 0.8 },
        ...(i >= 60 ? [{ treatmentId: ids.probiotic, taken: draws[20]! < 0.85 }] : []),
      ],
      custom: [{ factorId: ids.sunscreen, value: draws[21]! < 0.5 ? 1 : 0 }],
      notes: draws[22]! < 0.15 ? pick(NOTES, 23) : '',
      notesForDermatologist: draws[24]! < 0.05,
    };
    const result = await dispatch('day.save', entry);
    if (!result.ok) throw new Error(`Demo day ${date} was refused: ${result.error.message}`);
    written++;
    eczemaThisWeek.push(eczema);
    if (i % 7 === 6) {
      // A weekly eczema check (POEM) that follows the week's eczema; no extra random draws.
      const check = await dispatch('poem.save', { date, answers: poemAnswers(eczemaThisWeek) });
      if (!check.ok) throw new Error(`Demo eczema check ${date} was refused: ${check.error.message}`);
      eczemaThisWeek.length = 0;
    }
    options.onProgress?.(i + 1, options.days);
  }
  return { daysWritten: written };
}

async function setUp(dispatch: Dispatch, endDate: string, days: number): Promise<DemoIds> {
  const call = async <T>(method: string, input?: unknown): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`Demo set-up failed (${method}): ${result.error.message}`);
    return result.value as T;
  };
  let conditions = await call<{ id: number; name: string }[]>('conditions.list');
  const conditionId = async (name: string) => {
    const found = conditions.find((c) => c.name === name)!;
    conditions = await call('conditions.save', { id: found.id, name, tracked: true });
    return found.id;
  };
  const acne = await conditionId('Acne');
  const eczema = await conditionId('Eczema');
  const rosacea = await conditionId('Rosacea');
  const start = addDays(endDate, -(days - 1));
  const treatments = await call<{ id: number; name: string }[]>('treatments.save', {
    name: 'Emollient cream',
    kind: 'topical',
    dose: 'twice a day',
    startedOn: start,
    stoppedOn: null,
  });
  const withProbiotic = await call<{ id: number; name: string }[]>('treatments.save', {
    name: 'Probiotic capsule',
    kind: 'probiotic',
    dose: '1 capsule in the morning',
    startedOn: addDays(start, 60),
    stoppedOn: null,
  });
  const factors = await call<{ id: number }[]>('factors.save', {
    name: 'Sunscreen',
    kind: 'yesno',
    unit: '',
    archived: false,
  });
  const foods = new Map((await call<{ id: number; name: string }[]>('foods.list')).map((f) => [f.name, f.id]));
  return {
    conditions: { acne, eczema, rosacea },
    foods,
    emollient: treatments.find((t) => t.name === 'Emollient cream')!.id,
    probiotic: withProbiotic.find((t) => t.name === 'Probiotic capsule')!.id,
    sunscreen: factors[0]!.id,
  };
}

function food(ids: DemoIds, name: string): number {
  const id = ids.foods.get(name);
  if (id === undefined) throw new Error(`The demo uses "${name}", which is not in the food library.`);
  return id;
}

/** On a dairy-free day, meals are the same minus their dairy items. */
function withoutDairy(names: readonly string[], dairyToday: boolean): string[] {
  const dairy = new Set([
    'Milk',
    'Greek yogurt',
    'Butter',
    'Cheddar cheese',
    'Cream',
    'Mozzarella',
    'Ice cream',
    'Pizza',
    'Yogurt',
  ]);
  return dairyToday ? [...names] : names.filter((name) => !dairy.has(name));
}

/** POEM answers (0–4 by number of days) that rise with the week's average eczema severity. */
function poemAnswers(severities: readonly number[]): number[] {
  const average = severities.reduce((sum, value) => sum + value, 0) / Math.max(1, severities.length);
  // itch, sleep, bleeding, weeping, cracked, flaking, dry: some symptoms come sooner than others.
  const offsets = [0.6, -0.2, -1.6, -1.3, -0.6, -0.1, 0.8];
  return offsets.map((offset) => clampInt(average / 2.2 + offset, 0, 4));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function clampInt(value: number, min: number, max: number): number {
  return Math.round(clamp(value, min, max));
}

function score(value: number): number {
  return clampInt(value, 0, 10);
}
