import type { DailySeries, SeriesGroup } from '$contract/trendsTerms';
import { MAX_LAG_LIMIT } from '$contract/insightsTerms';
import { oneDecimal, plural, round, type TrendsView } from './series';
import { periodWords } from './skinChart';
import { dailyTable, type TableModel } from './table';
import { axisFor, titleWithUnit, type TimeChartSpec, type TrendsColors } from './timeChart';

/**
 * The link explorer: one skin or gut measure as a line, any factor as bars on a second axis,
 * shifted by a number of days so a delayed link lines up by eye. Pure: tested in
 * tests/unit/trends-link.test.ts.
 */

export interface LinkState {
  /** Series key of the measure (a skin or gut series). */
  measure: string;
  /** Series key of the overlaid factor, or '' for none. */
  overlay: string;
  /** Days the factor is moved later (negative: earlier). */
  shift: number;
}

export const NO_OVERLAY = '';
export const MAX_SHIFT = MAX_LAG_LIMIT;

export interface SeriesOption {
  key: string;
  label: string;
}

export interface OptionGroup {
  label: string;
  options: SeriesOption[];
}

const GROUP_LABELS: Record<SeriesGroup, string> = {
  food: 'Food eaten (yes or no)',
  servings: 'Servings and plants',
  treatment: 'Treatments and supplements taken',
  lifestyle: 'Lifestyle',
  custom: 'Your own factors',
  skin: 'Skin',
  gut: 'Gut',
};
const OVERLAY_ORDER: readonly SeriesGroup[] = ['food', 'servings', 'treatment', 'lifestyle', 'custom', 'gut', 'skin'];

/** Skin and gut series: what can be the measure. */
export function measureOptions(series: readonly DailySeries[]): OptionGroup[] {
  return (['skin', 'gut'] as const)
    .map((group) => ({ label: GROUP_LABELS[group], options: series.filter((s) => s.group === group).map(option) }))
    .filter((group) => group.options.length > 0);
}

/** Every series, factors first, grouped as in the day editor. */
export function overlayOptions(series: readonly DailySeries[]): OptionGroup[] {
  return OVERLAY_ORDER.map((group) => ({
    label: GROUP_LABELS[group],
    options: series.filter((s) => s.group === group).map(option),
  })).filter((group) => group.options.length > 0);
}

function option(series: DailySeries): SeriesOption {
  return { key: series.key, label: series.label };
}

/** A typed shift as a whole number of days within ±14 (anything unreadable is 0). */
export function clampShift(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return 0;
  return Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, Math.round(number)));
}

/** "shifted 2 days later", "shifted 1 day earlier", "on the same day". */
export function shiftWords(shift: number): string {
  if (shift === 0) return 'on the same day';
  return `shifted ${plural(Math.abs(shift), 'day')} ${shift > 0 ? 'later' : 'earlier'}`;
}

/** The caption: "Dairy, shifted 2 days later, over Acne severity". */
export function linkCaption(view: TrendsView, state: LinkState): string {
  const measure = view.label(state.measure);
  if (!state.overlay) return `${measure}, day by day, with no factor overlaid`;
  return `${view.label(state.overlay)}, ${shiftWords(state.shift)}, over ${measure}`;
}

/** When the factor was recorded, seen from the day of the measure: "2 days before", "the same day". */
export function whenWords(shift: number): string {
  if (shift === 0) return 'the same day';
  return `${plural(Math.abs(shift), 'day')} ${shift > 0 ? 'before' : 'after'}`;
}

export interface LinkComparison {
  /** Days with both the measure and the (shifted) factor recorded. */
  n: number;
  high: { days: number; mean: number | null };
  low: { days: number; mean: number | null };
  /** Number factors: the median that divides the halves; null for yes/no. */
  split: number | null;
  /** The median is the highest value, so the high group is the days at it. */
  highIncludesSplit: boolean;
}

/**
 * The measure on days the factor was "on" (yes, or in the upper half) against the others,
 * the factor read `shift` days before. A picture for the eye, not a statistical test.
 */
export function compareLink(view: TrendsView, state: LinkState): LinkComparison | null {
  const factor = view.get(state.overlay);
  if (!factor || !view.has(state.measure)) return null;
  const measure = view.values(state.measure);
  const shifted = view.shifted(state.overlay, state.shift);
  const pairs: [number, number][] = [];
  for (let i = 0; i < measure.length; i++) {
    const m = measure[i];
    const f = shifted[i];
    if (m !== null && m !== undefined && f !== null && f !== undefined) pairs.push([f, m]);
  }
  let split: number | null = null;
  let highIncludesSplit = false;
  let isHigh: (f: number) => boolean = (f) => f >= 0.5;
  if (factor.kind === 'number' && pairs.length) {
    const sorted = pairs.map(([f]) => f).sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    split = median;
    // When the median is also the highest value, "above it" would be empty: count it as high.
    highIncludesSplit = median >= sorted.at(-1)!;
    isHigh = highIncludesSplit ? (f) => f >= median : (f) => f > median;
  }
  const high = { sum: 0, days: 0 };
  const low = { sum: 0, days: 0 };
  for (const [f, m] of pairs) {
    const group = isHigh(f) ? high : low;
    group.sum += m;
    group.days++;
  }
  const mean = (g: { sum: number; days: number }): number | null => (g.days ? g.sum / g.days : null);
  return {
    n: pairs.length,
    high: { days: high.days, mean: mean(high) },
    low: { days: low.days, mean: mean(low) },
    split,
    highIncludesSplit,
  };
}

