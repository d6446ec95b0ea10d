import type { ChartConfiguration } from 'chart.js';
import type { DailySeries } from '$contract/trendsTerms';
import { themedTooltip, withAlpha } from '../../lib/chartTheme';
import { clampShift } from './linkExplorer';
import { formatValue, plural, round, type TrendsView } from './series';
import { periodWords } from './skinChart';
import type { TableModel } from './table';
import { axisFor, titleWithUnit, type AxisSpec, type RenderEnv, type TrendsColors } from './timeChart';

/**
 * "Compare two series": a scatter plot of series A on day t against series B on day t + lag.
 * Days with the same pair of values are one dot, sized by how many days it stands for.
 * Pure: tested in tests/unit/trends-compare.test.ts.
 */

export interface CompareState {
  a: string;
  b: string;
  /** B is read this many days after A (negative: before). */
  lag: number;
}

export interface Pair {
  /** The day of A. */
  date: string;
  x: number;
  y: number;
}

export interface ScatterPoint {
  x: number;
  y: number;
  days: number;
}

/** Every day t with A on t and B on t + lag both recorded. */
export function scatterPairs(view: TrendsView, state: CompareState): Pair[] {
  if (!view.has(state.a) || !view.has(state.b)) return [];
  const a = view.values(state.a);
  // B moved `lag` days earlier: position t holds B's value of day t + lag.
  const b = view.shifted(state.b, -clampShift(state.lag));
  const pairs: Pair[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== null && x !== undefined && y !== null && y !== undefined) pairs.push({ date: view.dates[i]!, x, y });
  }
  return pairs;
}

/** Pairs with equal values merged into one point with a day count, ordered by x then y. */
export function aggregatePairs(pairs: readonly Pair[]): ScatterPoint[] {
  const byValue = new Map<string, ScatterPoint>();
  for (const { x, y } of pairs) {
    const key = `${x}|${y}`;
    const point = byValue.get(key);
    if (point) point.days++;
    else byValue.set(key, { x, y, days: 1 });
  }
  return [...byValue.values()].sort((p, q) => p.x - q.x || p.y - q.y);
}

