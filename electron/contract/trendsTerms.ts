/**
 * Trends vocabulary and shapes: the daily series every chart, the insights engine, the report and
 * the CSV export read (`trends.series`). Free of zod so the renderer can import it cheaply.
 */

export type SeriesKind = 'yesno' | 'number';
export type SeriesGroup = 'skin' | 'gut' | 'food' | 'servings' | 'treatment' | 'lifestyle' | 'custom';
/**
 * What insights does with a series: `factor` (something you do or take), `skin` and `gut`
 * (outcomes; skin measures are also factors in the skin → gut direction), `none` (shown only).
 */
export type SeriesRole = 'factor' | 'skin' | 'gut' | 'none';

/** One value per calendar day, exactly as insights sees it. Missing days are null, never zero. */
export interface DailySeries {
  /** Stable id, e.g. `skin.severity.2`, `food.dairy`, `servings.fermented`, `life.stress`, `custom.4`. */
  key: string;
  /** "Acne severity", "Dairy", "Stress" … */
  label: string;
  kind: SeriesKind;
  group: SeriesGroup;
  role: SeriesRole;
  /** "points (0–10)", "servings", "hours", "minutes", "glasses", "" for yes/no. */
  unit: string;
  /** yes/no series hold 1 or 0; one entry per date of `TrendsData.dates`. */
  values: (number | null)[];
}

export interface TrendsData {
  from: string;
  to: string;
  /** Every calendar day from `from` to `to`, logged or not. */
  dates: string[];
  series: DailySeries[];
  /** How often each stool type (index 0 = type 1 … index 6 = type 7) was logged in the range. */
  stoolTypeCounts: number[];
  /** Tracked conditions with their series keys (severity, itch, flare marks). */
  conditions: { id: number; name: string; severityKey: string; itchKey: string; flareKey: string }[];
  /** Days with an entry in the range, and the first and last logged day of the whole journal. */
  daysLogged: number;
  firstLogged: string | null;
  lastLogged: string | null;
}

/** Food categories as names of daily series ("Probiotic or fermented foods"): they read well alone and in a sentence. */
export const FOOD_SERIES_LABELS: Record<string, string> = {
  fibre_rich: 'Fibre-rich foods',
  prebiotic: 'Prebiotic foods',
  fermented: 'Probiotic or fermented foods',
  whole_grain: 'Whole grains',
  fruit: 'Fruit',
  vegetable: 'Vegetables',
  ultra_processed: 'Ultra-processed foods',
  dairy: 'Dairy',
  added_sugar: 'Added sugar',
  alcohol: 'Alcohol',
  gluten: 'Gluten',
  caffeine: 'Caffeine',
  spicy: 'Spicy food',
};
