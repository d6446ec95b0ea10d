import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { ChartColors } from '../../lib/chartTheme';
import { themedTooltip, withAlpha } from '../../lib/chartTheme';
import type { SeriesKind } from '$contract/trendsTerms';
import { dayTime, formatValue, type Values } from './series';

/**
 * Every Trends chart over time (skin, the link explorer, bloating, stress) is described by a
 * small spec — lines, bars and markers over the days of the period — and turned into a
 * Chart.js configuration here. Pure: tested in tests/unit/trends-charts.test.ts.
 *
 * Fast for ten years of days: data are handed over already in Chart.js's internal form
 * ({x: time, y}, sorted, `parsing: false`, `normalized: true`), points are not drawn on long
 * periods, and nothing animates when the person asked for reduced motion or the data are big.
 */

/** The theme's colours for Trends: the usual chart colours plus a palette for series. */
export interface TrendsColors extends ChartColors {
  /** One colour per condition or line, in order; at least 3:1 against the surface. */
  series: string[];
  itch: string;
  overlay: string;
  flareOutline: string;
}

export const FALLBACK_SERIES = ['#1f6fb2', '#b3541e', '#7b4bb0', '#2c7a3d', '#a8326e', '#6b6b00'];

export interface RenderEnv {
  reducedMotion: boolean;
  fontFamily?: string | undefined;
}

interface LayerBase {
  label: string;
  color: string;
  /** What a value means in tooltips. */
  valueKind?: SeriesKind;
  unit?: string;
  axis?: 'y' | 'y2';
}

export interface LineLayer extends LayerBase {
  type: 'line';
  values: Values;
  /** A thin, see-through line (daily values under their average). */
  faint?: boolean;
  dashed?: boolean;
  /** Dots on the days (short periods only); faint lines always have them there. */
  points?: boolean;
  width?: number;
}

export interface BarLayer extends LayerBase {
  type: 'bar';
  values: Values;
}

/** Marked days (flares): a triangle at the day's value. */
export interface MarkerLayer extends LayerBase {
  type: 'marker';
  /** The height to draw the marker at on marked days, null on the others. */
  values: Values;
}

export type Layer = LineLayer | BarLayer | MarkerLayer;

export interface AxisSpec {
  title: string;
  min?: number;
  max?: number;
  /** Ticks say "no" and "yes" at 0 and 1. */
  yesNo?: boolean;
}

export interface TimeChartSpec {
  dates: readonly string[];
  layers: Layer[];
  y: AxisSpec;
  y2?: AxisSpec;
}

/** Periods longer than this draw lines without point dots. */
export const POINTS_UP_TO_DAYS = 120;
/** Charts with more points than this never animate. */
export const ANIMATE_UP_TO_POINTS = 1500;

export interface TimePoint {
  x: number;
  y: number | null;
}

/** One point per day ({x, y}; y null on a missing day so the line breaks there). */
export function toPoints(times: readonly number[], values: Values): TimePoint[] {
  const points = new Array<TimePoint>(times.length);
  for (let i = 0; i < times.length; i++) points[i] = { x: times[i]!, y: values[i] ?? null };
  return points;
}

/** Only the days with a value (markers). */
export function toSparsePoints(times: readonly number[], values: Values): TimePoint[] {
  const points: TimePoint[] = [];
  for (let i = 0; i < times.length; i++) {
    const y = values[i];
    if (y !== null && y !== undefined) points.push({ x: times[i]!, y });
  }
  return points;
}

type AnyDataset = ChartDataset<'line' | 'bar', TimePoint[]>;

/** The time of each date, worked out once per dates array (every chart of a period shares it). */
const timesCache = new WeakMap<readonly string[], number[]>();

export function timesOf(dates: readonly string[]): number[] {
  let times = timesCache.get(dates);
  if (!times) {
    times = dates.map(dayTime);
    timesCache.set(dates, times);
  }
  return times;
}

