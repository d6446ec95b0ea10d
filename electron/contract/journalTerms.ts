/**
 * The journal's fixed vocabulary, shared by the core, the contract and the renderer (no zod here,
 * so the renderer can import it cheaply).
 */

export const FOOD_CATEGORIES = [
  'fibre_rich',
  'prebiotic',
  'fermented',
  'whole_grain',
  'fruit',
  'vegetable',
  'ultra_processed',
  'dairy',
  'added_sugar',
  'alcohol',
  'gluten',
  'caffeine',
  'spicy',
] as const;
export type FoodCategory = (typeof FOOD_CATEGORIES)[number];

export const FOOD_CATEGORY_LABELS: Record<FoodCategory, string> = {
  fibre_rich: 'Fibre-rich',
  prebiotic: 'Prebiotic',
  fermented: 'Probiotic / fermented',
  whole_grain: 'Whole grain',
  fruit: 'Fruit',
  vegetable: 'Vegetable',
  ultra_processed: 'Ultra-processed',
  dairy: 'Dairy',
  added_sugar: 'Added sugar',
  alcohol: 'Alcohol',
  gluten: 'Gluten',
  caffeine: 'Caffeine',
  spicy: 'Spicy',
};

export const BUILTIN_CONDITIONS = [
  { key: 'acne', name: 'Acne' },
  { key: 'eczema', name: 'Eczema' },
  { key: 'rosacea', name: 'Rosacea' },
  { key: 'psoriasis', name: 'Psoriasis' },
  { key: 'dryness', name: 'Dryness / irritation' },
] as const;

export const BODY_AREAS = [
  { key: 'forehead', label: 'Forehead' },
  { key: 'cheeks', label: 'Cheeks' },
  { key: 'nose', label: 'Nose' },
  { key: 'chin_jaw', label: 'Chin and jaw' },
  { key: 'around_eyes', label: 'Around the eyes' },
  { key: 'around_mouth', label: 'Around the mouth' },
  { key: 'scalp', label: 'Scalp' },
  { key: 'ears', label: 'Ears' },
  { key: 'neck', label: 'Neck' },
  { key: 'chest', label: 'Chest' },
  { key: 'back', label: 'Back' },
  { key: 'stomach', label: 'Stomach' },
  { key: 'arms', label: 'Arms' },
  { key: 'elbows', label: 'Elbow creases' },
  { key: 'hands', label: 'Hands' },
  { key: 'legs', label: 'Legs' },
  { key: 'knees', label: 'Knee backs' },
  { key: 'feet', label: 'Feet' },
  { key: 'groin', label: 'Groin and folds' },
] as const;
export type BodyArea = (typeof BODY_AREAS)[number]['key'];
export const BODY_AREA_KEYS = BODY_AREAS.map((area) => area.key) as unknown as readonly [BodyArea, ...BodyArea[]];

export const MEAL_KINDS = ['breakfast', 'lunch', 'dinner', 'snack', 'drink'] as const;
export type MealKind = (typeof MEAL_KINDS)[number];
export const MEAL_KIND_LABELS: Record<MealKind, string> = {
  breakfast: 'Breakfast',
  lunch: 'Lunch',
  dinner: 'Dinner',
  snack: 'Snack',
  drink: 'Drink',
};

/** The Bristol stool scale in the app's own plain words. */
export const STOOL_TYPES = [
  { type: 1, label: 'Separate hard lumps', hint: 'hard to pass; very constipated' },
  { type: 2, label: 'Lumpy and sausage-shaped', hint: 'slightly constipated' },
  { type: 3, label: 'Sausage with cracks on the surface', hint: 'normal' },
  { type: 4, label: 'Smooth and soft, like a snake', hint: 'normal' },
  { type: 5, label: 'Soft blobs with clear edges', hint: 'lacking fibre' },
  { type: 6, label: 'Fluffy, mushy pieces with ragged edges', hint: 'mild diarrhoea' },
  { type: 7, label: 'Entirely liquid, no solid pieces', hint: 'diarrhoea' },
] as const;

export const TREATMENT_KINDS = ['probiotic', 'supplement', 'topical', 'oral', 'other'] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];
export const TREATMENT_KIND_LABELS: Record<TreatmentKind, string> = {
  probiotic: 'Probiotic supplement',
  supplement: 'Other supplement',
  topical: 'Cream or ointment (on the skin)',
  oral: 'Medicine by mouth',
  other: 'Other',
};

