import type { ChartConfiguration, ScriptableContext } from 'chart.js';
import type { PoemEntry } from '$contract/poem';
import { POEM_BANDS, POEM_MAX_TOTAL, poemBandByKey, type PoemBand, type PoemBandKey } from '$contract/poemTerms';
import {
  FALLBACK_COLORS,
  pickVariable,
  readChartColors,
  withAlpha,
  themedTooltip,
  type ChartColors,
  type ReadVariable,
} from '../../lib/chartTheme';
import { shortDate } from '../../lib/dates';

/**
 * The POEM history chart as pure data: totals over time on a 0–28 axis, with the five severity
 * bands as coloured backgrounds named on the right-hand axis. The component only reads the
 * theme and hands this to Chart.js. Tested in tests/unit/poem-chart.test.ts.
 */

export interface PoemColors extends ChartColors {
  /** One colour per band, clear first (the theme's --meter-4 … --meter-0). */
  bands: Record<PoemBandKey, string>;
}

const FALLBACK_BANDS: Record<PoemBandKey, string> = {
  clear: '#2c6a5d',
  mild: '#3d7a3a',
  moderate: '#8a6d00',
  severe: '#b5561c',
  very_severe: '#a4332b',
};

/** Clear is the theme's calmest meter colour, very severe its most alarming. */
const BAND_VARIABLES: Record<PoemBandKey, string> = {
  clear: '--meter-4',
  mild: '--meter-3',
  moderate: '--meter-2',
  severe: '--meter-1',
  very_severe: '--meter-0',
};

export function readPoemColors(read: ReadVariable): PoemColors {
  const bands = Object.fromEntries(
    POEM_BANDS.map((band) => [band.key, pickVariable(read, BAND_VARIABLES[band.key], FALLBACK_BANDS[band.key])]),
  );
  return { ...readChartColors(read), bands: bands as Record<PoemBandKey, string> };
}

export const FALLBACK_POEM_COLORS: PoemColors = { ...FALLBACK_COLORS, bands: FALLBACK_BANDS };

/** How strongly the band backgrounds are tinted: enough to tell them apart, faint enough to read over. */
export const BAND_FILL_ALPHA = 0.2;

export interface BandRegion {
  key: PoemBandKey;
  label: string;
  /** The stripe's edges on the axis. */
  from: number;
  to: number;
  fill: string;
  /** The line along its top edge, where the next band starts (none above the last). */
  edge: string | null;
}

/** A band's stripe edges sit half a point outside its totals (2 | 3 → 2.5), within 0–28. */
function stripe(band: PoemBand): { from: number; to: number } {
  return { from: Math.max(0, band.min - 0.5), to: Math.min(POEM_MAX_TOTAL, band.max + 0.5) };
}

/** The background stripes, lowest first. */
export function bandRegions(colors: PoemColors): BandRegion[] {
  return POEM_BANDS.map((band, index) => ({
    key: band.key,
    label: band.short,
    ...stripe(band),
    fill: withAlpha(colors.bands[band.key], BAND_FILL_ALPHA),
    edge: index < POEM_BANDS.length - 1 ? withAlpha(colors.muted, 0.55) : null,
  }));
}

/** Where each band's name goes on the right-hand axis: the middle of its stripe. */
export function bandLabelPositions(): { value: number; label: string }[] {
  return POEM_BANDS.map((band) => {
    const { from, to } = stripe(band);
    return { value: (from + to) / 2, label: band.short };
  });
}

/** Local noon of a YYYY-MM-DD date, as the time axis's x. */
export function dateTime(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
}

export interface PoemRow {
  date: string;
  dateLabel: string;
  total: number;
  band: PoemBand;
}

/** The same numbers as the chart, oldest first like the chart. */
export function poemRows(entries: readonly PoemEntry[]): PoemRow[] {
  return [...entries]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((entry) => ({
      date: entry.date,
      dateLabel: shortDate(entry.date),
      total: entry.total,
      band: poemBandByKey(entry.band),
    }));
}

export interface PoemPoint {
  x: number;
  y: number;
}

const DAY_MS = 86_400_000;

