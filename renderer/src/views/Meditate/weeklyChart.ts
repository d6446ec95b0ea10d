import type { ChartData, ChartOptions } from 'chart.js';
import { themedTooltip, type ChartColors } from '../../lib/chartTheme';
import type { MeditationStats } from '$contract/meditation';

/**
 * The weekly-minutes chart as pure data: labels, bars, options and a spoken summary. The
 * component only reads the theme's colours and hands these to Chart.js.
 */

export type Week = MeditationStats['weeks'][number];

export { FALLBACK_COLORS, readChartColors, type ChartColors } from '../../lib/chartTheme';

const MONTHS = [
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

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** "2 Jun" — the axis label for the week starting that Monday. */
export function weekLabel(weekStart: string): string {
  const [, m, d] = parts(weekStart);
  return `${d} ${MONTHS[m - 1]!.slice(0, 3)}`;
}

/** "2 June 2026". */
export function weekLongLabel(weekStart: string): string {
  const [y, m, d] = parts(weekStart);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export interface WeekRow {
  weekStart: string;
  label: string;
  longLabel: string;
  minutes: number;
}

/** The same numbers as the chart, for the table view. Oldest first, like the chart. */
export function weeklyRows(weeks: readonly Week[]): WeekRow[] {
  return weeks.map((week) => ({
    weekStart: week.weekStart,
    label: weekLabel(week.weekStart),
    longLabel: weekLongLabel(week.weekStart),
    minutes: Math.max(0, Math.round(week.minutes)),
  }));
}

export function weeklyChartData(weeks: readonly Week[], colors: ChartColors): ChartData<'bar', number[], string> {
  const rows = weeklyRows(weeks);
  return {
    labels: rows.map((row) => row.label),
    datasets: [
      {
        label: 'Minutes',
        data: rows.map((row) => row.minutes),
        backgroundColor: colors.bar,
        hoverBackgroundColor: colors.barHover,
        borderRadius: 4,
        maxBarThickness: 36,
      },
    ],
  };
}

export function weeklyChartOptions(
  weeks: readonly Week[],
  colors: ChartColors,
  { reducedMotion, fontFamily }: { reducedMotion: boolean; fontFamily?: string },
): ChartOptions<'bar'> {
  const rows = weeklyRows(weeks);
  const font = fontFamily ? { family: fontFamily } : undefined;
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: reducedMotion ? false : { duration: 300 },
    color: colors.text,
    plugins: {
      legend: { display: false },
      tooltip: {
        ...themedTooltip(colors, font),
        displayColors: false,
        callbacks: {
          title: (items) => {
            const row = rows[items[0]?.dataIndex ?? -1];
            return row ? `Week of ${row.longLabel}` : '';
          },
          label: (item) => plural(Number(item.parsed.y ?? 0), 'minute'),
        },
      },
    },
    scales: {
      x: {
        ticks: { color: colors.muted, ...(font ? { font } : {}) },
        grid: { display: false },
        border: { color: colors.grid },
      },
      y: {
        beginAtZero: true,
        suggestedMax: 10,
        ticks: { color: colors.muted, precision: 0, ...(font ? { font } : {}) },
        grid: { color: colors.grid },
        border: { display: false },
        title: { display: true, text: 'Minutes', color: colors.muted, ...(font ? { font } : {}) },
      },
    },
  };
}

/** The canvas's aria-label: what the chart shows, in one or two sentences. */
export function weeklyChartSummary(weeks: readonly Week[]): string {
  const rows = weeklyRows(weeks);
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return 'Minutes meditated per week: no weeks to show.';
  const span = `${rows.length === 1 ? 'the week' : `${rows.length} weeks`} from ${first.longLabel} to the week of ${last.longLabel}`;
  const total = rows.reduce((sum, row) => sum + row.minutes, 0);
  if (total === 0) return `Bar chart of minutes meditated per week, ${span}: no minutes logged yet.`;
  const best = rows.reduce((top, row) => (row.minutes > top.minutes ? row : top), first);
  return (
    `Bar chart of minutes meditated per week, ${span}. ` +
    `Total ${plural(total, 'minute')}; the most was ${plural(best.minutes, 'minute')} in the week of ${best.longLabel}; ` +
    `this week so far ${plural(last.minutes, 'minute')}.`
  );
}