export const FACTOR_KINDS = ['yesno', 'number', 'scale'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];
export const FACTOR_KIND_LABELS: Record<FactorKind, string> = {
  yesno: 'Yes / no',
  number: 'Number with a unit',
  scale: 'Scale from 0 to 10',
};

export const NOTE_MAX_LENGTH = 20_000;
export const PHOTO_MAX_BYTES = 25 * 1024 * 1024;
export const PHOTO_MAX_SIDE = 2048;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** The American Gut Project linked 30+ different plants a week to a more diverse gut microbiome. */
export const WEEKLY_PLANT_GOAL = 30;

const KIND_GUESSES: readonly [TreatmentKind, RegExp][] = [
  ['probiotic', /probiotic|lactobac|bifido|saccharomyces|acidophilus|\bkefir\b|\bsymprove\b|\byakult\b/i],
  [
    'topical',
    /cream|ointment|\bgel\b|lotion|serum|balm|emollient|moisturi[sz]er|topical|\bwash\b|cleanser|sunscreen|\bspf\b|tretinoin|adapalene|benzoyl|azelaic|hydrocortisone|tacrolimus|pimecrolimus|ivermectin|metronidazole gel|\bdrops?\b|\bspray\b|shampoo/i,
  ],
  [
    'supplement',
    /supplement|vitamin|\bzinc\b|omega|fish oil|magnesium|collagen|\biron\b|\bd3\b|\bb12\b|biotin|prebiotic|psyllium|\binulin\b|fibre|fiber|evening primrose|turmeric|curcumin|selenium|multivit/i,
  ],
  [
    'oral',
    /tablet|\bpill\b|capsule|antibiotic|doxycycline|minocycline|lymecycline|isotretinoin|accutane|roaccutane|spironolactone|metformin|antihistamine|cetirizine|loratadine|fexofenadine|prednisolone|methotrexate|ciclosporin|cyclosporine|dupilumab|contraceptive/i,
  ],
];

/**
 * A sensible kind for a treatment from its name ("Probiotic" is a probiotic supplement, "Aloe
 * cream" is on the skin), or null when the name does not say — then the person is asked.
 */
export function guessTreatmentKind(name: string): TreatmentKind | null {
  for (const [kind, pattern] of KIND_GUESSES) if (pattern.test(name)) return kind;
  return null;
}

/**
 * A food of the person's own with no category and not marked a plant: it counts toward no
 * servings, no plant total and no food factor, so the app asks for its categories.
 */
export function needsCategories(food: { builtin: boolean; plant: boolean; categories: readonly string[] }): boolean {
  return !food.builtin && !food.plant && food.categories.length === 0;
}

/** What the journal methods return (their inputs are the zod schemas in journal.ts). */

export interface CalendarDay {
  date: string;
  /** Highest severity of any condition that day, or null if none was recorded. */
  maxSeverity: number | null;
  flare: boolean;
  hasNotes: boolean;
}

export interface DaySummary extends CalendarDay {
  conditionScores: { conditionId: number; severity: number | null }[];
  stress: number | null;
  notesPreview: string;
  forDermatologist: boolean;
}

export interface SearchHit {
  date: string;
  /** The note around the match; matched words are wrapped in \u0001 … \u0002 (render as text). */
  snippet: string;
  forDermatologist: boolean;
}

export interface Condition {
  id: number;
  name: string;
  builtin: boolean;
  tracked: boolean;
}

export interface Food {
  id: number;
  name: string;
  builtin: boolean;
  plant: boolean;
  archived: boolean;
  categories: FoodCategory[];
  /** How often it was logged (for ranking suggestions). */
  timesUsed: number;
  lastUsed: string | null;
}

export interface Treatment {
  id: number;
  name: string;
  kind: TreatmentKind;
  dose: string;
  startedOn: string | null;
  stoppedOn: string | null;
}

export interface CustomFactor {
  id: number;
  name: string;
  kind: FactorKind;
  unit: string;
  archived: boolean;
}

/** A meal saved under a name, to add to a day with one action. */
export interface UsualMeal {
  id: number;
  name: string;
  kind: MealKind;
  foods: { foodId: number; servings: number }[];
}

export interface JournalSettings {
  trackCycle: boolean;
}
