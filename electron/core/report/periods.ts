import { REPORT_WEEKLY_UP_TO_DAYS, type ReportPeriod } from '../../contract/reportTerms';
import { weekStart } from '../journal/dates';

/**
 * Weeks and months of a period, and sums and averages over them. `dates` are always every
 * calendar day of the period in order (as the daily series hold them). Pure.
 */

export type Bucket = 'week' | 'month';

/** Weeks for periods up to REPORT_WEEKLY_UP_TO_DAYS days, months for longer ones. */
export function bucketFor(days: number): Bucket {
  return days <= REPORT_WEEKLY_UP_TO_DAYS ? 'week' : 'month';
}

const keyOf = (date: string, bucket: Bucket): string => (bucket === 'week' ? weekStart(date) : date.slice(0, 7));

/** The weeks (Monday to Sunday) or calendar months the dates fall in, clipped to the dates. */
export function splitPeriods(dates: readonly string[], bucket: Bucket): { periods: ReportPeriod[]; indexOf: number[] } {
  const periods: ReportPeriod[] = [];
  const indexOf = new Array<number>(dates.length);
  let current = '';
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i]!;
    const key = keyOf(date, bucket);
    if (key !== current) {
      periods.push({ start: date, end: date, days: 0 });
      current = key;
    }
    const period = periods.at(-1)!;
    period.end = date;
    period.days++;
    indexOf[i] = periods.length - 1;
  }
  return { periods, indexOf };
}

/** The mean of the values that are there, or null when none is. */
export function meanOf(values: Iterable<number | null | undefined>): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    sum += value;
    count++;
  }
  return count ? sum / count : null;
}

export function countOf(
  values: readonly (number | null | undefined)[],
  test: (value: number) => boolean = () => true,
): number {
  let count = 0;
  for (const value of values) if (value !== null && value !== undefined && test(value)) count++;
  return count;
}

/** Per period: the mean of the values recorded in it (null when none). */
export function meanByPeriod(
  values: readonly (number | null)[],
  indexOf: readonly number[],
  periods: number,
): (number | null)[] {
  const sums = new Array<number>(periods).fill(0);
  const counts = new Array<number>(periods).fill(0);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    sums[indexOf[i]!]! += value;
    counts[indexOf[i]!]!++;
  }
  return sums.map((sum, p) => (counts[p] ? sum / counts[p]! : null));
}

/** Per period: how many days' values pass the test. */
export function countByPeriod(
  values: readonly (number | null)[],
  indexOf: readonly number[],
  periods: number,
  test: (value: number) => boolean,
): number[] {
  const counts = new Array<number>(periods).fill(0);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined && test(value)) counts[indexOf[i]!]!++;
  }
  return counts;
}

/** Per period: the sum of the values and the days that had one. */
export function sumByPeriod(
  values: readonly (number | null)[],
  indexOf: readonly number[],
  periods: number,
): { sum: number; days: number }[] {
  const totals = Array.from({ length: periods }, () => ({ sum: 0, days: 0 }));
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    const total = totals[indexOf[i]!]!;
    total.sum += value;
    total.days++;
  }
  return totals;
}

export interface WeekSum {
  /** Monday of the week. */
  weekStart: string;
  sum: number;
  /** Days of the week (within the dates) that had a value. */
  days: number;
}

/** Sums per calendar week (Monday to Sunday), every week the dates touch, missing days left out. */
export function weeklySums(dates: readonly string[], values: readonly (number | null)[]): WeekSum[] {
  const { periods, indexOf } = splitPeriods(dates, 'week');
  return sumByPeriod(values, indexOf, periods.length).map((total, p) => ({
    weekStart: weekStart(periods[p]!.start),
    ...total,
  }));
}

/** A sum over some logged days, scaled to a week of such days (null when no day was logged). */
export function perWeek(sum: number, days: number): number | null {
  return days ? (sum / days) * 7 : null;
}

/** A sum over some logged days, per such day (null when no day was logged). */
export function perDay(sum: number, days: number): number | null {
  return days ? sum / days : null;
}
