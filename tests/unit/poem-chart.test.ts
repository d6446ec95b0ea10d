import { describe, expect, it } from 'vitest';
import type { PoemEntry } from '../../electron/contract/poem';
import { poemBand, poemTotal } from '../../electron/contract/poemTerms';
import {
  BAND_FILL_ALPHA,
  FALLBACK_POEM_COLORS,
  bandLabelPositions,
  bandRegions,
  dateTime,
  poemChartConfig,
  poemChartSummary,
  poemRows,
  readPoemColors,
} from '../../renderer/src/views/Poem/poemChart';

function entry(date: string, answers: number[]): PoemEntry {
  const total = poemTotal(answers);
  return { date, answers, total, band: poemBand(total).key, createdAt: '', updatedAt: '' };
}

// Newest first, as poem.list returns them.
const entries = [
  entry('2026-06-15', [1, 0, 0, 0, 0, 1, 1]), // 3, mild
  entry('2026-06-08', [4, 4, 4, 4, 4, 4, 4]), // 28, very severe
  entry('2026-06-01', [0, 0, 0, 0, 0, 0, 0]), // 0, clear
];
const env = { reducedMotion: false, fontFamily: 'Test Sans' };

describe('the POEM history chart', () => {
  it('reads the band colours from the theme’s meter colours, clear calmest', () => {
    const vars: Record<string, string> = { '--meter-0': '#f00', '--meter-4': '#0f0', '--text': '#111' };
    const colors = readPoemColors((name) => vars[name] ?? '');
    expect(colors.bands.very_severe).toBe('#f00');
    expect(colors.bands.clear).toBe('#0f0');
    expect(colors.bands.moderate).toBe(FALLBACK_POEM_COLORS.bands.moderate);
    expect(colors.text).toBe('#111');
  });

  it('draws each band as a stripe that meets the next one halfway between their totals', () => {
    const regions = bandRegions(FALLBACK_POEM_COLORS);
    expect(regions.map((r) => [r.key, r.from, r.to])).toEqual([
      ['clear', 0, 2.5],
      ['mild', 2.5, 7.5],
      ['moderate', 7.5, 16.5],
      ['severe', 16.5, 24.5],
      ['very_severe', 24.5, 28],
    ]);
    expect(regions[0]!.fill).toMatch(new RegExp(`^rgba\\(\\d+, \\d+, \\d+, ${BAND_FILL_ALPHA}\\)$`));
    expect(regions.map((r) => r.edge === null)).toEqual([false, false, false, false, true]);
    expect(bandLabelPositions().map((p) => [p.label, p.value])).toEqual([
      ['Clear', 1.25],
      ['Mild', 5],
      ['Moderate', 12],
      ['Severe', 20.5],
      ['Very severe', 26.25],
    ]);
  });

  it('gives the table the chart’s numbers, oldest first', () => {
    expect(poemRows(entries).map((r) => [r.date, r.total, r.band.label])).toEqual([
      ['2026-06-01', 0, 'Clear or almost clear'],
      ['2026-06-08', 28, 'Very severe eczema'],
      ['2026-06-15', 3, 'Mild eczema'],
    ]);
  });

  it('plots the totals over time on a fixed 0–28 axis, each point in its band’s colour', () => {
    const config = poemChartConfig(entries, FALLBACK_POEM_COLORS, env);
    const dataset = config.data.datasets[0]!;
    expect(dataset.data).toEqual([
      { x: dateTime('2026-06-01'), y: 0 },
      { x: dateTime('2026-06-08'), y: 28 },
      { x: dateTime('2026-06-15'), y: 3 },
    ]);
    const pointColor = dataset.pointBackgroundColor as (context: { dataIndex: number }) => string;
    expect([0, 1, 2].map((dataIndex) => pointColor({ dataIndex }))).toEqual([
      FALLBACK_POEM_COLORS.bands.clear,
      FALLBACK_POEM_COLORS.bands.very_severe,
      FALLBACK_POEM_COLORS.bands.mild,
    ]);
    const scales = config.options!.scales as Record<string, { min?: number; max?: number }>;
    expect([scales.y!.min, scales.y!.max, scales.bands!.min, scales.bands!.max]).toEqual([0, 28, 0, 28]);
    expect(scales.x!.min).toBeLessThan(dateTime('2026-06-01'));
    expect(scales.x!.max).toBeGreaterThan(dateTime('2026-06-15'));
    expect(config.options!.animation).toEqual({ duration: 300 });
  });

  it('does not animate when the person asked for reduced motion', () => {
    expect(poemChartConfig(entries, FALLBACK_POEM_COLORS, { reducedMotion: true }).options!.animation).toBe(false);
  });

  it('says what it shows in words', () => {
    expect(poemChartSummary([])).toBe('No eczema checks yet: the chart of POEM totals is empty.');
    expect(poemChartSummary(entries.slice(0, 1))).toMatch(
      /^One eczema check so far\. The latest, on .+, is 3 of 28 \(mild eczema\)\.$/,
    );
    const summary = poemChartSummary(entries);
    expect(summary).toMatch(/^POEM totals of 3 eczema checks from .+ to .+, over bands from clear to very severe\./);
    expect(summary).toMatch(
      /The latest, on .+, is 3 of 28 \(mild eczema\)\. The lowest was 0 \(.+\), the highest 28 \(.+\)\.$/,
    );
  });
});
