import { describe, expect, it } from 'vitest';
import {
  clampShift,
  compareLink,
  defaultLink,
  linkCaption,
  linkChartSpec,
  linkComparisonText,
  linkTable,
  measureOptions,
  overlayOptions,
  shiftWords,
  validLink,
} from '../../renderer/src/views/Trends/linkExplorer';
import { TrendsView } from '../../renderer/src/views/Trends/series';
import { FALLBACK_TRENDS_COLORS } from '../../renderer/src/views/Trends/trendsTheme';
import { skinJournal, trendsData } from '../helpers/trendsData';

const view = new TrendsView(skinJournal());

describe('trends link explorer: choices', () => {
  it('offers skin and gut series as the measure, and every series as an overlay, factors first', () => {
    expect(measureOptions(view.series).map((g) => g.label)).toEqual(['Skin', 'Gut']);
    expect(measureOptions(view.series)[0]!.options[0]).toEqual({ key: 'skin.severity.1', label: 'Acne severity' });
    const groups = overlayOptions(view.series);
    expect(groups.map((g) => g.label)).toEqual(['Food eaten (yes or no)', 'Lifestyle', 'Gut', 'Skin']);
    expect(groups[0]!.options).toEqual([{ key: 'food.dairy', label: 'Dairy' }]);
  });

  it('keeps the shift a whole number of days within ±14', () => {
    expect(clampShift(2)).toBe(2);
    expect(clampShift('3')).toBe(3);
    expect(clampShift(2.6)).toBe(3);
    expect(clampShift(40)).toBe(14);
    expect(clampShift(-40)).toBe(-14);
    expect(clampShift('')).toBe(0);
    expect(clampShift('abc')).toBe(0);
  });

  it('starts on the first condition with nothing overlaid, and drops keys this period does not have', () => {
    expect(defaultLink(view)).toEqual({ measure: 'skin.severity.1', overlay: '', shift: 0 });
    expect(validLink(view, { measure: 'food.dairy', overlay: 'custom.8', shift: 30 })).toEqual({
      measure: 'skin.severity.1',
      overlay: '',
      shift: 14,
    });
    expect(validLink(view, { measure: 'gut.bloating', overlay: 'life.stress', shift: -2 })).toEqual({
      measure: 'gut.bloating',
      overlay: 'life.stress',
      shift: -2,
    });
  });
});

describe('trends link explorer: words', () => {
  it('says what is drawn', () => {
    expect(shiftWords(2)).toBe('shifted 2 days later');
    expect(shiftWords(-1)).toBe('shifted 1 day earlier');
    expect(shiftWords(0)).toBe('on the same day');
    expect(linkCaption(view, { measure: 'skin.severity.1', overlay: 'food.dairy', shift: 2 })).toBe(
      'Dairy, shifted 2 days later, over Acne severity',
    );
    expect(linkCaption(view, { measure: 'skin.severity.1', overlay: '', shift: 0 })).toBe(
      'Acne severity, day by day, with no factor overlaid',
    );
  });

  it('compares the measure after days with and without a yes/no factor', () => {
    // Dairy on 2, 6 and 7 March; two days later (4, 8 and 9 March) acne was 5, missing and 3.
    // Without dairy on 1, 4 and 5 March; two days later (3, 6 and 7 March): missing, 4 and 4.
    const state = { measure: 'skin.severity.1', overlay: 'food.dairy', shift: 2 };
    expect(compareLink(view, state)).toEqual({
      n: 4,
      high: { days: 2, mean: 4 },
      low: { days: 2, mean: 4 },
      split: null,
      highIncludesSplit: false,
    });
    expect(linkComparisonText(view, state)).toBe(
      'When Dairy was logged 2 days before: Acne severity averaged 4.0 over 2 days; when it was not: Acne severity averaged 4.0 over 2 days. ' +
        '4 days with both recorded. This is a picture, not a test: Insights checks whether a link holds up against chance.',
    );
    expect(linkComparisonText(view, { ...state, shift: 0 })).toMatch(
      /^On days with Dairy: Acne severity averaged 3\.7 over 3 days; on days without: Acne severity averaged 3\.6 over 5 days\. 8 days/,
    );
  });

  it('splits a number factor at its median', () => {
    const state = { measure: 'skin.severity.2', overlay: 'life.stress', shift: 0 };
    const comparison = compareLink(view, state)!;
    expect(comparison.split).toBe(4.5);
    expect(comparison.high.days + comparison.low.days).toBe(8);
    expect(linkComparisonText(view, state)).toMatch(/^When Stress that day was above 4\.5: Eczema severity averaged /);
  });

  it('counts the top value as high when it is also the median', () => {
    const data = trendsData('2026-01-01', 4, [
      { key: 'skin.severity.1', label: 'Acne severity', values: [1, 2, 3, 4] },
      { key: 'life.stress', label: 'Stress', values: [5, 5, 5, 2] },
    ]);
    const comparison = compareLink(new TrendsView(data), {
      measure: 'skin.severity.1',
      overlay: 'life.stress',
      shift: 0,
    })!;
    expect(comparison).toMatchObject({
      split: 5,
      highIncludesSplit: true,
      high: { days: 3, mean: 2 },
      low: { days: 1, mean: 4 },
    });
  });

  it('says when one side is empty, and nothing without an overlay', () => {
    const data = trendsData('2026-01-01', 3, [
      { key: 'skin.severity.1', label: 'Acne severity', values: [1, 2, 3] },
      { key: 'food.dairy', label: 'Dairy', values: [1, 1, 1] },
    ]);
    expect(
      linkComparisonText(new TrendsView(data), { measure: 'skin.severity.1', overlay: 'food.dairy', shift: 0 }),
    ).toBe('3 days with both recorded: too few on one side to compare.');
    expect(linkComparisonText(view, { measure: 'skin.severity.1', overlay: '', shift: 0 })).toBeNull();
  });
});

describe('trends link explorer: chart and table', () => {
  it('draws the shifted factor as bars on a second axis under the measure', () => {
    const spec = linkChartSpec(
      view,
      { measure: 'skin.severity.1', overlay: 'food.dairy', shift: 2 },
      FALLBACK_TRENDS_COLORS,
    );
    expect(spec.layers.map((l) => [l.type, l.label, l.axis ?? 'y'])).toEqual([
      ['bar', 'Dairy, shifted 2 days later', 'y2'],
      ['line', 'Acne severity', 'y'],
    ]);
    expect(spec.layers[0]!.values).toEqual([null, null, 0, 1, null, 0, 0, 1, 1, null]);
    expect(spec.y).toMatchObject({ min: 0, max: 10 });
    expect(spec.y2).toMatchObject({ yesNo: true, title: 'Dairy' });
  });

  it('tabulates the measure with the factor it is drawn with', () => {
    const table = linkTable(view, { measure: 'skin.severity.1', overlay: 'food.dairy', shift: 2 });
    expect(table.columns.map((c) => c.label)).toEqual(['Date', 'Acne severity', 'Dairy (from 2 days before)']);
    expect(table.rows.map((r) => r.cells.slice(1))).toEqual([
      ['2', '–'],
      ['3', '–'],
      ['–', 'no'],
      ['5', 'yes'],
      ['6', '–'],
      ['4', 'no'],
      ['4', 'no'],
      ['–', 'yes'],
      ['3', 'yes'],
      ['2', '–'],
    ]);
    expect(table.caption).toMatch(/^Dairy, shifted 2 days later, over Acne severity, /);
  });
});