export function poemChartConfig(
  entries: readonly PoemEntry[],
  colors: PoemColors,
  env: { reducedMotion: boolean; fontFamily?: string | undefined },
): ChartConfiguration<'line', PoemPoint[]> {
  const rows = poemRows(entries);
  const points = rows.map((row) => ({ x: dateTime(row.date), y: row.total }));
  const first = points[0]?.x ?? Date.now();
  const last = points.at(-1)?.x ?? first;
  // A few days either side, so the first and last points are not cut in half by the edges.
  const padding = Math.max(3 * DAY_MS, (last - first) * 0.03);
  const font = env.fontFamily ? { family: env.fontFamily } : undefined;
  const tickFont = font ? { font } : {};
  const bandOf = (context: ScriptableContext<'line'>): string => {
    const row = rows[context.dataIndex];
    return row ? colors.bands[row.band.key] : colors.text;
  };
  const labels = bandLabelPositions();
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'POEM total',
          data: points,
          parsing: false,
          borderColor: colors.text,
          borderWidth: 2,
          pointRadius: 5,
          pointHoverRadius: 7,
          pointHitRadius: 8,
          pointBackgroundColor: bandOf,
          pointBorderColor: colors.text,
          pointBorderWidth: 1.5,
          tension: 0,
          // Totals of 0 and 28 sit on the chart's edges: draw their points whole.
          clip: false,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: env.reducedMotion ? false : { duration: 300 },
      color: colors.text,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      layout: { padding: { top: 8 } },
      plugins: {
        legend: { display: false },
        tooltip: {
          ...themedTooltip(colors, font),
          displayColors: false,
          callbacks: {
            title: (items) => rows[items[0]?.dataIndex ?? -1]?.dateLabel ?? '',
            label: (item) => {
              const row = rows[item.dataIndex];
              return row ? `${row.total} of ${POEM_MAX_TOTAL}: ${row.band.label.toLowerCase()}` : '';
            },
          },
        },
      },
      scales: {
        x: {
          type: 'time',
          min: first - padding,
          max: last + padding,
          time: {
            minUnit: 'day',
            tooltipFormat: 'd MMM yyyy',
            displayFormats: { day: 'd MMM', week: 'd MMM', month: 'MMM yyyy', quarter: 'MMM yyyy', year: 'yyyy' },
          },
          ticks: { color: colors.muted, maxRotation: 0, autoSkip: true, autoSkipPadding: 16, ...tickFont },
          grid: { display: false },
          border: { color: colors.grid },
        },
        y: {
          min: 0,
          max: POEM_MAX_TOTAL,
          ticks: { color: colors.muted, stepSize: 4, ...tickFont },
          // The band edges are the reference lines; a grid as well would only add noise.
          grid: { display: false },
          border: { display: false },
          title: { display: true, text: `POEM total (0–${POEM_MAX_TOTAL})`, color: colors.muted, ...tickFont },
        },
        bands: {
          type: 'linear',
          position: 'right',
          min: 0,
          max: POEM_MAX_TOTAL,
          grid: { display: false },
          border: { display: false },
          afterBuildTicks: (scale) => {
            scale.ticks = labels.map(({ value }) => ({ value }));
          },
          ticks: {
            color: colors.text,
            autoSkip: false,
            callback: (value) => labels.find((label) => label.value === value)?.label ?? '',
            ...tickFont,
          },
        },
      },
    },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What the chart shows, in words (the canvas's accessible description). */
export function poemChartSummary(entries: readonly PoemEntry[]): string {
  const rows = poemRows(entries);
  const first = rows[0];
  const latest = rows.at(-1);
  if (!first || !latest) return 'No eczema checks yet: the chart of POEM totals is empty.';
  const latestText = `The latest, on ${latest.dateLabel}, is ${latest.total} of ${POEM_MAX_TOTAL} (${latest.band.label.toLowerCase()}).`;
  if (rows.length === 1) return `One eczema check so far. ${latestText}`;
  const low = rows.reduce((min, row) => (row.total < min.total ? row : min), first);
  const high = rows.reduce((max, row) => (row.total > max.total ? row : max), first);
  return (
    `POEM totals of ${plural(rows.length, 'eczema check')} from ${first.dateLabel} to ${latest.dateLabel}, over bands from clear to very severe. ` +
    `${latestText} The lowest was ${low.total} (${low.dateLabel}), the highest ${high.total} (${high.dateLabel}).`
  );
}