/** Ranks from 1, ties sharing their average rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((p, q) => p.value - q.value);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]!.value === order[i]!.value) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!.index] = rank;
    i = j + 1;
  }
  return out;
}

/** Spearman's rank correlation; null with fewer than 3 pairs or when either side never varies. */
export function spearman(pairs: readonly { x: number; y: number }[]): number | null {
  if (pairs.length < 3) return null;
  const rx = ranks(pairs.map((p) => p.x));
  const ry = ranks(pairs.map((p) => p.y));
  const n = pairs.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** A dot's radius in pixels for the number of days it stands for. */
export function dotRadius(days: number): number {
  return Math.min(16, 3 + 2.2 * Math.sqrt(days - 1));
}

/** "Rosacea severity the same day", "Acne severity 2 days later", "… 3 days before". */
export function laggedLabel(label: string, lag: number): string {
  if (lag === 0) return `${label} the same day`;
  return `${label} ${plural(Math.abs(lag), 'day')} ${lag > 0 ? 'later' : 'before'}`;
}

export function compareSummary(view: TrendsView, state: CompareState, pairs: readonly Pair[]): string {
  const a = view.label(state.a);
  const b = laggedLabel(view.label(state.b), clampShift(state.lag));
  const head = `Scatter plot of ${b} (up) against ${a} (across), ${periodWords(view)}: n = ${pairs.length.toLocaleString('en-GB')} ${pairs.length === 1 ? 'day' : 'days'} with both recorded.`;
  if (!pairs.length) return `${head} Nothing to plot: choose other series or a longer period.`;
  const rho = spearman(pairs);
  const link =
    rho === null
      ? ' One of them never changes here, so there is no trend to see.'
      : ` Rank correlation ${round(rho, 2).toFixed(2)} (from −1 to 1; near 0 means no straight trend). A picture, not a test.`;
  return head + link;
}

export function compareTable(view: TrendsView, state: CompareState, pairs: readonly Pair[]): TableModel {
  const a = view.get(state.a);
  const b = view.get(state.b);
  const bLabel = laggedLabel(view.label(state.b), clampShift(state.lag));
  return {
    caption: `${bLabel} against ${view.label(state.a)}: how many days had each pair of values, ${periodWords(view)}`,
    columns: [
      { label: view.label(state.a), numeric: true },
      { label: bLabel, numeric: true },
      { label: 'Days', numeric: true },
    ],
    rows: aggregatePairs(pairs).map((point) => ({
      key: `${point.x}|${point.y}`,
      cells: [formatValue(point.x, a?.kind), formatValue(point.y, b?.kind), String(point.days)],
    })),
    note: `n = ${pairs.length.toLocaleString('en-GB')}: days with both recorded.`,
  };
}

function scatterAxis(
  series: DailySeries | undefined,
  title: string,
  colors: TrendsColors,
  font: { family: string } | undefined,
): Record<string, unknown> {
  const spec: AxisSpec = series ? axisFor(title, series.unit, series.kind) : { title };
  const tickFont = font ? { font } : {};
  const bounded = spec.yesNo || (spec.min !== undefined && spec.max !== undefined);
  return {
    type: 'linear',
    min: spec.yesNo ? 0 : spec.min,
    max: spec.yesNo ? 1 : spec.max,
    // Room for the dots on the edges (they are also drawn unclipped).
    offset: bounded,
    beginAtZero: !bounded,
    ticks: {
      color: colors.muted,
      ...(spec.yesNo
        ? {
            stepSize: 1,
            callback: (value: number | string) => (Number(value) === 1 ? 'yes' : Number(value) === 0 ? 'no' : ''),
          }
        : bounded
          ? { stepSize: 1 }
          : { precision: 0 }),
      ...tickFont,
    },
    grid: { color: colors.grid },
    border: { display: false },
    title: { display: true, text: title, color: colors.muted, ...tickFont },
  };
}

export function compareChartConfig(
  view: TrendsView,
  state: CompareState,
  pairs: readonly Pair[],
  colors: TrendsColors,
  env: RenderEnv,
): ChartConfiguration<'scatter', ScatterPoint[]> {
  const points = aggregatePairs(pairs);
  const a = view.get(state.a);
  const b = view.get(state.b);
  const aTitle = a ? titleWithUnit(a.label, a.unit, a.kind) : '';
  const bLabel = laggedLabel(view.label(state.b), clampShift(state.lag));
  const bTitle = b ? titleWithUnit(bLabel, b.unit, b.kind) : bLabel;
  const font = env.fontFamily ? { family: env.fontFamily } : undefined;
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: 'Days',
          data: points,
          parsing: false,
          backgroundColor: withAlpha(colors.series[0] ?? colors.bar, 0.55),
          borderColor: colors.series[0] ?? colors.bar,
          borderWidth: 1,
          pointRadius: points.map((p) => dotRadius(p.days)),
          pointHoverRadius: points.map((p) => dotRadius(p.days) + 2),
          clip: false,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: env.reducedMotion || points.length > 500 ? false : { duration: 250 },
      parsing: false,
      color: colors.text,
      plugins: {
        legend: { display: false },
        tooltip: {
          ...themedTooltip(colors, font),
          displayColors: false,
          callbacks: {
            title: () => '',
            label: (item) => {
              const point = points[item.dataIndex];
              if (!point) return '';
              return `${view.label(state.a)} ${formatValue(point.x, a?.kind)}, ${bLabel} ${formatValue(point.y, b?.kind)}: ${plural(point.days, 'day')}`;
            },
          },
        },
      },
      scales: {
        x: scatterAxis(a, aTitle, colors, font),
        y: scatterAxis(b, bTitle, colors, font),
      } as never,
    },
  };
}

/** Sensible first choice: stress against the first condition's severity, the same day. */
export function defaultCompare(view: TrendsView): CompareState {
  const b =
    view.data.conditions[0]?.severityKey ??
    view.series.find((s) => s.group === 'skin')?.key ??
    view.series[0]?.key ??
    '';
  const a = view.has('life.stress')
    ? 'life.stress'
    : (view.series.find((s) => s.role === 'factor')?.key ?? view.series[0]?.key ?? '');
  return { a, b, lag: 0 };
}

/** Keeps a state whose keys exist in this period; unknown ones fall back to the defaults. */
export function validCompare(view: TrendsView, state: CompareState): CompareState {
  const fallback = defaultCompare(view);
  return {
    a: view.has(state.a) ? state.a : fallback.a,
    b: view.has(state.b) ? state.b : fallback.b,
    lag: clampShift(state.lag),
  };
}
