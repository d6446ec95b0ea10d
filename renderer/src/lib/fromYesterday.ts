import type { DayEntry } from '$contract';

/**
 * "Start from yesterday": values copied from the day before are a draft. They are shown on the
 * day (marked "from yesterday") but left out of every save until the person confirms them or
 * touches them (changes a copied value: that value is then theirs and saves). Nothing
 * unconfirmed reaches the database, so statistics, the report and exports never count a copy as
 * recorded; after a lock or crash an unconfirmed copy is simply gone, and one click brings it
 * back. Pure functions over plain entries, so every rule is unit-tested.
 */

export type CopyPart = 'meals' | 'treatments' | 'lifestyle';
export const COPY_PARTS: readonly CopyPart[] = ['meals', 'treatments', 'lifestyle'];

/** The lifestyle values a copy carries (meditation comes from the timer, the cycle day moves on). */
export const COPIED_LIFESTYLE = [
  'stress',
  'mood',
  'sleepHours',
  'sleepQuality',
  'exerciseMinutes',
  'relaxationMinutes',
] as const;
export type CopiedLifestyleKey = (typeof COPIED_LIFESTYLE)[number];

export interface DayDraft {
  /** Each copied meal as JSON; a meal of the day that still equals one of these is unconfirmed. */
  meals: string[];
  /** Copied treatment answers by treatment id. */
  treatments: Record<number, boolean>;
  lifestyle: Partial<Record<CopiedLifestyleKey, number>>;
}

export function emptyDraft(): DayDraft {
  return { meals: [], treatments: {}, lifestyle: {} };
}

export function draftSize(draft: DayDraft): number {
  return draft.meals.length + Object.keys(draft.treatments).length + Object.keys(draft.lifestyle).length;
}

type Meal = DayEntry['meals'][number];
const mealKey = (meal: Meal) =>
  JSON.stringify({ kind: meal.kind, time: meal.time, foods: meal.foods.map((f) => [f.foodId, f.servings]) });

/** What yesterday holds for each part (to offer only what exists). */
export function copyableCounts(yesterday: DayEntry, treatmentIdsInUse: readonly number[]): Record<CopyPart, number> {
  const inUse = new Set(treatmentIdsInUse);
  return {
    meals: yesterday.meals.filter((m) => m.foods.length > 0).length,
    treatments: yesterday.treatments.filter((t) => inUse.has(t.treatmentId)).length,
    lifestyle: COPIED_LIFESTYLE.filter((key) => yesterday.lifestyle[key] !== null).length,
  };
}

/** Whether the day has nothing yet in the parts a copy would fill. */
export function isEmptyForCopy(day: DayEntry): boolean {
  return (
    day.meals.length === 0 &&
    day.treatments.length === 0 &&
    COPIED_LIFESTYLE.every((key) => day.lifestyle[key] === null)
  );
}

/**
 * Copies the chosen parts of yesterday into the day, only where the day has nothing yet, and
 * returns the draft that marks them. Mutates `day` (the editor's state) and returns the draft.
 */
export function copyFromYesterday(
  day: DayEntry,
  yesterday: DayEntry,
  parts: ReadonlySet<CopyPart>,
  treatmentIdsInUse: readonly number[],
): DayDraft {
  const draft = emptyDraft();
  if (parts.has('meals')) {
    for (const meal of yesterday.meals) {
      if (meal.foods.length === 0) continue;
      const copy: Meal = {
        kind: meal.kind,
        time: meal.time,
        foods: meal.foods.map((f) => ({ foodId: f.foodId, servings: f.servings })),
      };
      day.meals.push(copy);
      draft.meals.push(mealKey(copy));
    }
  }
  if (parts.has('treatments')) {
    const inUse = new Set(treatmentIdsInUse);
    for (const t of yesterday.treatments) {
      if (!inUse.has(t.treatmentId) || day.treatments.some((d) => d.treatmentId === t.treatmentId)) continue;
      day.treatments.push({ treatmentId: t.treatmentId, taken: t.taken });
      draft.treatments[t.treatmentId] = t.taken;
    }
  }
  if (parts.has('lifestyle')) {
    for (const key of COPIED_LIFESTYLE) {
      const value = yesterday.lifestyle[key];
      if (value === null || day.lifestyle[key] !== null) continue;
      day.lifestyle[key] = value;
      draft.lifestyle[key] = value;
    }
  }
  return draft;
}

/** Which of the day's meals are still unconfirmed copies (by position). */
export function unconfirmedMeals(day: DayEntry, draft: DayDraft): boolean[] {
  const left = [...draft.meals];
  return day.meals.map((meal) => {
    const at = left.indexOf(mealKey(meal));
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  });
}

/** Drops from the draft every copied value the person has since changed (it is theirs now). */
export function pruneDraft(day: DayEntry, draft: DayDraft): DayDraft {
  const left = [...draft.meals];
  const meals: string[] = [];
  for (const meal of day.meals) {
    const at = left.indexOf(mealKey(meal));
    if (at >= 0) meals.push(...left.splice(at, 1));
  }
  const treatments: Record<number, boolean> = {};
  for (const [id, taken] of Object.entries(draft.treatments)) {
    if (day.treatments.find((t) => t.treatmentId === Number(id))?.taken === taken) treatments[Number(id)] = taken;
  }
  const lifestyle: DayDraft['lifestyle'] = {};
  for (const key of COPIED_LIFESTYLE) {
    const copied = draft.lifestyle[key];
    if (copied !== undefined && day.lifestyle[key] === copied) lifestyle[key] = copied;
  }
  return { meals, treatments, lifestyle };
}

/** The day as it may be saved: every unconfirmed copy left out (not recorded, never zero). */
export function withoutUnconfirmed(day: DayEntry, draft: DayDraft): DayEntry {
  if (draftSize(draft) === 0) return day;
  const drafted = unconfirmedMeals(day, draft);
  const lifestyle = { ...day.lifestyle };
  for (const key of COPIED_LIFESTYLE)
    if (draft.lifestyle[key] !== undefined && lifestyle[key] === draft.lifestyle[key]) lifestyle[key] = null;
  return {
    ...day,
    meals: day.meals.filter((_, i) => !drafted[i]),
    treatments: day.treatments.filter((t) => draft.treatments[t.treatmentId] !== t.taken),
    lifestyle,
  };
}

/** Takes the copy back out of the day (the "Undo the copy" button). Mutates `day`. */
export function discardCopy(day: DayEntry, draft: DayDraft): void {
  const drafted = unconfirmedMeals(day, draft);
  for (let i = day.meals.length - 1; i >= 0; i--) if (drafted[i]) day.meals.splice(i, 1);
  for (let i = day.treatments.length - 1; i >= 0; i--) {
    const t = day.treatments[i]!;
    if (draft.treatments[t.treatmentId] === t.taken) day.treatments.splice(i, 1);
  }
  for (const key of COPIED_LIFESTYLE)
    if (draft.lifestyle[key] !== undefined && day.lifestyle[key] === draft.lifestyle[key]) day.lifestyle[key] = null;
}
