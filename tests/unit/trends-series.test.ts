import { describe, expect, it } from 'vitest';
import {
  countValues,
  dayTime,
  formatValue,
  meanOf,
  oneDecimal,
  rollingMean,
  shiftValues,
  TrendsView,
  worstOf,
} from '../../renderer/src/views/Trends/series';
import { trendsData } from '../helpers/trendsData';

describe('trends: rolling average', () => {
  it('averages the days with values among the 7 ending on each day', () => {
    expect(rollingMean([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([1, 1.5, 2, 2.5, 3, 3.5, 4, 5, 6]);
  });

  it('keeps gaps as gaps and skips missing days inside the window', () => {
    const values = [4, null, 6, null, null, null, null, null, 10];
    // Day 2 averages days 0 and 2 (the gap is not a zero); day 8's window (2–8) holds only 6 and 10.
    expect(rollingMean(values)).toEqual([4, null, 5, null, null, null, null, null, 8]);
  });

  it('never averages over a window with no values, and rounds to two decimals', () => {
    expect(rollingMean([null, null])).toEqual([null, null]);
    expect(rollingMean([1, 1, 2])).toEqual([1, 1, 1.33]);
    expect(rollingMean([2, 4, 6], 2)).toEqual([2, 3, 5]);
  });

  it('handles ten years of days, keeping every gap a gap', () => {
    const values = Array.from({ length: 3650 }, (_, i) => (i % 12 === 0 ? null : i % 10));
    const averaged = rollingMean(values);
    expect(averaged).toHaveLength(3650);
    expect(averaged[0]).toBeNull();
    expect(countValues(averaged)).toBe(countValues(values));
  });
});

describe('trends: shifting a series', () => {
  it('moves values later with a positive shift and earlier with a negative one', () => {
    expect(shiftValues([1, 2, 3, 4], 2)).toEqual([null, null, 1, 2]);
    expect(shiftValues([1, 2, 3, 4], -1)).toEqual([2, 3, 4, null]);
    expect(shiftValues([1, null, 3], 0)).toEqual([1, null, 3]);
    expect(shiftValues([1, 2], 5)).toEqual([null, null]);
  });
});

describe('trends: helpers', () => {
  it('takes the worst of several series, null when none has a value', () => {
    expect(
      worstOf(
        [
          [1, null, 3, null],
          [2, 5, null, null],
        ],
        4,
      ),
    ).toEqual([2, 5, 3, null]);
  });

  it('formats values for tables: yes/no, one decimal, a dash for nothing', () => {
    expect(formatValue(1, 'yesno')).toBe('yes');
    expect(formatValue(0, 'yesno')).toBe('no');
    expect(formatValue(3.456)).toBe('3.5');
    expect(formatValue(4)).toBe('4');
    expect(formatValue(null)).toBe('–');
    expect(oneDecimal(4)).toBe('4.0');
  });

  it('means and counts skip missing days', () => {
    expect(meanOf([2, null, 4])).toBe(3);
    expect(meanOf([null])).toBeNull();
    expect(countValues([0, null, 1])).toBe(2);
  });

  it('plots each date at its local midnight, one day apart', () => {
    const a = new Date(dayTime('2026-03-01'));
    expect([a.getFullYear(), a.getMonth(), a.getDate(), a.getHours()]).toEqual([2026, 2, 1, 0]);
    expect(new Date(dayTime('2026-03-02')).getDate()).toBe(2);
  });
});

describe('trends: the loaded period with its lead-in days', () => {
  const main = trendsData('2026-03-10', 5, [
    { key: 'skin.severity.1', values: [4, 4, 4, 4, 4] },
    { key: 'food.dairy', values: [1, 0, 0, 0, 0] },
  ]);
  const leadIn = trendsData('2026-03-03', 7, [
    { key: 'skin.severity.1', values: [null, null, null, null, null, 10, 10] },
    { key: 'food.dairy', values: [0, 0, 0, 0, 0, 1, 1] },
  ]);

  it('shows only the chosen days but averages and shifts over the lead-in too', () => {
    const view = new TrendsView(main, leadIn);
    expect(view.offset).toBe(7);
    expect(view.dates).toEqual(main.dates);
    expect(view.values('skin.severity.1')).toEqual([4, 4, 4, 4, 4]);
    // 10 March: the window holds 8, 9 and 10 March: (10 + 10 + 4) / 3.
    expect(view.average('skin.severity.1')).toEqual([8, 7, 6.4, 6, 5.71]);
    // Dairy of 8 and 9 March reaches 10 and 11 March when shifted two days later.
    expect(view.shifted('food.dairy', 2)).toEqual([1, 1, 1, 0, 0]);
    expect(view.shifted('food.dairy', -1)).toEqual([0, 0, 0, 0, null]);
  });

  it('works without a lead-in, and answers unknown series with nulls', () => {
    const view = new TrendsView(main);
    expect(view.offset).toBe(0);
    expect(view.average('skin.severity.1')).toEqual([4, 4, 4, 4, 4]);
    expect(view.shifted('food.dairy', 2)).toEqual([null, null, 1, 0, 0]);
    expect(view.values('custom.9')).toEqual([null, null, null, null, null]);
    expect(view.has('custom.9')).toBe(false);
    expect(view.label('food.dairy')).toBe('food.dairy');
  });

  it('ignores a lead-in that does not end before the period', () => {
    expect(new TrendsView(main, main).offset).toBe(0);
  });
});
