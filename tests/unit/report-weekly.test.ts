import { describe, expect, it } from 'vitest';
import { datesBetween } from '../../electron/core/trends/series';
import {
  bucketFor,
  countByPeriod,
  meanByPeriod,
  meanOf,
  perWeek,
  splitPeriods,
  sumByPeriod,
  weeklySums,
} from '../../electron/core/report/periods';
import { severityTrend, trendWindow } from '../../electron/core/report/trend';

describe('weekly sums', () => {
  it('add up each calendar week (Monday to Sunday), counting the days that had a value', () => {
    // Wednesday 2026-06-03 to Tuesday 2026-06-16: a part week, a whole week, a part week.
    const dates = datesBetween('2026-06-03', '2026-06-16');
    const servings = [2, 1, null, 3, 0, /* Mon 8 */ 1, 1, 1, 1, 1, null, 2, /* Mon 15 */ 4, 0.5];
    expect(weeklySums(dates, servings)).toEqual([
      { weekStart: '2026-06-01', sum: 6, days: 4 },
      { weekStart: '2026-06-08', sum: 7, days: 6 },
      { weekStart: '2026-06-15', sum: 4.5, days: 2 },
    ]);
  });

  it('keep a week with nothing logged, as zero over zero days', () => {
    const dates = datesBetween('2026-06-01', '2026-06-14');
    const values = [...new Array(7).fill(null), 1, 1, 1, 1, 1, 1, 1];
    expect(weeklySums(dates, values)).toEqual([
      { weekStart: '2026-06-01', sum: 0, days: 0 },
      { weekStart: '2026-06-08', sum: 7, days: 7 },
    ]);
  });

  it('per week scales a sum over logged days to seven such days', () => {
    expect(perWeek(12, 6)).toBe(14);
    expect(perWeek(7, 7)).toBe(7);
    expect(perWeek(0, 0)).toBeNull();
  });
});

describe('weeks and months of a period', () => {
  it('shows up to 120 days week by week and longer periods month by month', () => {
    expect(bucketFor(30)).toBe('week');
    expect(bucketFor(120)).toBe('week');
    expect(bucketFor(121)).toBe('month');
    expect(bucketFor(3650)).toBe('month');
  });

  it('splits the dates into months clipped to the period, and maps each day to its month', () => {
    const dates = datesBetween('2026-01-30', '2026-03-02');
    const { periods, indexOf } = splitPeriods(dates, 'month');
    expect(periods).toEqual([
      { start: '2026-01-30', end: '2026-01-31', days: 2 },
      { start: '2026-02-01', end: '2026-02-28', days: 28 },
      { start: '2026-03-01', end: '2026-03-02', days: 2 },
    ]);
    expect(indexOf[0]).toBe(0);
    expect(indexOf[2]).toBe(1);
    expect(indexOf.at(-1)).toBe(2);
  });

  it('averages, counts and sums per period, leaving missing days out', () => {
    const dates = datesBetween('2026-06-06', '2026-06-09'); // Sat, Sun | Mon, Tue
    const { periods, indexOf } = splitPeriods(dates, 'week');
    expect(periods.map((p) => p.days)).toEqual([2, 2]);
    const values = [4, null, 1, 7];
    expect(meanByPeriod(values, indexOf, 2)).toEqual([4, 4]);
    expect(meanByPeriod([null, null, 1, 1], indexOf, 2)).toEqual([null, 1]);
    expect(countByPeriod(values, indexOf, 2, (v) => v >= 4)).toEqual([1, 1]);
    expect(sumByPeriod(values, indexOf, 2)).toEqual([
      { sum: 4, days: 1 },
      { sum: 8, days: 2 },
    ]);
    expect(meanOf([null, undefined])).toBeNull();
  });
});

describe('severity trend', () => {
  it('compares the average of the period’s last days with its first (a third, 7 to 28 days)', () => {
    expect(trendWindow(30)).toBe(10);
    expect(trendWindow(14)).toBe(7);
    expect(trendWindow(365)).toBe(28);
    const rising = [...new Array(10).fill(3), ...new Array(10).fill(4), ...new Array(10).fill(5)];
    expect(severityTrend(rising)).toMatchObject({ direction: 'worse', change: 2, early: 3, late: 5, windowDays: 10 });
    expect(severityTrend([...rising].reverse())).toMatchObject({ direction: 'better', change: -2 });
    const flat = [...new Array(15).fill(4), ...new Array(15).fill(4.4)];
    expect(severityTrend(flat).direction).toBe('steady');
  });

  it('cannot tell with too few days or too few scores at either end', () => {
    expect(severityTrend([1, 2, 3, 4, 5]).direction).toBe('unknown');
    const sparse = [5, null, null, null, null, null, null, null, null, null, ...new Array(20).fill(2)];
    expect(severityTrend(sparse)).toMatchObject({ direction: 'unknown', change: null });
  });
});
