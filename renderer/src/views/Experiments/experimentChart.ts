import type { ChartData, ChartOptions } from 'chart.js';
import { themedTooltip, withAlpha, type ChartColors } from '../../lib/chartTheme';
import type { ExperimentDetail } from '$contract/experimentsTerms';

/**
 * The experiment chart as pure data: the main outcome day by day as a line (gaps where nothing
 * was logged), over shaded bands for "on" days, "off" days and settling-in days. Chart.js draws
 * it; this function is what the tests check.
 */

type Detail = Pick<ExperimentDetail, 'schedule' | 'outcome' | 'plan' | 'deviations'>;
type Shade = 'on' | 'off' | 'washout' | 'run-in';

export interface ExperimentChartRow {
  date: string;
  label: string;
  shade: Shade;
  value: number | null;
  paused: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}`;
}

export function experimentRows(detail: Detail): ExperimentChartRow[] {
  const paused = new Set<string>();
  for (const d of detail.deviations) {
    if (d.kind !== 'pause') continue;
    for (const day of detail.schedule) if (day.date >= d.fromDate && day.date <= d.toDate) paused.add(day.date);
  }
  return detail.schedule.map((day, i) => ({
    date: day.date,
    label: shortDate(day.date),
    shade: day.phase === 'run-in' ? 'run-in' : day.washout ? 'washout' : day.arm,
    value: detail.outcome[i] ?? null,
    paused: paused.has(day.date),
  }));
}

export function shadeColors(colors: ChartColors): Record<Shade, string> {
  return {
    on: withAlpha(colors.bar, 0.24),
    off: withAlpha(colors.muted, 0.1),
    washout: withAlpha(colors.muted, 0.28),
    'run-in': withAlpha(colors.muted, 0.18),
  };
}

/** Highest value the outcome's scale can take (0–10 scores, Bristol 1–7), else the data's own top. */
export function scaleTop(detail: Detail): number {
  if (detail.plan.outcomeUnit.startsWith('points')) return 10;
  if (detail.plan.outcomeUnit.startsWith('Bristol')) return 7;
  const values = detail.outcome.filter((v): v is number => v !== null);
  return Math.max(1, ...values) * 1.1;
}

export function experimentChartData(
  detail: Detail,
  colors: ChartColors,
): ChartData<'bar' | 'line', (number | null)[], string> {
  const rows = experimentRows(detail);
  const top = scaleTop(detail);
  const shades = shadeColors(colors);
  const band = (shade: Shade, label: string) => ({
    type: 'bar' as const,
    label,
    data: rows.map((row) => (row.shade === shade ? top : null)),
    backgroundColor: shades[shade],
    borderWidth: 0,
    barPercentage: 1,
    categoryPercentage: 1,
    grouped: false,
    order: 2,
  });
  const datasets = [
    {
      type: 'line' as const,
      label: detail.plan.outcomeLabel,
      data: rows.map((row) => row.value),
      borderColor: colors.text,
      backgroundColor: colors.text,
      pointRadius: 2,
      borderWidth: 2,
      spanGaps: false,
      order: 1,
    },
    band('on', `“${detail.plan.onText}” days`),
    band('off', `“${detail.plan.offText}” days`),
  ];
  // A band only when the plan has such days (no settling-in days: no legend entry for them).
  if (rows.some((row) => row.shade === 'washout')) datasets.push(band('washout', 'Settling-in days (left out)'));
  if (rows.some((row) => row.shade === 'run-in')) datasets.push(band('run-in', 'Avoid phase (left out)'));
  return { labels: rows.map((row) => row.label), datasets };
}

export function experimentChartOptions(
  detail: Detail,
  colors: ChartColors,
  options: { reducedMotion: boolean; fontFamily?: string },
): ChartOptions<'bar' | 'line'> {
  const font = options.fontFamily ? { family: options.fontFamily } : undefined;
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: options.reducedMotion ? false : { duration: 250 },
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: {
        ticks: { color: colors.muted, maxRotation: 0, autoSkip: true, maxTicksLimit: 10, ...(font ? { font } : {}) },
        grid: { display: false },
      },
      y: {
        min: 0,
        max: scaleTop(detail),
        title: { display: true, text: detail.plan.outcomeUnit || detail.plan.outcomeLabel, color: colors.muted },
        ticks: { color: colors.muted, ...(font ? { font } : {}) },
        grid: { color: colors.grid },
      },
    },
    plugins: {
      legend: { labels: { color: colors.text, boxWidth: 14, ...(font ? { font } : {}) } },
      tooltip: {
        ...themedTooltip(colors, font),
        filter: (item) => item.datasetIndex === 0,
      },
    },
  };
}

/** What the chart shows, in one sentence for screen readers. */
export function experimentChartSummary(detail: Detail): string {
  const rows = experimentRows(detail);
  const logged = rows.filter((row) => row.value !== null).length;
  const on = rows.filter((row) => row.shade === 'on').length;
  const off = rows.filter((row) => row.shade === 'off').length;
  const washout = rows.filter((row) => row.shade === 'washout').length;
  return `${detail.plan.outcomeLabel} on each day of the experiment, ${logged} of ${rows.length} days logged, over ${on} “${detail.plan.onText}” days, ${off} “${detail.plan.offText}” days and ${washout} settling-in days.`;
}
