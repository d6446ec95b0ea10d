import { describe, expect, it } from 'vitest';
import { addDaysIso as addDays } from '../../renderer/src/lib/dates';
import {
  arrowTarget,
  compareMonths,
  dayDescription,
  daysInMonth,
  monthOf,
  monthTitle,
  monthWeeks,
  previewText,
  SEVERITY_STEPS,
  severityStep,
  shiftMonth,
  splitSnippet,
  weekdayIndex,
  weekdayNames,
} from '../../renderer/src/views/Journal/calendar';

describe('journal calendar: month grid', () => {
  it('lays out June 2026 in weeks starting on Monday', () => {
    const weeks = monthWeeks(2026, 6);
    // 1 June 2026 is a Monday; 30 days → 5 rows.
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toBe('2026-06-01');
    expect(weeks[4]).toEqual(['2026-06-29', '2026-06-30', null, null, null, null, null]);
  });

  it('pads the first week when the month starts mid-week', () => {
    const weeks = monthWeeks(2026, 3); // 1 March 2026 is a Sunday
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks).toHaveLength(6);
    expect(weeks.at(-1)).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
  });

  it('fits February of a common year starting on Monday into exactly four rows', () => {
    expect(monthWeeks(2021, 2)).toHaveLength(4);
    expect(monthWeeks(2021, 2).flat().filter(Boolean)).toHaveLength(28);
  });

  it('holds every date of the month once, in order, and rows of seven', () => {
    for (const [year, month] of [
      [2024, 2],
      [2025, 12],
      [2026, 1],
      [2026, 8],
    ] as const) {
      const weeks = monthWeeks(year, month);
      expect(weeks.every((week) => week.length === 7)).toBe(true);
      const dates = weeks.flat().filter((d): d is string => d !== null);
      expect(dates).toHaveLength(daysInMonth(year, month));
      expect([...dates].sort()).toEqual(dates);
      for (const week of weeks) week.forEach((date, column) => date && expect(weekdayIndex(date)).toBe(column));
    }
  });

  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('counts weekdays from Monday', () => {
    expect(weekdayIndex('2026-06-15')).toBe(0); // Monday
    expect(weekdayIndex('2026-06-14')).toBe(6); // Sunday
    expect(weekdayIndex('2026-06-13')).toBe(5); // Saturday
  });

  it('names weekdays Monday first', () => {
    const names = weekdayNames('en-GB');
    expect(names.map((n) => n.long)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(names[0]!.short).toBe('Mon');
  });
});

describe('journal calendar: months and days', () => {
  it('moves between months across year ends', () => {
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 2025, month: 12 }, 1)).toEqual({ year: 2026, month: 1 });
    expect(shiftMonth({ year: 2026, month: 6 }, -18)).toEqual({ year: 2024, month: 12 });
    expect(shiftMonth({ year: 2026, month: 6 }, 0)).toEqual({ year: 2026, month: 6 });
  });

  it('compares months', () => {
    expect(compareMonths({ year: 2026, month: 6 }, { year: 2026, month: 6 })).toBe(0);
    expect(compareMonths({ year: 2026, month: 5 }, { year: 2026, month: 6 })).toBeLessThan(0);
    expect(compareMonths({ year: 2027, month: 1 }, { year: 2026, month: 12 })).toBeGreaterThan(0);
  });

  it('reads the month of a date and titles it', () => {
    expect(monthOf('2026-06-14')).toEqual({ year: 2026, month: 6 });
    expect(monthTitle({ year: 2026, month: 6 }, 'en-GB')).toBe('June 2026');
  });

  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('moves focus with arrow keys inside the month and never into the future', () => {
    expect(arrowTarget('2026-06-10', 'ArrowRight', '2026-06-30')).toBe('2026-06-11');
    expect(arrowTarget('2026-06-10', 'ArrowLeft', '2026-06-30')).toBe('2026-06-09');
    expect(arrowTarget('2026-06-10', 'ArrowUp', '2026-06-30')).toBe('2026-06-03');
    expect(arrowTarget('2026-06-10', 'ArrowDown', '2026-06-30')).toBe('2026-06-17');
    expect(arrowTarget('2026-06-03', 'ArrowUp', '2026-06-30')).toBeNull();
    expect(arrowTarget('2026-06-30', 'ArrowRight', '2026-07-30')).toBeNull();
    expect(arrowTarget('2026-06-14', 'ArrowRight', '2026-06-14')).toBeNull();
    expect(arrowTarget('2026-06-14', 'Enter', '2026-06-30')).toBeNull();
  });
});

describe('journal calendar: severity colours', () => {
  it('maps every score 0–10 to one of five steps, in order', () => {
    const steps = Array.from({ length: 11 }, (_, score) => severityStep(score));
    expect(steps).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5]);
  });

  it('has no colour for a day without a score, and clamps odd values', () => {
    expect(severityStep(null)).toBeNull();
    expect(severityStep(undefined)).toBeNull();
    expect(severityStep(Number.NaN)).toBeNull();
    expect(severityStep(-3)).toBe(1);
    expect(severityStep(42)).toBe(5);
  });

  it('covers 0–10 in the legend without gaps or overlaps', () => {
    const covered = SEVERITY_STEPS.flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, i) => s.from + i));
    expect(covered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('journal calendar: words', () => {
  const label = 'Saturday 14 June 2026';

  it('describes a logged day for screen readers', () => {
    expect(dayDescription(label, { date: '2026-06-14', maxSeverity: 7, flare: true, hasNotes: true })).toBe(
      'Saturday 14 June 2026, worst skin score 7, flare, has notes',
    );
    expect(dayDescription(label, { date: '2026-06-14', maxSeverity: 0, flare: false, hasNotes: false })).toBe(
      'Saturday 14 June 2026, worst skin score 0',
    );
    expect(dayDescription(label, { date: '2026-06-14', maxSeverity: null, flare: false, hasNotes: true })).toBe(
      'Saturday 14 June 2026, no skin score, has notes',
    );
  });

  it('says when nothing was logged', () => {
    expect(dayDescription(label, undefined)).toBe('Saturday 14 June 2026, nothing logged');
  });

  it('splits a search snippet into text and marked parts', () => {
    expect(splitSnippet('…woke up \u0001itchy\u0002 after \u0001dairy\u0002')).toEqual([
      { text: '…woke up ', marked: false },
      { text: 'itchy', marked: true },
      { text: ' after ', marked: false },
      { text: 'dairy', marked: true },
    ]);
    expect(splitSnippet('no match markers')).toEqual([{ text: 'no match markers', marked: false }]);
    expect(splitSnippet('')).toEqual([]);
  });

  it('keeps markup in a snippet as plain text and tolerates stray markers', () => {
    expect(splitSnippet('<b>\u0001x\u0002</b>')).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '</b>', marked: false },
    ]);
    expect(splitSnippet('a\u0002b\u0001c')).toEqual([
      { text: 'ab', marked: false },
      { text: 'c', marked: true },
    ]);
  });

  it('previews notes on one line and shows when they were cut', () => {
    expect(previewText('Slept badly.\nItchy   elbows')).toBe('Slept badly. Itchy elbows');
    expect(previewText('x'.repeat(160))).toBe(`${'x'.repeat(160)}…`);
  });
});
