import { describe, expect, it } from 'vitest';
import {
  heatmapData,
  heatmapMonths,
  heatmapSummary,
  heatmapTable,
  heatmapTitle,
} from '../../renderer/src/views/Trends/heatmap';
import { TrendsView } from '../../renderer/src/views/Trends/series';
import { skinJournal, trendsData } from '../helpers/trendsData';

const journal = skinJournal();
const view = new TrendsView(journal);

describe('trends heatmap', () => {
  it('colours each day by its worst score, or by one condition, with its flares', () => {
    const worst = heatmapData(view, journal.conditions, 'worst');
    expect(worst.values).toEqual([5, 5, null, 5, 6, 4, 4, null, 3, 2]);
    expect(worst.flares).toEqual([true, false, false, true, true, false, false, false, false, false]);
    const eczema = heatmapData(view, journal.conditions, 2);
    expect(eczema.values).toEqual([5, 5, null, 4, 4, 3, 3, null, 2, 2]);
    expect(eczema.flares[3]).toBe(false);
  });

  it('lays the days out as one row per month and 31 columns, empty days apart from a 0', () => {
    const data = trendsData('2026-01-30', 32, [{ key: 'skin.severity.1', values: [0, null, 7] }], {
      conditions: [
        { id: 1, name: 'Acne', severityKey: 'skin.severity.1', itchKey: 'skin.itch.1', flareKey: 'skin.flare.1' },
      ],
    });
    const months = heatmapMonths(data.dates, heatmapData(new TrendsView(data), data.conditions, 'worst'));
    expect(months.map((m) => [m.key, m.label, m.longLabel])).toEqual([
      ['2026-01', 'Jan 2026', 'January 2026'],
      ['2026-02', 'Feb 2026', 'February 2026'],
      ['2026-03', 'Mar 2026', 'March 2026'],
    ]);
    const january = months[0]!.cells;
    expect(january).toHaveLength(31);
    expect(january.slice(0, 29).every((cell) => cell === null)).toBe(true);
    expect(january[29]).toMatchObject({ date: '2026-01-30', value: 0, step: 1, flare: false });
    expect(january[30]).toMatchObject({ date: '2026-01-31', value: null, step: null });
    expect(january[30]!.label).toMatch(/: no score$/);
    expect(months[1]!.cells[0]).toMatchObject({ value: 7, step: 4 });
    // February has 28 days: the cells for 29–31 stay empty, like the days outside the period.
    expect(months[1]!.cells.slice(28)).toEqual([null, null, null]);
    expect(months[2]!.cells.filter(Boolean)).toHaveLength(2);
  });

  it('says what it shows, step by step', () => {
    const data = heatmapData(view, journal.conditions, 'worst');
    const summary = heatmapSummary(view, data, heatmapTitle('worst', journal.conditions));
    expect(summary).toMatch(/^Calendar heatmap of the worst skin severity of the day, one row per month, /);
    expect(summary).toContain('8 days scored: 0 clear, 2 mild, 5 moderate, 1 strong, 0 severe.');
    expect(summary).toMatch(/The highest was 6, first on .*\. 3 days with a flare marked\.$/);
    expect(heatmapTitle(1, journal.conditions)).toBe('Acne severity');
    const empty = heatmapData(view, [], 'worst');
    expect(heatmapSummary(view, empty, 'x')).toMatch(/No day in this period has a skin score\.$/);
  });

  it('gives the same numbers as a table: months by days', () => {
    const months = heatmapMonths(view.dates, heatmapData(view, journal.conditions, 'worst'));
    const table = heatmapTable(months, 'worst skin severity of the day', 'March');
    expect(table.columns).toHaveLength(32);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.cells.slice(0, 12)).toEqual([
      'Mar 2026',
      '5 F',
      '5',
      '–',
      '5 F',
      '6 F',
      '4',
      '4',
      '–',
      '3',
      '2',
      '',
    ]);
  });
});
