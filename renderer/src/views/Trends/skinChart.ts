import type { TrendsData } from '$contract/trendsTerms';
import { countValues, meanOf, oneDecimal, plural, shortDay, type TrendsView } from './series';
import { dailyTable, type DailyColumn, type TableModel } from './table';
import type { Layer, TimeChartSpec, TrendsColors } from './timeChart';

/** The skin chart: severity per condition with its 7-day average, itch and flare marks. */

export type Condition = TrendsData['conditions'][number];

export interface SkinOptions {
  daily: boolean;
  averages: boolean;
  itch: boolean;
  flares: boolean;
  /** Conditions (ids) left out of the chart and table. */
  hidden: ReadonlySet<number>;
}

export const DEFAULT_SKIN_OPTIONS: SkinOptions = {
  daily: true,
  averages: true,
  itch: true,
  flares: true,
  hidden: new Set(),
};

export const ITCH_KEY = 'skin.itch';
/** Longer periods start with the daily scores hidden: thousands of days of them are a blur. */
export const DAILY_UP_TO_DAYS = 180;

/** The colour of the n-th condition (the palette repeats after its end). */
export function conditionColor(index: number, colors: TrendsColors): string {
  return colors.series[index % colors.series.length] ?? colors.text;
}

export function visibleConditions(conditions: readonly Condition[], options: SkinOptions): Condition[] {
  return conditions.filter((condition) => !options.hidden.has(condition.id));
}

export function skinChartSpec(
  view: TrendsView,
  conditions: readonly Condition[],
  options: SkinOptions,
  colors: TrendsColors,
): TimeChartSpec {
  const layers: Layer[] = [];
  const unit = 'points (0–10)';
  conditions.forEach((condition, index) => {
    if (options.hidden.has(condition.id)) return;
    const color = conditionColor(index, colors);
    const severity = view.values(condition.severityKey);
    const average = view.average(condition.severityKey);
    if (options.daily) layers.push({ type: 'line', label: condition.name, values: severity, color, faint: true, unit });
    if (options.averages)
      layers.push({ type: 'line', label: `${condition.name}, 7-day average`, values: average, color, unit });
    if (options.flares) {
      const flare = view.values(condition.flareKey);
      const marks = flare.map((mark, i) => (mark === 1 ? (severity[i] ?? average[i] ?? 10) : null));
      if (marks.some((mark) => mark !== null))
        layers.push({ type: 'marker', label: `${condition.name} flare marked`, values: marks, color });
    }
  });
  if (options.itch && view.has(ITCH_KEY)) {
    if (options.daily)
      layers.push({
        type: 'line',
        label: 'Itch (worst of the day)',
        values: view.values(ITCH_KEY),
        color: colors.itch,
        faint: true,
        dashed: true,
        width: 1,
        unit,
      });
    if (options.averages)
      layers.push({
        type: 'line',
        label: 'Itch, 7-day average',
        values: view.average(ITCH_KEY),
        color: colors.itch,
        dashed: true,
        width: 2,
        unit,
      });
  }
  return { dates: view.dates, layers, y: { title: 'Score (0–10)', min: 0, max: 10 } };
}

export function skinTable(view: TrendsView, conditions: readonly Condition[], options: SkinOptions): TableModel {
  const columns: DailyColumn[] = [];
  for (const condition of visibleConditions(conditions, options)) {
    columns.push({
      label: condition.name,
      values: view.values(condition.severityKey),
      flag: { values: view.values(condition.flareKey), word: 'flare' },
    });
    columns.push({
      label: `${condition.name}, 7-day average`,
      values: view.average(condition.severityKey),
      average: true,
    });
  }
  if (view.has(ITCH_KEY)) columns.push({ label: 'Itch (worst)', values: view.values(ITCH_KEY) });
  return dailyTable(`Skin scores per day, ${periodWords(view)}`, view.dates, columns);
}

/** What the chart shows, in words (the canvas's label and the caption under the heading). */
export function skinSummary(view: TrendsView, conditions: readonly Condition[], options: SkinOptions): string {
  const shown = visibleConditions(conditions, options);
  if (!shown.length) return 'Skin scores: no condition is chosen. Tick one below the chart.';
  const parts: string[] = [];
  let flares = 0;
  for (const condition of shown) {
    const severity = view.values(condition.severityKey);
    const scored = countValues(severity);
    flares += view.values(condition.flareKey).filter((mark) => mark === 1).length;
    if (!scored) {
      parts.push(`${condition.name}: no scores`);
      continue;
    }
    const latest = lastValue(view.average(condition.severityKey));
    parts.push(
      `${condition.name} averaged ${oneDecimal(meanOf(severity)!)} over ${plural(scored, 'scored day')}${latest ? `, latest 7-day average ${oneDecimal(latest.value)}` : ''}`,
    );
  }
  const itchDays = view.has(ITCH_KEY) ? countValues(view.values(ITCH_KEY)) : 0;
  const itch = options.itch && itchDays ? ` Itch averaged ${oneDecimal(meanOf(view.values(ITCH_KEY))!)}.` : '';
  const flareText = options.flares ? ` ${flares ? plural(flares, 'flare') : 'No flares'} marked.` : '';
  return `Skin severity from 0 to 10, ${periodWords(view)}. ${parts.join('; ')}.${itch}${flareText}`;
}

export function lastValue(values: readonly (number | null)[]): { index: number; value: number } | null {
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i];
    if (value !== null && value !== undefined) return { index: i, value };
  }
  return null;
}

/** "12 Mar 2026 to 9 Jun 2026". */
export function periodWords(view: TrendsView): string {
  const first = view.dates[0];
  const last = view.dates.at(-1);
  if (!first || !last) return 'no days';
  return first === last ? shortDay(first) : `${shortDay(first)} to ${shortDay(last)}`;
}
