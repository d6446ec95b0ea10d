import { describe, expect, it } from 'vitest';
import {
  APP_LOCALE,
  dayAndTime,
  formatCount,
  formatNumber,
  lagInSentence,
  lagShort,
  longDate,
  monthTitle,
  plural,
  pluralWord,
  shortDate,
  timeOfDay,
  weekdayName,
} from '../../renderer/src/lib/format';

describe('lib/format: counted words', () => {
  it('puts the count before the word, singular only for exactly one', () => {
    expect(plural(0, 'day')).toBe('0 days');
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(2, 'day')).toBe('2 days');
    expect(plural(1440, 'comparison')).toBe('1,440 comparisons');
    expect(plural(1, 'more day')).toBe('1 more day');
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'skin condition', 'skin conditions')).toBe('1 skin condition');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(pluralWord(1, 'day')).toBe('day');
    expect(pluralWord(4, 'entry', 'entries')).toBe('entries');
  });

  it('writes numbers with the one app locale, whatever the machine uses', () => {
    expect(APP_LOCALE).toBe('en-GB');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(2.6)).toBe('3');
    expect(formatNumber(10000)).toBe('10,000');
    expect(formatNumber(0.125)).toBe('0.13');
    expect(formatNumber(2.5, 0)).toBe('3');
  });
});

describe('lib/format: delays', () => {
  it('names a delay short, for chips, tables and lists', () => {
    expect([0, 1, 2, 14].map(lagShort)).toEqual(['same day', '1 day later', '2 days later', '14 days later']);
  });

  it('names a delay inside a sentence', () => {
    expect([0, 1, 3].map(lagInSentence)).toEqual(['on the same day', 'the next day', '3 days later']);
  });
});

describe('lib/format: dates', () => {
  it('spells calendar dates the same in every time zone and locale', () => {
    expect(longDate('2026-06-13')).toMatch(/^Saturday,? 13 June 2026$/);
    expect(shortDate('2026-06-13')).toBe('13 June 2026');
    expect(shortDate('2026-06-13', 'short')).toBe('13 Jun 2026');
    expect(shortDate('2026-01-01')).toBe('1 January 2026');
    expect(monthTitle('2026-06')).toBe('June 2026');
    expect(monthTitle('2026-12-31')).toBe('December 2026');
    expect(weekdayName('2026-06-15')).toBe('Monday');
    expect(weekdayName('2026-06-15', 'short')).toBe('Mon');
  });

  it('writes times of day on a 24-hour clock', () => {
    const at = new Date(2026, 5, 13, 7, 5);
    expect(timeOfDay(at)).toBe('07:05');
    expect(timeOfDay(at.toISOString())).toBe('07:05');
    expect(dayAndTime(new Date(2026, 5, 3, 18, 30))).toMatch(/^3 Jun,? 18:30$/);
  });
});
