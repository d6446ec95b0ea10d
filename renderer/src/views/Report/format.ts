import type { ReportPeriod, Trend } from '$contract/reportTerms';

/**
 * Words and numbers as the printed report writes them. Dates are spelled the same whatever the
 * computer's language ("16 Jun 2025"), so a clinician abroad cannot misread them. Pure.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MINUS = '\u2212';
export const NONE = '–';

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** "16 Jun 2025". */
export function paperDate(date: string): string {
  const [y, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "16 Jun" (no year), for week labels. */
export function dayMonth(date: string): string {
  const [, m, d] = parts(date);
  return `${d} ${MONTHS[m - 1]}`;
}

/** "Jun 2025". */
export function monthYear(date: string): string {
  const [y, m] = parts(date);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "16 Jun 2025 to 15 Jun 2026". */
export function paperPeriod(from: string, to: string): string {
  return from === to ? paperDate(from) : `${paperDate(from)} to ${paperDate(to)}`;
}

/** A week by its first day ("w/c 16 Jun"), a month by its name ("Jun 2025"). */
export function periodLabel(period: ReportPeriod, bucket: 'week' | 'month'): string {
  return bucket === 'week' ? `w/c ${dayMonth(period.start)}` : monthYear(period.start);
}

/** One decimal, or a dash for nothing recorded. */
export function one(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? NONE : value.toFixed(1);
}

export function whole(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : Math.round(value).toLocaleString('en-GB');
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : `${Math.round(value)}%`;
}

/** "+0.9", "−1.2" (a real minus sign), "0.0". */
export function signed(value: number | null | undefined): string {
  if (value === null || value === undefined) return NONE;
  const text = Math.abs(value).toFixed(1);
  if (text === '0.0') return '0.0';
  return `${value > 0 ? '+' : MINUS}${text}`;
}

/**
 * A change of a score where higher is worse, with its direction in words: "+4.0, worse",
 * "−2.0, better", "0.0, no change" (a dash when there is nothing to compare).
 */
export function changeWords(change: number | null | undefined): string {
  if (change === null || change === undefined) return NONE;
  const text = signed(change);
  if (text === '0.0') return '0.0, no change';
  return `${text}, ${change > 0 ? 'worse' : 'better'}`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? word : many}`;
}

/** The trend of a 0–10 score, as an arrow and words (higher scores are worse). */
export function trendWords(trend: Trend): { arrow: string; words: string } {
  switch (trend.direction) {
    case 'better':
      return { arrow: '↓', words: `improving (${signed(trend.change)})` };
    case 'worse':
      return { arrow: '↑', words: `worsening (${signed(trend.change)})` };
    case 'steady':
      return { arrow: '→', words: `steady (${signed(trend.change)})` };
    default:
      return { arrow: NONE, words: 'too few scores to tell' };
  }
}

/** "same day", "1 day later", "3 days later". */
export function lagWords(lag: number): string {
  return lag === 0 ? 'same day' : `${plural(lag, 'day')} later`;
}

/** A q value as the Insights view writes it. */
export function qText(q: number | null): string {
  if (q === null) return NONE;
  if (q < 0.001) return '< 0.001';
  return q < 0.05 ? q.toFixed(3) : q.toFixed(2);
}

/** "q < 0.001", "q = 0.012". */
export function qPhrase(q: number | null): string {
  if (q === null) return 'q not worked out';
  return q < 0.001 ? 'q < 0.001' : `q = ${qText(q)}`;
}

/** Whole years between a date of birth and a day. */
export function ageOn(dateOfBirth: string, date: string): number {
  const [by, bm, bd] = parts(dateOfBirth);
  const [y, m, d] = parts(date);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Insights sentences speak to the patient ("your acne severity"); the report is read by a
 * clinician, so they are put in the third person.
 */
export function thirdPerson(sentence: string): string {
  return sentence.replace(/\byour\b/g, 'the patient’s').replace(/\bYour\b/g, 'The patient’s');
}
