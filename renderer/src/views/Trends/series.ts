import type { DailySeries, TrendsData } from '$contract/trendsTerms';

/**
 * The daily series as the Trends charts use them. Pure: unit-tested under plain Node
 * (tests/unit/trends-series.test.ts). A missing day is null everywhere and is never turned
 * into a zero; lines break at it.
 */

export type Values = readonly (number | null)[];

/** Days of the window of the rolling average (the day itself and the 6 before it). */
export const AVERAGE_DAYS = 7;
/** Days loaded before the chosen period, so averages and shifted factors are whole from its first day. */
export const LEAD_IN_DAYS = 14;

/**
 * The mean of the days with a value among the `window` days ending on each day. A day without
 * a value stays null (gaps stay gaps), and so does a window with no values at all.
 */
export function rollingMean(values: Values, window = AVERAGE_DAYS): (number | null)[] {
  const out = new Array<number | null>(values.length).fill(null);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const entering = values[i];
    if (entering !== null && entering !== undefined) {
      sum += entering;
      count++;
    }
    const leaving = i - window >= 0 ? values[i - window] : null;
    if (leaving !== null && leaving !== undefined) {
      sum -= leaving;
      count--;
    }
    if (entering !== null && entering !== undefined && count > 0) out[i] = round(sum / count, 2);
  }
  return out;
}

/**
 * A series moved `shift` days later (negative: earlier): the value shown on day i is the one
 * recorded on day i − shift. Days it would come from outside the series are null.
 */
export function shiftValues(values: Values, shift: number): (number | null)[] {
  const out = new Array<number | null>(values.length).fill(null);
  for (let i = 0; i < values.length; i++) {
    const from = i - shift;
    if (from >= 0 && from < values.length) out[i] = values[from] ?? null;
  }
  return out;
}

/** The highest value of each day over several series; null when none has one. */
export function worstOf(series: readonly Values[], length: number): (number | null)[] {
  const out = new Array<number | null>(length).fill(null);
  for (const values of series) {
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (value === null || value === undefined) continue;
      const current = out[i];
      out[i] = current === null || current === undefined || value > current ? value : current;
    }
  }
  return out;
}

/**
 * The loaded period: the response for the chosen dates, plus the lead-in days before them
 * (a separate, earlier response) that only feed averages and shifts.
 */
export class TrendsView {
  readonly data: TrendsData;
  /** Lead-in days before `data.from` held in `full` arrays. */
  readonly offset: number;
  readonly dates: readonly string[];
  private readonly byKey = new Map<string, DailySeries>();
  private readonly full = new Map<string, (number | null)[]>();
  private readonly cache = new Map<string, (number | null)[]>();

  constructor(data: TrendsData, leadIn: TrendsData | null = null) {
    this.data = data;
    this.dates = data.dates;
    const before = leadIn && leadIn.to < data.from ? leadIn.dates.filter((date) => date < data.from) : [];
    this.offset = before.length;
    const leadByKey = new Map((leadIn?.series ?? []).map((series) => [series.key, series]));
    for (const series of data.series) {
      this.byKey.set(series.key, series);
      if (this.offset === 0) {
        this.full.set(series.key, series.values);
        continue;
      }
      const lead = leadByKey.get(series.key)?.values ?? [];
      const head = before.map((_, i) => lead[i] ?? null);
      this.full.set(series.key, [...head, ...series.values]);
    }
  }

  get length(): number {
    return this.dates.length;
  }

  get series(): readonly DailySeries[] {
    return this.data.series;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get(key: string): DailySeries | undefined {
    return this.byKey.get(key);
  }

  label(key: string): string {
    return this.byKey.get(key)?.label ?? key;
  }

  /** The values of the chosen period (all null when the series is unknown). */
  values(key: string): (number | null)[] {
    return this.byKey.get(key)?.values ?? new Array<number | null>(this.length).fill(null);
  }

  /** The 7-day rolling average over the chosen period, whole from its first day. */
  average(key: string): (number | null)[] {
    return this.memo(`avg:${key}`, () => rollingMean(this.fullValues(key)).slice(this.offset));
  }

  /** The series moved `shift` days later (negative: earlier) over the chosen period. */
  shifted(key: string, shift: number): (number | null)[] {
    if (shift === 0) return this.values(key);
    return this.memo(`shift:${key}:${shift}`, () => shiftValues(this.fullValues(key), shift).slice(this.offset));
  }

  private fullValues(key: string): (number | null)[] {
    return this.full.get(key) ?? new Array<number | null>(this.offset + this.length).fill(null);
  }

  private memo(key: string, make: () => (number | null)[]): (number | null)[] {
    let values = this.cache.get(key);
    if (!values) {
      values = make();
      this.cache.set(key, values);
    }
    return values;
  }
}

/** Rounds to `decimals` places (for display and for averages that should not carry float noise). */
export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A value as the tables and tooltips show it: "yes"/"no" for yes/no series, else at most one decimal. */
export function formatValue(value: number | null | undefined, kind: DailySeries['kind'] = 'number'): string {
  if (value === null || value === undefined) return '–';
  if (kind === 'yesno') return value >= 0.5 ? 'yes' : 'no';
  return String(round(value, 1));
}

let shortDayFormat: Intl.DateTimeFormat | null = null;

/**
 * "3 Mar 2026" in the person's locale, like lib/dates shortDate(date, 'short') but with one
 * shared formatter: tables and the heatmap label thousands of days, and toLocaleDateString
 * builds a new formatter on every call.
 */
export function shortDay(date: string): string {
  shortDayFormat ??= new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return shortDayFormat.format(Date.UTC(y, m - 1, d));
}

/** The person's local midnight of a 'YYYY-MM-DD' date, in milliseconds (what the time axis plots). */
export function dayTime(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** How many days of a series have a value. */
export function countValues(values: Values): number {
  let n = 0;
  for (const value of values) if (value !== null && value !== undefined) n++;
  return n;
}

/** The mean of the values present; null when there are none. */
export function meanOf(values: Values): number | null {
  let sum = 0;
  let n = 0;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    sum += value;
    n++;
  }
  return n ? sum / n : null;
}

/** A mean or average as text, always with one decimal ("4.0"). */
export function oneDecimal(value: number): string {
  return round(value, 1).toFixed(1);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : many}`;
}
