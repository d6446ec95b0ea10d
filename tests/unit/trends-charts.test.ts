import { describe, expect, it } from 'vitest';
import { readChartColors, readPalette, withAlpha } from '../../renderer/src/lib/chartTheme';
import {
  bloatingSpec,
  bloatingSummary,
  bloatingTable,
  stoolChartConfig,
  stoolRows,
  stoolSummary,
  stoolTable,
  stressSpec,
  stressSummary,
  stressTable,
} from '../../renderer/src/views/Trends/gutLifestyle';
import { TrendsView } from '../../renderer/src/views/Trends/series';
import {
  DEFAULT_SKIN_OPTIONS,
  skinChartSpec,
  skinSummary,
  skinTable,
  type SkinOptions,
} from '../../renderer/src/views/Trends/skinChart';
import {
  dailyTable,
  MISSING_NOTE,
  pageCount,
  pageRange,
  pageRows,
  PAGE_ROWS,
} from '../../renderer/src/views/Trends/table';
import {
  axisFor,
  legendEntries,
  timeChartConfig,
  titleWithUnit,
  toPoints,
  type TimeChartSpec,
} from '../../renderer/src/views/Trends/timeChart';
import { FALLBACK_TRENDS_COLORS, readTrendsColors } from '../../renderer/src/views/Trends/trendsTheme';
import { datesFrom, skinJournal } from '../helpers/trendsData';

const journal = skinJournal();
const view = new TrendsView(journal);
const colors = FALLBACK_TRENDS_COLORS;
const env = { reducedMotion: false, fontFamily: 'system-ui' };
const options = (changes: Partial<SkinOptions> = {}): SkinOptions => ({
  ...DEFAULT_SKIN_OPTIONS,
  hidden: new Set(),
  ...changes,
});

describe('trends charts: the theme', () => {
  it('reads the palette from CSS variables, with fallbacks', () => {
    const vars: Record<string, string> = { '--text': ' #e7ecea', '--chart-1': '#7fb6ec', '--chart-overlay': '#e0b050' };
    const read = (name: string): string => vars[name] ?? '';
    const theme = readTrendsColors(read);
    expect(theme.text).toBe('#e7ecea');
    expect(theme.series[0]).toBe('#7fb6ec');
    expect(theme.series[1]).toBe(FALLBACK_TRENDS_COLORS.series[1]);
    expect(theme.overlay).toBe('#e0b050');
    expect(theme.flareOutline).toBe('#e7ecea');
    expect(readChartColors(() => '').bar).toBe('#2c6a5d');
    expect(readPalette(read, 'chart', ['#000', '#111'])).toEqual(['#7fb6ec', '#111']);
  });

  it('adds an alpha to hex colours', () => {
    expect(withAlpha('#2c6a5d', 0.5)).toBe('rgba(44, 106, 93, 0.5)');
    expect(withAlpha('#fff', 0.25)).toBe('rgba(255, 255, 255, 0.25)');
    expect(withAlpha('rebeccapurple', 0.5)).toBe('rebeccapurple');
  });
});

