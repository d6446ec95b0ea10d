/**
 * Pure date and display helpers for the Journal view. No DOM, no runes: unit-tested under
 * plain Node (tests/unit/journal-calendar.test.ts). Dates are 'YYYY-MM-DD' strings in the
 * person's local calendar; arithmetic is done in UTC so daylight-saving changes never shift a day.
 */
import { addDaysIso } from '../../lib/dates';
import type { CalendarDay } from '$contract/journal';

/** A calendar month; `month` is 1–12. */
export interface MonthRef {
  year: number;
  month: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** The month a date falls in. */
export function monthOf(date: string): MonthRef {
  const [year, month] = parts(date);
  return { year, month };
}

/** The month `delta` months before (negative) or after (positive) `ref`. */
export function shiftMonth(ref: MonthRef, delta: number): MonthRef {
  const index = ref.year * 12 + (ref.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** Negative when a is before b, 0 when the same month, positive when after. */
export function compareMonths(a: MonthRef, b: MonthRef): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = parts(date);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/**
 * The weeks of a month as rows of 7 cells, Monday first. Cells outside the month are null,
 * so every row has exactly 7 entries and the month's dates appear in order.
 */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = isoDate(year, month, 1);
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
  const count = daysInMonth(year, month);
  for (let day = 1; day <= count; day++) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** Weekday names Monday first, short and long, in the given locale (default: the person's). */
export function weekdayNames(locale?: string): { short: string; long: string }[] {
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + i));
    return {
      short: day.toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' }),
      long: day.toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' }),
    };
  });
}

/** "June 2026" */
export function monthTitle(ref: MonthRef, locale?: string): string {
  return new Date(Date.UTC(ref.year, ref.month - 1, 1)).toLocaleDateString(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export type SeverityStep = 1 | 2 | 3 | 4 | 5;

/** The five colour steps of the 0–10 skin score, with words for the legend. */
export const SEVERITY_STEPS: readonly { step: SeverityStep; from: number; to: number; label: string }[] = [
  { step: 1, from: 0, to: 1, label: 'clear' },
  { step: 2, from: 2, to: 3, label: 'mild' },
  { step: 3, from: 4, to: 5, label: 'moderate' },
  { step: 4, from: 6, to: 7, label: 'strong' },
  { step: 5, from: 8, to: 10, label: 'severe' },
];

/** Colour step for a 0–10 score; null when nothing was scored. Out-of-range values are clamped. */
export function severityStep(severity: number | null | undefined): SeverityStep | null {
  if (severity === null || severity === undefined || Number.isNaN(severity)) return null;
  const score = Math.min(10, Math.max(0, Math.round(severity)));
  return SEVERITY_STEPS.find((s) => score >= s.from && score <= s.to)!.step;
}

/**
 * What a calendar day button says to assistive technology, e.g.
 * "Saturday 14 June 2026, worst skin score 7, flare, has notes".
 */
export function dayDescription(dateLabel: string, day: CalendarDay | undefined): string {
  const words = [dateLabel];
  if (!day) {
    words.push('nothing logged');
  } else {
    words.push(day.maxSeverity === null ? 'no skin score' : `worst skin score ${day.maxSeverity}`);
    if (day.flare) words.push('flare');
    if (day.hasNotes) words.push('has notes');
  }
  return words.join(', ');
}

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a search snippet whose matches are wrapped in \u0001 … \u0002 into plain and marked
 * parts (to be rendered as text and <mark>, never as HTML). Stray markers are tolerated.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const result: SnippetPart[] = [];
  let marked = false;
  let text = '';
  const flush = (): void => {
    if (text) {
      const last = result[result.length - 1];
      if (last && last.marked === marked) last.text += text;
      else result.push({ text, marked });
    }
    text = '';
  };
  for (const ch of snippet) {
    if (ch === '\u0001' || ch === '\u0002') {
      flush();
      marked = ch === '\u0001';
    } else {
      text += ch;
    }
  }
  flush();
  return result;
}

/** The list's 160-character notes preview as one line, with "…" when it was cut short. */
export function previewText(preview: string, limit = 160): string {
  const oneLine = preview.replace(/\s+/g, ' ').trim();
  return preview.length >= limit ? `${oneLine}…` : oneLine;
}

/**
 * Where an arrow key moves from `date` inside a month grid: left/right one day, up/down one
 * week. Returns null when the move would leave the month or go past `today`.
 */
export function arrowTarget(date: string, key: string, today: string): string | null {
  const step = ({ ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 } as Record<string, number>)[key];
  if (step === undefined) return null;
  const target = addDaysIso(date, step);
  if (target.slice(0, 7) !== date.slice(0, 7) || target > today) return null;
  return target;
}
