import type { ChartConfiguration } from 'chart.js';
import { STOOL_TYPES } from '$contract/journalTerms';
import { themedTooltip, withAlpha } from '../../lib/chartTheme';
import { countValues, meanOf, oneDecimal, plural, type TrendsView } from './series';
import { lastValue, periodWords } from './skinChart';
import { dailyTable, type TableModel } from './table';
import type { Layer, RenderEnv, TimeChartSpec, TrendsColors } from './timeChart';

/**
 * The gut charts (stool types, bloating) and the stress and meditation chart. Pure: tested in
 * tests/unit/trends-charts.test.ts.
 */

export const BLOATING_KEY = 'gut.bloating';
export const DISCOMFORT_KEY = 'gut.discomfort';
export const STRESS_KEY = 'life.stress';
export const MEDITATION_KEY = 'life.meditation';

/** A series as a faint daily line under its bold 7-day average. */
export function averagedLines(view: TrendsView, key: string, color: string): Layer[] {
  const series = view.get(key);
  if (!series) return [];
  const unit = series.unit;
  return [
    { type: 'line', label: series.label, values: view.values(key), color, faint: true, unit },
    { type: 'line', label: `${series.label}, 7-day average`, values: view.average(key), color, unit },
  ];
}

/** "Bloating averaged 2.1 over 80 days, latest 7-day average 1.9" (or "Bloating: not recorded"). */
export function averageWords(view: TrendsView, key: string): string {
  const label = view.label(key);
  const values = view.values(key);
  const days = countValues(values);
  if (!days) return `${label}: not recorded`;
  const latest = lastValue(view.average(key));
  return `${label} averaged ${oneDecimal(meanOf(values)!)} over ${plural(days, 'day')}${latest ? `, latest 7-day average ${oneDecimal(latest.value)}` : ''}`;
}

// ----- Stool types

export interface StoolRow {
  type: number;
  label: string;
  hint: string;
  count: number;
  /** Share of all movements logged, in whole percent. */
  percent: number;
}

export function stoolRows(counts: readonly number[]): StoolRow[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  return STOOL_TYPES.map((stool, i) => {
    const count = counts[i] ?? 0;
    return {
      type: stool.type,
      label: stool.label,
      hint: stool.hint,
      count,
      percent: total ? Math.round((count / total) * 100) : 0,
    };
  });
}

export function stoolChartConfig(
  counts: readonly number[],
  colors: TrendsColors,
  env: RenderEnv,
): ChartConfiguration<'bar', number[], string> {
  const rows = stoolRows(counts);
  const font = env.fontFamily ? { family: env.fontFamily } : undefined;
  const tickFont = font ? { font } : {};
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => `Type ${row.type}: ${row.label}`),
      datasets: [
        {
          label: 'Times logged',
          data: rows.map((row) => row.count),
          backgroundColor: rows.map((row) =>
            row.type === 3 || row.type === 4 ? colors.bar : withAlpha(colors.bar, 0.55),
          ),
          hoverBackgroundColor: colors.barHover,
          borderColor: colors.bar,
          borderWidth: 1,
          borderRadius: 3,
          maxBarThickness: 26,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: env.reducedMotion ? false : { duration: 250 },
      color: colors.text,
      plugins: {
        legend: { display: false },
        tooltip: {
          ...themedTooltip(colors, font),
          displayColors: false,
          callbacks: {
            label: (item) => {
              const row = rows[item.dataIndex];
              return row ? `${plural(row.count, 'time')} (${row.percent}%), ${row.hint}` : '';
            },
          },
        },
      },
      scales: {
        x: {
          beginAtZero: true,
          ticks: { color: colors.muted, precision: 0, ...tickFont },
          grid: { color: colors.grid },
          border: { display: false },
          title: { display: true, text: 'Times logged', color: colors.muted, ...tickFont },
        },
        y: { ticks: { color: colors.text, ...tickFont }, grid: { display: false }, border: { color: colors.grid } },
      },
    },
  };
}

