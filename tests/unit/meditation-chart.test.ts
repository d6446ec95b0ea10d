import { describe, expect, it } from 'vitest';
import {
  FALLBACK_COLORS,
  readChartColors,
  weekLabel,
  weekLongLabel,
  weeklyChartData,
  weeklyChartOptions,
  weeklyChartSummary,
  weeklyRows,
  type ChartColors,
  type Week,
} from '../../renderer/src/views/Meditate/weeklyChart';

const weeks: Week[] = Array.from({ length: 12 }, (_, i) => {
  const start = new Date(Date.UTC(2026, 3, 6 + 7 * i)).toISOString().slice(0, 10); // Mondays from 6 April 2026
  return { weekStart: start, minutes: [0, 10, 25, 0, 45, 30, 0, 5, 60, 15, 20, 12][i]! };
});

const dark: ChartColors = {
  text: '#e7ecea',
  muted: '#a9b6b2',
  grid: '#3a4744',
  bar: '#7cc6b3',
  barHover: '#98d6c6',
  surface: '#1b2320',
};

describe('meditation weekly chart: data', () => {
  it('labels weeks by their Monday', () => {
    expect(weekLabel('2026-04-06')).toBe('6 Apr');
    expect(weekLabel('2026-12-28')).toBe('28 Dec');
    expect(weekLongLabel('2026-06-01')).toBe('1 June 2026');
  });

  it('turns the stats into one bar per week, oldest first', () => {
    const data = weeklyChartData(weeks, FALLBACK_COLORS);
    expect(data.labels).toHaveLength(12);
    expect(data.labels?.[0]).toBe('6 Apr');
    expect(data.labels?.[11]).toBe('22 Jun');
    expect(data.datasets).toHaveLength(1);
    expect(data.datasets[0]!.data).toEqual([0, 10, 25, 0, 45, 30, 0, 5, 60, 15, 20, 12]);
    expect(data.datasets[0]!.label).toBe('Minutes');
  });

  it('colours the bars from the theme', () => {
    expect(weeklyChartData(weeks, FALLBACK_COLORS).datasets[0]!.backgroundColor).toBe(FALLBACK_COLORS.bar);
    expect(weeklyChartData(weeks, dark).datasets[0]!.backgroundColor).toBe('#7cc6b3');
  });

  it('rounds minutes and never shows negatives', () => {
    const rows = weeklyRows([
      { weekStart: '2026-06-01', minutes: 12.6 },
      { weekStart: '2026-06-08', minutes: -3 },
    ]);
    expect(rows.map((r) => r.minutes)).toEqual([13, 0]);
    expect(rows[0]).toMatchObject({ label: '1 Jun', longLabel: '1 June 2026' });
  });

  it('gives the table exactly the numbers of the chart', () => {
    const rows = weeklyRows(weeks);
    expect(rows.map((r) => r.minutes)).toEqual(weeklyChartData(weeks, FALLBACK_COLORS).datasets[0]!.data);
    expect(rows.map((r) => r.label)).toEqual(weeklyChartData(weeks, FALLBACK_COLORS).labels);
  });
});

describe('meditation weekly chart: theme and options', () => {
  it('reads the CSS variables, falling back when one is empty', () => {
    const vars: Record<string, string> = {
      '--text': ' #e7ecea',
      '--muted': '#a9b6b2 ',
      '--border': '#3a4744',
      '--accent': '#7cc6b3',
    };
    const colors = readChartColors((name) => vars[name] ?? '');
    expect(colors).toEqual({ ...dark, barHover: FALLBACK_COLORS.barHover, surface: FALLBACK_COLORS.surface });
  });

  it('colours text, grid and ticks from the theme', () => {
    const options = weeklyChartOptions(weeks, dark, { reducedMotion: false });
    expect(options.scales?.x?.ticks?.color).toBe(dark.muted);
    expect(options.scales?.y?.ticks?.color).toBe(dark.muted);
    expect(options.scales?.y?.grid?.color).toBe(dark.grid);
    expect(options.plugins?.tooltip?.bodyColor).toBe(dark.text);
    expect(options.plugins?.legend?.display).toBe(false);
    expect(options.scales?.y).toMatchObject({ beginAtZero: true });
  });

  it('does not animate when motion is reduced', () => {
    expect(weeklyChartOptions(weeks, dark, { reducedMotion: true }).animation).toBe(false);
    expect(weeklyChartOptions(weeks, dark, { reducedMotion: false }).animation).not.toBe(false);
  });

  it('names the week and the minutes in the tooltip', () => {
    const callbacks = weeklyChartOptions(weeks, dark, { reducedMotion: true }).plugins?.tooltip?.callbacks as {
      title: (items: { dataIndex: number }[]) => string;
      label: (item: { parsed: { y: number } }) => string;
    };
    expect(callbacks.title([{ dataIndex: 4 }])).toBe('Week of 4 May 2026');
    expect(callbacks.label({ parsed: { y: 1 } })).toBe('1 minute');
    expect(callbacks.label({ parsed: { y: 45 } })).toBe('45 minutes');
  });
});

describe('meditation weekly chart: summary for screen readers', () => {
  it('says the span, the total, the best week and this week', () => {
    expect(weeklyChartSummary(weeks)).toBe(
      'Bar chart of minutes meditated per week, 12 weeks from 6 April 2026 to the week of 22 June 2026. ' +
        'Total 222 minutes; the most was 60 minutes in the week of 1 June 2026; this week so far 12 minutes.',
    );
  });

  it('says when nothing is logged yet', () => {
    const empty = weeks.map((w) => ({ ...w, minutes: 0 }));
    expect(weeklyChartSummary(empty)).toMatch(/no minutes logged yet\.$/);
    expect(weeklyChartSummary([])).toBe('Minutes meditated per week: no weeks to show.');
  });
});
