import { SEVERITY_STEPS, severityStep, type SeverityStep } from '../Journal/calendar';
import { countValues, worstOf, type TrendsView, type Values } from './series';
import { plural, shortDate } from '../../lib/format';
import type { Condition } from './skinChart';
import { periodWords } from './skinChart';
import type { TableModel } from './table';

/**
 * The calendar heatmap: one row per month, one cell per day, coloured by the day's worst skin
 * severity on the same five steps as the Journal calendar. Pure: tested in
 * tests/unit/trends-heatmap.test.ts.
 */

export { SEVERITY_STEPS };

/** 'worst' (the highest score of any condition) or one condition's id. */
export type HeatmapSource = 'worst' | number;

export interface HeatCell {
  date: string;
  value: number | null;
  step: SeverityStep | null;
  flare: boolean;
  /** "3 Mar 2026: 5, flare" — the cell's tooltip. */
  label: string;
}

export interface HeatMonth {
  /** 'YYYY-MM'. */
  key: string;
  /** "Nov 2025" (row header) and "November 2025". */
  label: string;
  longLabel: string;
  /** 31 entries: null for days the month does not have or that are outside the period. */
  cells: (HeatCell | null)[];
}

export interface HeatmapData {
  values: (number | null)[];
  flares: boolean[];
}

/** The severity to colour each day by, and whether a flare was marked (by the chosen conditions). */
export function heatmapData(view: TrendsView, conditions: readonly Condition[], source: HeatmapSource): HeatmapData {
  const chosen = source === 'worst' ? conditions : conditions.filter((c) => c.id === source);
  const values = worstOf(
    chosen.map((c) => view.values(c.severityKey)),
    view.length,
  );
  const flareSeries: Values[] = chosen.map((c) => view.values(c.flareKey));
  const flares = values.map((_, i) => flareSeries.some((series) => series[i] === 1));
  return { values, flares };
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The months of the period, oldest first, each with a cell per day of the period. */
export function heatmapMonths(dates: readonly string[], data: HeatmapData): HeatMonth[] {
  const months: HeatMonth[] = [];
  let current: HeatMonth | null = null;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i]!;
    const key = date.slice(0, 7);
    if (!current || current.key !== key) {
      const [year, month] = key.split('-').map(Number) as [number, number];
      const name = MONTH_NAMES[month - 1]!;
      current = {
        key,
        label: `${name.slice(0, 3)} ${year}`,
        longLabel: `${name} ${year}`,
        cells: new Array<HeatCell | null>(31).fill(null),
      };
      months.push(current);
    }
    const value = data.values[i] ?? null;
    const flare = data.flares[i] ?? false;
    const words = value === null ? 'no score' : `${value}`;
    current.cells[Number(date.slice(8, 10)) - 1] = {
      date,
      value,
      step: severityStep(value),
      flare,
      label: `${shortDate(date, 'short')}: ${words}${flare ? ', flare' : ''}`,
    };
  }
  return months;
}

export function heatmapTitle(source: HeatmapSource, conditions: readonly Condition[]): string {
  if (source === 'worst') return 'worst skin severity of the day';
  return `${conditions.find((c) => c.id === source)?.name ?? 'skin'} severity`;
}

/** What the heatmap shows, in words: the labelled image's name. */
export function heatmapSummary(view: TrendsView, data: HeatmapData, title: string): string {
  const scored = countValues(data.values);
  const head = `Calendar heatmap of the ${title}, one row per month, ${periodWords(view)}.`;
  if (!scored) return `${head} No day in this period has a skin score.`;
  const counts = SEVERITY_STEPS.map((s) => data.values.filter((v) => v !== null && severityStep(v) === s.step).length);
  const steps = SEVERITY_STEPS.map((s, i) => `${counts[i]} ${s.label}`).join(', ');
  let worst = -1;
  let worstIndex = -1;
  data.values.forEach((v, i) => {
    if (v !== null && v > worst) {
      worst = v;
      worstIndex = i;
    }
  });
  const flares = data.flares.filter(Boolean).length;
  return (
    `${head} ${plural(scored, 'day')} scored: ${steps}. ` +
    `The highest was ${worst}, first on ${shortDate(view.dates[worstIndex]!, 'short')}. ` +
    `${flares ? plural(flares, 'day') : 'No days'} with a flare marked.`
  );
}

/** The heatmap as numbers: a row per month, a column per day of the month. */
export function heatmapTable(months: readonly HeatMonth[], title: string, period: string): TableModel {
  return {
    caption: `The ${title} per day, ${period}`,
    columns: [{ label: 'Month' }, ...Array.from({ length: 31 }, (_, i) => ({ label: String(i + 1), numeric: true }))],
    rows: months.map((month) => ({
      key: month.key,
      cells: [
        month.label,
        ...month.cells.map((cell) =>
          cell === null ? '' : cell.value === null ? '–' : `${cell.value}${cell.flare ? ' F' : ''}`,
        ),
      ],
    })),
    note: '– means no skin score that day; F means a flare was marked; an empty cell is outside the period or the month.',
  };
}