export function stoolTable(counts: readonly number[], period: string): TableModel {
  return {
    caption: `Stool types logged, ${period}`,
    columns: [
      { label: 'Type' },
      { label: 'Looks like' },
      { label: 'Times logged', numeric: true },
      { label: 'Share', numeric: true },
    ],
    rows: stoolRows(counts).map((row) => ({
      key: String(row.type),
      cells: [`Type ${row.type}`, `${row.label} (${row.hint})`, String(row.count), `${row.percent}%`],
    })),
  };
}

export function stoolSummary(counts: readonly number[], period: string): string {
  const rows = stoolRows(counts);
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const head = `Bar chart of the stool types (Bristol scale) logged, ${period}`;
  if (!total) return `${head}: none logged.`;
  const top = rows.reduce((best, row) => (row.count > best.count ? row : best), rows[0]!);
  const usual = rows.filter((row) => row.type === 3 || row.type === 4).reduce((sum, row) => sum + row.count, 0);
  return (
    `${head}: ${plural(total, 'bowel movement')}. Most often type ${top.type} (${top.label.toLowerCase()}), ${plural(top.count, 'time')}, ${top.percent}%. ` +
    `Types 3 and 4, the usual range: ${Math.round((usual / total) * 100)}%.`
  );
}

// ----- Bloating

export function bloatingSpec(view: TrendsView, colors: TrendsColors): TimeChartSpec {
  return {
    dates: view.dates,
    layers: [
      ...averagedLines(view, BLOATING_KEY, colors.series[1] ?? colors.bar),
      ...averagedLines(view, DISCOMFORT_KEY, colors.series[2] ?? colors.text),
    ],
    y: { title: 'Score (0–10)', min: 0, max: 10 },
  };
}

export function bloatingTable(view: TrendsView): TableModel {
  return dailyTable(`Bloating and tummy discomfort per day, ${periodWords(view)}`, view.dates, [
    { label: view.label(BLOATING_KEY), values: view.values(BLOATING_KEY) },
    { label: `${view.label(BLOATING_KEY)}, 7-day average`, values: view.average(BLOATING_KEY), average: true },
    { label: view.label(DISCOMFORT_KEY), values: view.values(DISCOMFORT_KEY) },
    { label: `${view.label(DISCOMFORT_KEY)}, 7-day average`, values: view.average(DISCOMFORT_KEY), average: true },
  ]);
}

export function bloatingSummary(view: TrendsView): string {
  return `Line chart of bloating and tummy discomfort from 0 to 10, ${periodWords(view)}. ${averageWords(view, BLOATING_KEY)}. ${averageWords(view, DISCOMFORT_KEY)}.`;
}

// ----- Stress and meditation

export function stressSpec(view: TrendsView, colors: TrendsColors): TimeChartSpec {
  const layers: Layer[] = [...averagedLines(view, STRESS_KEY, colors.series[4] ?? colors.text)];
  const meditation = view.get(MEDITATION_KEY);
  if (meditation) {
    layers.push({
      type: 'bar',
      label: 'Meditation (minutes)',
      values: view.values(MEDITATION_KEY),
      color: colors.bar,
      axis: 'y2',
      unit: 'minutes',
    });
  }
  return {
    dates: view.dates,
    layers,
    y: { title: 'Stress (0–10)', min: 0, max: 10 },
    ...(meditation ? { y2: { title: 'Meditation (minutes)' } } : {}),
  };
}

export function stressTable(view: TrendsView): TableModel {
  return dailyTable(`Stress and meditation per day, ${periodWords(view)}`, view.dates, [
    { label: view.label(STRESS_KEY), values: view.values(STRESS_KEY) },
    { label: `${view.label(STRESS_KEY)}, 7-day average`, values: view.average(STRESS_KEY), average: true },
    { label: 'Meditation (minutes)', values: view.values(MEDITATION_KEY) },
  ]);
}

export function stressSummary(view: TrendsView): string {
  const minutes = view.values(MEDITATION_KEY);
  const total = minutes.reduce<number>((sum, m) => sum + (m ?? 0), 0);
  const days = minutes.filter((m) => m !== null && m > 0).length;
  const meditation = total
    ? `Meditation: ${plural(Math.round(total), 'minute')} on ${plural(days, 'day')}.`
    : 'No meditation minutes logged.';
  return `Stress from 0 to 10 as lines and meditation minutes as bars, ${periodWords(view)}. ${averageWords(view, STRESS_KEY)}. ${meditation}`;
}