export function timeChartConfig(
  spec: TimeChartSpec,
  colors: TrendsColors,
  env: RenderEnv,
): ChartConfiguration<'line', TimePoint[]> {
  const times = timesOf(spec.dates);
  const withPoints = spec.dates.length <= POINTS_UP_TO_DAYS;
  const datasets: AnyDataset[] = spec.layers.map((layer) => {
    const base = { label: layer.label, yAxisID: layer.axis ?? 'y', normalized: true, parsing: false as const };
    if (layer.type === 'bar') {
      return {
        ...base,
        type: 'bar' as const,
        data: toPoints(times, layer.values),
        // Yes/no factors are see-through bands the full height of their axis; amounts are bars.
        backgroundColor: withAlpha(layer.color, layer.valueKind === 'yesno' ? 0.3 : 0.45),
        hoverBackgroundColor: withAlpha(layer.color, 0.7),
        borderWidth: 0,
        barPercentage: layer.valueKind === 'yesno' ? 1 : 0.8,
        categoryPercentage: 1,
        // Neighbouring yes-days join into one band, without hairline seams between them.
        inflateAmount: layer.valueKind === 'yesno' ? 0.5 : 'auto',
        grouped: false,
        order: 4,
      };
    }
    if (layer.type === 'marker') {
      return {
        ...base,
        type: 'line' as const,
        data: toSparsePoints(times, layer.values),
        showLine: false,
        pointStyle: 'triangle' as const,
        pointRadius: 6,
        pointHoverRadius: 8,
        pointBackgroundColor: layer.color,
        pointBorderColor: colors.flareOutline,
        pointBorderWidth: 1.5,
        order: 0,
      };
    }
    return {
      ...base,
      type: 'line' as const,
      data: toPoints(times, layer.values),
      borderColor: layer.faint ? withAlpha(layer.color, 0.4) : layer.color,
      backgroundColor: layer.color,
      borderWidth: layer.width ?? (layer.faint ? 1.25 : 2.5),
      borderDash: layer.dashed ? [6, 4] : [],
      pointRadius: withPoints && (layer.faint || layer.points) ? 2 : 0,
      pointHoverRadius: 4,
      pointHitRadius: 4,
      pointBackgroundColor: layer.faint ? withAlpha(layer.color, 0.6) : layer.color,
      pointBorderWidth: 0,
      spanGaps: false,
      tension: 0,
      order: layer.faint ? 2 : 1,
    };
  });

  const pointCount = spec.layers.length * spec.dates.length;
  const font = env.fontFamily ? { family: env.fontFamily } : undefined;
  const tickFont = font ? { font } : {};
  const first = times[0] ?? 0;
  const last = times.at(-1) ?? first;
  const halfDay = 12 * 60 * 60 * 1000;
  const layerFor = (item: TooltipItem<'line'>): Layer | undefined => spec.layers[item.datasetIndex];

  const x: Record<string, unknown> = {
    type: 'time',
    min: first - halfDay,
    max: last + halfDay,
    offset: false,
    time: {
      minUnit: 'day',
      tooltipFormat: 'd MMM yyyy',
      displayFormats: { day: 'd MMM', week: 'd MMM', month: 'MMM yyyy', quarter: 'MMM yyyy', year: 'yyyy' },
    },
    ticks: { color: colors.muted, maxRotation: 0, autoSkip: true, autoSkipPadding: 16, ...tickFont },
    grid: { display: false },
    border: { color: colors.grid },
  };

  const scales: Record<string, unknown> = { x, y: yAxis(spec.y, colors, font, 'left') };
  if (spec.y2) scales.y2 = yAxis(spec.y2, colors, font, 'right');

  return {
    type: 'line',
    data: { datasets: datasets as ChartDataset<'line', TimePoint[]>[] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: env.reducedMotion || pointCount > ANIMATE_UP_TO_POINTS ? false : { duration: 250 },
      parsing: false,
      normalized: true,
      color: colors.text,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...themedTooltip(colors, font),
          filter: (item) => item.parsed.y !== null && item.parsed.y !== undefined,
          callbacks: {
            label: (item) => {
              const layer = layerFor(item);
              if (!layer) return '';
              if (layer.type === 'marker') return layer.label;
              const value = formatValue(item.parsed.y, layer.valueKind);
              const unit = layer.valueKind === 'yesno' || !layer.unit ? '' : ` ${shortUnit(layer.unit)}`;
              return `${layer.label}: ${value}${unit}`;
            },
          },
        },
      },
      scales: scales as never,
    },
  };
}

function yAxis(
  spec: AxisSpec,
  colors: TrendsColors,
  font: { family: string } | undefined,
  position: 'left' | 'right',
): Record<string, unknown> {
  const tickFont = font ? { font } : {};
  return {
    type: 'linear',
    position,
    min: spec.min ?? (spec.yesNo ? 0 : undefined),
    max: spec.max ?? (spec.yesNo ? 1 : undefined),
    beginAtZero: true,
    ticks: {
      color: colors.muted,
      precision: 0,
      ...(spec.yesNo
        ? {
            stepSize: 1,
            callback: (value: number | string) => (Number(value) === 1 ? 'yes' : Number(value) === 0 ? 'no' : ''),
          }
        : {}),
      ...tickFont,
    },
    grid: position === 'left' ? { color: colors.grid } : { display: false },
    border: { display: false },
    title: { display: true, text: spec.title, color: colors.muted, ...tickFont },
  };
}

/** "points (0–10)" → "points" in tooltips; other units unchanged. */
export function shortUnit(unit: string): string {
  return unit.replace(/\s*\(.*\)$/, '');
}

/** An axis title with its unit, unless the name already says it: "Water (glasses)", "Fibre-rich servings". */
export function titleWithUnit(label: string, unit: string, kind: SeriesKind): string {
  const short = shortUnit(unit);
  if (kind === 'yesno' || !short || label.toLowerCase().includes(short.toLowerCase())) return label;
  return `${label} (${short})`;
}

/** Axis bounds for a unit: scores 0–10, Bristol types 1–7, yes/no 0–1, others from zero. */
export function axisFor(title: string, unit: string, kind: SeriesKind): AxisSpec {
  if (kind === 'yesno') return { title, yesNo: true };
  if (unit.startsWith('points (0–10)')) return { title, min: 0, max: 10 };
  if (unit.startsWith('Bristol')) return { title, min: 1, max: 7 };
  return { title };
}

/** The legend under a chart, as HTML: one entry per distinct look. */
export interface LegendEntry {
  label: string;
  color: string;
  look: 'line' | 'faint' | 'dashed' | 'bar' | 'triangle';
}

export function legendEntries(layers: readonly Layer[]): LegendEntry[] {
  return layers.map((layer) => ({
    label: layer.label,
    color: layer.color,
    look:
      layer.type === 'bar'
        ? 'bar'
        : layer.type === 'marker'
          ? 'triangle'
          : layer.dashed
            ? 'dashed'
            : layer.faint
              ? 'faint'
              : 'line',
  }));
}
