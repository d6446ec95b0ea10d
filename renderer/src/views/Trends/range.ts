import { addDaysIso } from '../../lib/dates';
import { LEAD_IN_DAYS } from './series';
import { formatCount, plural, shortDate } from '../../lib/format';

/** The periods Trends offers. Pure: tested in tests/unit/trends-range.test.ts. */
export type PeriodId = 'days30' | 'days90' | 'year' | 'all' | 'custom';

export const PERIODS: readonly { id: PeriodId; label: string; days?: number }[] = [
  { id: 'days30', label: '30 days', days: 30 },
  { id: 'days90', label: '90 days', days: 90 },
  { id: 'year', label: '1 year', days: 365 },
  { id: 'all', label: 'All' },
  { id: 'custom', label: 'Custom' },
];

export const DEFAULT_PERIOD: PeriodId = 'days90';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** What to ask `trends.series` for: both dates, or none (everything). */
export interface RangeRequest {
  from?: string;
  to?: string;
}

export interface PeriodChoice {
  period: PeriodId;
  /** Custom dates, as typed. */
  customFrom?: string;
  customTo?: string;
}

export interface Journal {
  today: string;
  /** The last logged day of the whole journal, once known. */
  lastLogged: string | null;
}

export type PlannedRange =
  { ok: true; request: RangeRequest; endsAtLastLogged: boolean } | { ok: false; error: string };

/**
 * The dates to load for a period. A fixed-length period ends today; when nothing was logged in
 * it but older days were, it ends on the last logged day instead, so it never opens empty.
 */
export function planRange(choice: PeriodChoice, journal: Journal): PlannedRange {
  if (choice.period === 'all') return { ok: true, request: {}, endsAtLastLogged: false };
  if (choice.period === 'custom') {
    const error = customRangeError(choice.customFrom ?? '', choice.customTo ?? '', journal.today);
    if (error) return { ok: false, error };
    return { ok: true, request: { from: choice.customFrom!, to: choice.customTo! }, endsAtLastLogged: false };
  }
  const days = PERIODS.find((p) => p.id === choice.period)?.days ?? 90;
  let to = journal.today;
  let endsAtLastLogged = false;
  if (journal.lastLogged && journal.lastLogged < addDaysIso(to, -(days - 1))) {
    to = journal.lastLogged;
    endsAtLastLogged = true;
  }
  return { ok: true, request: { from: addDaysIso(to, -(days - 1)), to }, endsAtLastLogged };
}

/** A sentence saying what is wrong with two typed dates, or null when they make a period. */
export function customRangeError(from: string, to: string, today: string): string | null {
  if (!ISO.test(from) || !ISO.test(to)) return 'Choose both a start date and an end date.';
  if (from > to) return 'The start date must be on or before the end date.';
  if (from > today) return 'The start date cannot be in the future.';
  if (to > today) return 'The end date cannot be in the future.';
  if (from < '1900-01-01') return 'The start date is too far in the past.';
  return null;
}

/** The lead-in days to load before a period (null when the period starts before the journal does). */
export function leadInRequest(from: string, firstLogged: string | null): RangeRequest | null {
  if (!firstLogged || firstLogged >= from) return null;
  const start = addDaysIso(from, -LEAD_IN_DAYS);
  return { from: start < firstLogged ? firstLogged : start, to: addDaysIso(from, -1) };
}

/** "12 June 2026 to 9 September 2026: 90 days, 84 of them logged". */
export function describePeriod(from: string, to: string, days: number, logged: number): string {
  const span = from === to ? shortDate(from) : `${shortDate(from)} to ${shortDate(to)}`;
  const count =
    days === 1
      ? logged
        ? '1 day, logged'
        : '1 day, not logged'
      : `${plural(days, 'day')}, ${logged === days ? 'all' : formatCount(logged)} of them logged`;
  return `${span}: ${count}`;
}