describe('trends charts: the time chart', () => {
  const spec = (days: number): TimeChartSpec => ({
    dates: datesFrom('2026-01-01', days),
    layers: [
      {
        type: 'line',
        label: 'Daily',
        values: new Array(days).fill(3).map((v, i) => (i === 1 ? null : v)),
        color: '#123456',
        faint: true,
      },
      { type: 'line', label: 'Average', values: new Array(days).fill(3), color: '#123456' },
      {
        type: 'bar',
        label: 'Dairy',
        values: new Array(days).fill(1),
        color: '#abcdef',
        axis: 'y2',
        valueKind: 'yesno',
      },
      {
        type: 'marker',
        label: 'Flare',
        values: new Array(days).fill(null).map((_, i) => (i === 2 ? 7 : null)),
        color: '#123456',
      },
    ],
    y: { title: 'Score (0–10)', min: 0, max: 10 },
    y2: { title: 'Dairy', yesNo: true },
  });

  it('hands Chart.js ready, sorted points and keeps missing days as gaps', () => {
    const config = timeChartConfig(spec(5), colors, env);
    expect(config.options?.parsing).toBe(false);
    expect(config.options?.normalized).toBe(true);
    const [daily, average, bars, flares] = config.data.datasets;
    expect(daily!.data).toHaveLength(5);
    expect(daily!.data[1]!.y).toBeNull();
    expect(daily!.data[0]!.x).toBeLessThan(daily!.data[1]!.x);
    expect((daily as { spanGaps?: boolean }).spanGaps).toBe(false);
    expect(average!.data.every((p) => p.y === 3)).toBe(true);
    expect(bars!.type).toBe('bar');
    expect(bars!.yAxisID).toBe('y2');
    // Markers only on marked days.
    expect(flares!.data).toEqual([{ x: daily!.data[2]!.x, y: 7 }]);
    // Markers on top, then averages, daily lines, and bars at the back.
    expect(config.data.datasets.map((d) => d.order)).toEqual([2, 1, 4, 0]);
  });

  it('draws dots only on short periods and never animates big data or for reduced motion', () => {
    const short = timeChartConfig(spec(30), colors, env);
    expect((short.data.datasets[0] as { pointRadius?: number }).pointRadius).toBe(2);
    expect(short.options?.animation).toEqual({ duration: 250 });
    const long = timeChartConfig(spec(3650), colors, env);
    expect((long.data.datasets[0] as { pointRadius?: number }).pointRadius).toBe(0);
    expect(long.options?.animation).toBe(false);
    expect(timeChartConfig(spec(30), colors, { reducedMotion: true }).options?.animation).toBe(false);
  });

  it('uses a real time axis over the period, a 0–10 left axis and a yes/no right axis', () => {
    const config = timeChartConfig(spec(10), colors, env);
    const scales = config.options?.scales as Record<string, Record<string, unknown>>;
    expect(scales.x!.type).toBe('time');
    const points = toPoints([1, 2], [5, null]);
    expect(points).toEqual([
      { x: 1, y: 5 },
      { x: 2, y: null },
    ]);
    expect(scales.y).toMatchObject({ min: 0, max: 10, position: 'left' });
    expect(scales.y2).toMatchObject({ min: 0, max: 1, position: 'right' });
    const callback = (scales.y2!.ticks as { callback: (v: number) => string }).callback;
    expect([callback(0), callback(1), callback(0.5)]).toEqual(['no', 'yes', '']);
  });

  // Its speed is measured in `npm run bench` (trends_chart_3650_days), never asserted here.
  it('builds ten years of four series: a point per day in lines and bars, markers only where flagged', () => {
    const config = timeChartConfig(spec(3650), colors, env);
    expect(config.data.datasets.map((dataset) => dataset.data.length)).toEqual([3650, 3650, 3650, 1]);
  });

  it('picks axis bounds from the unit', () => {
    expect(axisFor('Acne', 'points (0–10)', 'number')).toEqual({ title: 'Acne', min: 0, max: 10 });
    expect(axisFor('Stool', 'Bristol type (1–7)', 'number')).toEqual({ title: 'Stool', min: 1, max: 7 });
    expect(axisFor('Dairy', '', 'yesno')).toEqual({ title: 'Dairy', yesNo: true });
    expect(axisFor('Water', 'glasses', 'number')).toEqual({ title: 'Water' });
  });

  it('describes each layer for the legend', () => {
    expect(legendEntries(spec(2).layers).map((e) => e.look)).toEqual(['faint', 'line', 'bar', 'triangle']);
  });
});

describe('trends charts: skin', () => {
  it('draws each condition daily and averaged, its flares, and itch', () => {
    const spec = skinChartSpec(view, journal.conditions, options(), colors);
    expect(spec.layers.map((l) => l.label)).toEqual([
      'Acne',
      'Acne, 7-day average',
      'Acne flare marked',
      'Eczema',
      'Eczema, 7-day average',
      'Eczema flare marked',
      'Itch (worst of the day)',
      'Itch, 7-day average',
    ]);
    expect(spec.layers[0]!.color).toBe(colors.series[0]);
    expect(spec.layers[3]!.color).toBe(colors.series[1]);
    // Flares sit at the day's score.
    expect(spec.layers[2]!.values).toEqual([null, null, null, 5, 6, null, null, null, null, null]);
    expect(spec.layers[1]!.values).toEqual(view.average('skin.severity.1'));
  });

  it('leaves out what is switched off, keeping each condition its colour', () => {
    const spec = skinChartSpec(
      view,
      journal.conditions,
      options({ daily: false, itch: false, flares: false, hidden: new Set([1]) }),
      colors,
    );
    expect(spec.layers.map((l) => [l.label, l.color])).toEqual([['Eczema, 7-day average', colors.series[1]]]);
  });

  it('tabulates scores, averages, flares and itch for days with anything recorded', () => {
    const table = skinTable(view, journal.conditions, options());
    expect(table.columns.map((c) => c.label)).toEqual([
      'Date',
      'Acne',
      'Acne, 7-day average',
      'Eczema',
      'Eczema, 7-day average',
      'Itch (worst)',
    ]);
    expect(table.rows).toHaveLength(8);
    expect(table.rows[0]!.cells.slice(1)).toEqual(['2', '2.0', '5 flare', '5.0', '1']);
    expect(table.rows[2]!.cells.slice(1)).toEqual(['5 flare', '3.3', '4', '4.7', '3']);
    expect(table.note).toBe(MISSING_NOTE);
  });

  it('summarises in words', () => {
    expect(skinSummary(view, journal.conditions, options())).toMatch(
      /^Skin severity from 0 to 10, .*\. Acne averaged 3\.6 over 8 scored days, latest 7-day average 4\.0; Eczema averaged 3\.5 over 8 scored days, .*\. Itch averaged 1\.6\. 3 flares marked\.$/,
    );
    expect(skinSummary(view, journal.conditions, options({ hidden: new Set([1, 2]) }))).toBe(
      'Skin scores: no condition is chosen. Tick one below the chart.',
    );
  });
});