/** The comparison in one or two plain sentences (null without an overlay). */
export function linkComparisonText(view: TrendsView, state: LinkState): string | null {
  const comparison = compareLink(view, state);
  if (!comparison) return null;
  const factor = view.get(state.overlay)!;
  const measureSeries = view.get(state.measure)!;
  const measure = measureSeries.label;
  if (comparison.high.days === 0 || comparison.low.days === 0) {
    return `${plural(comparison.n, 'day')} with both recorded: too few on one side to compare.`;
  }
  const when = whenWords(state.shift);
  const describe = (g: { days: number; mean: number | null }): string =>
    measureSeries.kind === 'yesno'
      ? `${measure} marked on ${Math.round((g.mean ?? 0) * 100)}% of the ${plural(g.days, 'day')}`
      : `${measure} averaged ${oneDecimal(g.mean ?? 0)} over ${plural(g.days, 'day')}`;
  let sentence: string;
  if (factor.kind === 'yesno') {
    const on = state.shift === 0 ? `On days with ${factor.label}` : `When ${factor.label} was logged ${when}`;
    const off = state.shift === 0 ? 'on days without' : 'when it was not';
    sentence = `${on}: ${describe(comparison.high)}; ${off}: ${describe(comparison.low)}.`;
  } else {
    const split = round(comparison.split ?? 0, 1);
    const timing = state.shift === 0 ? 'that day' : when;
    const level = comparison.highIncludesSplit ? `${split} or more` : `above ${split}`;
    sentence = `When ${factor.label} ${timing} was ${level}: ${describe(comparison.high)}; otherwise: ${describe(comparison.low)}.`;
  }
  return `${sentence} ${plural(comparison.n, 'day')} with both recorded. This is a picture, not a test: Insights checks whether a link holds up against chance.`;
}

export function linkChartSpec(view: TrendsView, state: LinkState, colors: TrendsColors): TimeChartSpec {
  const measure = view.get(state.measure);
  const spec: TimeChartSpec = {
    dates: view.dates,
    layers: [],
    y: measure ? axisFor(measure.label, measure.unit, measure.kind) : { title: '' },
  };
  const factor = view.get(state.overlay);
  if (factor) {
    spec.layers.push({
      type: 'bar',
      label: `${factor.label}, ${shiftWords(state.shift)}`,
      values: view.shifted(factor.key, state.shift),
      color: colors.overlay,
      axis: 'y2',
      valueKind: factor.kind,
      unit: factor.unit,
    });
    spec.y2 = axisFor(titleWithUnit(factor.label, factor.unit, factor.kind), factor.unit, factor.kind);
  }
  if (measure) {
    spec.layers.push({
      type: 'line',
      label: measure.label,
      values: view.values(measure.key),
      color: colors.bar,
      width: 2,
      points: true,
      valueKind: measure.kind,
      unit: measure.unit,
    });
  }
  return spec;
}

export function linkTable(view: TrendsView, state: LinkState): TableModel {
  const measure = view.get(state.measure);
  const factor = view.get(state.overlay);
  const columns = [];
  if (measure) columns.push({ label: measure.label, values: view.values(measure.key), kind: measure.kind });
  if (factor) {
    const label = state.shift === 0 ? `${factor.label} (same day)` : `${factor.label} (from ${whenWords(state.shift)})`;
    columns.push({ label, values: view.shifted(factor.key, state.shift), kind: factor.kind });
  }
  return dailyTable(`${linkCaption(view, state)}, ${periodWords(view)}`, view.dates, columns);
}

/** The first condition's severity (or the first skin or gut series), with nothing overlaid. */
export function defaultLink(view: TrendsView): LinkState {
  const first = view.data.conditions[0]?.severityKey;
  const measure = first && view.has(first) ? first : (measureOptions(view.series)[0]?.options[0]?.key ?? '');
  return { measure, overlay: NO_OVERLAY, shift: 0 };
}

/** A state whose keys exist in this period (unknown ones fall back to the default measure and no overlay). */
export function validLink(view: TrendsView, state: LinkState): LinkState {
  const isMeasure = (key: string): boolean => view.get(key)?.group === 'skin' || view.get(key)?.group === 'gut';
  return {
    measure: isMeasure(state.measure) ? state.measure : defaultLink(view).measure,
    overlay: state.overlay && view.has(state.overlay) ? state.overlay : NO_OVERLAY,
    shift: clampShift(state.shift),
  };
}
