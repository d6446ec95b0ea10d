import { describe, expect, it } from 'vitest';
import {
  aggregatePairs,
  compareChartConfig,
  compareSummary,
  compareTable,
  defaultCompare,
  dotRadius,
  laggedLabel,
  ranks,
  scatterPairs,
  spearman,
  validCompare,
} from '../../renderer/src/views/Trends/compare';
import { TrendsView } from '../../renderer/src/views/Trends/series';
import { FALLBACK_TRENDS_COLORS } from '../../renderer/src/views/Trends/trendsTheme';
import { skinJournal } from '../helpers/trendsData';

const view = new TrendsView(skinJournal());

describe('trends compare: pairs', () => {
  it('pairs A on day t with B on day t + lag, only where both are recorded', () => {
    const same = scatterPairs(view, { a: 'life.stress', b: 'skin.severity.1', lag: 0 });
    expect(same).toHaveLength(8);
    expect(same[0]).toEqual({ date: '2026-03-01', x: 7, y: 2 });
    const later = scatterPairs(view, { a: 'food.dairy', b: 'skin.severity.1', lag: 2 });
    // Dairy of 1–8 March against acne of 3–10 March: day pairs with both recorded.
    expect(later.map((p) => [p.date, p.x, p.y])).toEqual([
      ['2026-03-02', 1, 5],
      ['2026-03-04', 0, 4],
      ['2026-03-05', 0, 4],
      ['2026-03-07', 1, 3],
    ]);
    const before = scatterPairs(view, { a: 'food.dairy', b: 'skin.severity.1', lag: -1 });
    expect(before[0]).toEqual({ date: '2026-03-02', x: 1, y: 2 });
    expect(scatterPairs(view, { a: 'custom.1', b: 'skin.severity.1', lag: 0 })).toEqual([]);
  });

  it('merges equal pairs into one dot with a day count', () => {
    const points = aggregatePairs([
      { date: 'a', x: 1, y: 2 },
      { date: 'b', x: 0, y: 4 },
      { date: 'c', x: 1, y: 2 },
    ]);
    expect(points).toEqual([
      { x: 0, y: 4, days: 1 },
      { x: 1, y: 2, days: 2 },
    ]);
    expect(dotRadius(1)).toBe(3);
    expect(dotRadius(2)).toBeGreaterThan(dotRadius(1));
    expect(dotRadius(10_000)).toBe(16);
  });
});

describe('trends compare: rank correlation', () => {
  it('ranks ties by their average rank', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });

  it('is 1 or −1 for monotone data and null without variation or pairs', () => {
    const line = [1, 2, 3, 4, 5].map((x) => ({ x, y: x * x }));
    expect(spearman(line)).toBeCloseTo(1);
    expect(spearman(line.map((p) => ({ x: p.x, y: -p.y })))).toBeCloseTo(-1);
    expect(
      spearman([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
        { x: 1, y: 3 },
      ]),
    ).toBeNull();
    expect(spearman([{ x: 1, y: 1 }])).toBeNull();
  });
});

describe('trends compare: words, table and chart', () => {
  const state = { a: 'life.stress', b: 'skin.severity.1', lag: 2 };
  const pairs = scatterPairs(view, state);

  it('names the lag in words', () => {
    expect(laggedLabel('Acne severity', 0)).toBe('Acne severity the same day');
    expect(laggedLabel('Acne severity', 2)).toBe('Acne severity 2 days later');
    expect(laggedLabel('Acne severity', -1)).toBe('Acne severity 1 day before');
  });

  it('says what it shows with n and the rank correlation', () => {
    expect(compareSummary(view, state, pairs)).toMatch(
      /^Scatter plot of Acne severity 2 days later \(up\) against Stress \(across\), .*: n = 4 days with both recorded\. Rank correlation -?\d\.\d\d /,
    );
    expect(compareSummary(view, { ...state, a: 'custom.1' }, [])).toMatch(
      /n = 0 days with both recorded\. Nothing to plot/,
    );
  });

  it('lists each pair of values with its day count, adding up to n', () => {
    const table = compareTable(view, state, pairs);
    expect(table.columns.map((c) => c.label)).toEqual(['Stress', 'Acne severity 2 days later', 'Days']);
    expect(table.rows.reduce((sum, row) => sum + Number(row.cells[2]), 0)).toBe(pairs.length);
    expect(table.note).toBe('n = 4: days with both recorded.');
  });

  it('builds a scatter chart with one dot per pair of values', () => {
    const config = compareChartConfig(view, state, pairs, FALLBACK_TRENDS_COLORS, { reducedMotion: true });
    expect(config.type).toBe('scatter');
    const dataset = config.data.datasets[0]!;
    expect(dataset.data).toEqual(aggregatePairs(pairs));
    expect(config.options?.animation).toBe(false);
    const scales = config.options?.scales as Record<string, { min?: number; max?: number; title: { text: string } }>;
    expect(scales.x).toMatchObject({ min: 0, max: 10, title: { text: 'Stress (points)' } });
    expect(scales.y!.title.text).toBe('Acne severity 2 days later (points)');
  });

  it('starts with stress against the first condition, and keeps only known series', () => {
    expect(defaultCompare(view)).toEqual({ a: 'life.stress', b: 'skin.severity.1', lag: 0 });
    expect(validCompare(view, { a: 'custom.3', b: 'gut.bloating', lag: 99 })).toEqual({
      a: 'life.stress',
      b: 'gut.bloating',
      lag: 14,
    });
  });
});