describe('trends charts: gut, stress and meditation', () => {
  it('counts stool types with their words and shares', () => {
    const rows = stoolRows(journal.stoolTypeCounts);
    expect(rows[3]).toMatchObject({ type: 4, label: 'Smooth and soft, like a snake', count: 8, percent: 40 });
    expect(stoolTable(journal.stoolTypeCounts, 'March').rows.map((r) => r.cells[2])).toEqual([
      '1',
      '2',
      '5',
      '8',
      '3',
      '1',
      '0',
    ]);
    expect(stoolSummary(journal.stoolTypeCounts, 'March')).toBe(
      'Bar chart of the stool types (Bristol scale) logged, March: 20 bowel movements. Most often type 4 (smooth and soft, like a snake), 8 times, 40%. Types 3 and 4, the usual range: 65%.',
    );
    expect(stoolSummary([0, 0, 0, 0, 0, 0, 0], 'March')).toMatch(/: none logged\.$/);
    const config = stoolChartConfig(journal.stoolTypeCounts, colors, env);
    expect(config.options?.indexAxis).toBe('y');
    expect(config.data.labels?.[0]).toBe('Type 1: Separate hard lumps');
    expect(config.data.datasets[0]!.data).toEqual([1, 2, 5, 8, 3, 1, 0]);
  });

  it('draws bloating and discomfort, daily and averaged', () => {
    const spec = bloatingSpec(view, colors);
    expect(spec.layers.map((l) => l.label)).toEqual([
      'Bloating',
      'Bloating, 7-day average',
      'Tummy discomfort',
      'Tummy discomfort, 7-day average',
    ]);
    expect(bloatingTable(view).columns).toHaveLength(5);
    expect(bloatingSummary(view)).toMatch(
      /Bloating averaged 1\.8 over 8 days, latest 7-day average [\d.]+\. Tummy discomfort averaged 0\.6 over 8 days/,
    );
  });

  it('draws stress as lines and meditation minutes as bars on a second axis', () => {
    const spec = stressSpec(view, colors);
    expect(spec.layers.map((l) => [l.type, l.label, l.axis ?? 'y'])).toEqual([
      ['line', 'Stress', 'y'],
      ['line', 'Stress, 7-day average', 'y'],
      ['bar', 'Meditation (minutes)', 'y2'],
    ]);
    expect(spec.y2).toEqual({ title: 'Meditation (minutes)' });
    expect(stressTable(view).rows[1]!.cells.slice(1)).toEqual(['6', '6.5', '10']);
    expect(stressSummary(view)).toMatch(/Stress averaged 4\.6 over 8 days, .*Meditation: 50 minutes on 4 days\.$/);
  });
});

describe('trends charts: daily tables', () => {
  it('leaves out days with nothing in any column and marks flags', () => {
    const table = dailyTable(
      'Caption',
      ['2026-01-01', '2026-01-02', '2026-01-03'],
      [
        { label: 'A', values: [1, null, null], flag: { values: [0, 0, 1], word: 'flare' } },
        { label: 'B', values: [null, null, 1], kind: 'yesno' },
      ],
    );
    expect(table.rows.map((r) => [r.key, ...r.cells.slice(1)])).toEqual([
      ['2026-01-01', '1', '–'],
      ['2026-01-03', 'flare', 'yes'],
    ]);
    expect(table.columns).toEqual([{ label: 'Date' }, { label: 'A', numeric: true }, { label: 'B', numeric: true }]);
  });
});

describe('trends charts: long tables come a year at a time', () => {
  it('pages from the end, so the newest page is full', () => {
    expect(PAGE_ROWS).toBe(366);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(366)).toBe(1);
    expect(pageCount(3369)).toBe(10);
    expect(pageRange(3369, 9)).toEqual({ start: 3003, end: 3369 });
    expect(pageRange(3369, 0)).toEqual({ start: 0, end: 75 });
    expect(pageRange(100, 0)).toEqual({ start: 0, end: 100 });
    expect(pageRange(3369, 99)).toEqual({ start: 3003, end: 3369 });
    expect(pageRows([1, 2, 3], 0)).toEqual([1, 2, 3]);
  });
});

describe('trends charts: axis titles', () => {
  it('adds the unit unless the name says it already', () => {
    expect(titleWithUnit('Water', 'glasses', 'number')).toBe('Water (glasses)');
    expect(titleWithUnit('Stress', 'points (0–10)', 'number')).toBe('Stress (points)');
    expect(titleWithUnit('Fibre-rich servings', 'servings', 'number')).toBe('Fibre-rich servings');
    expect(titleWithUnit('Dairy', '', 'yesno')).toBe('Dairy');
  });
});
