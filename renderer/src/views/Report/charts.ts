import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import { POEM_BANDS, POEM_MAX_TOTAL } from '$contract/poemTerms';
import { REPORT_SERVINGS, type ConditionReport, type ReportData } from '$contract/reportTerms';
import { dayMonth, paperDate, periodLabel } from './format';
import { servingsRate } from './summaryText';

/**
 * The report's charts as Chart.js configurations: drawn once, without animation, for paper —
 * dark ink on white, and lines told apart by their marks and dashes as well as their colours,
 * so they survive a black-and-white printer. Pure: tested in tests/unit/report-view.test.ts.
 */

export const INK = { text: '#1a1a1a', muted: '#4d4d4d', grid: '#d0d0d0', bar: 'rgba(60, 60, 60, 0.28)' };
export const PALETTE = ['#1b4f8a', '#a33a17', '#2f6b2f', '#6b3fa0', '#7a5c00', '#333333'];
const MARKS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;
const DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, "Noto Sans", sans-serif', size: 11 };

/** The chart's size in CSS pixels (it is drawn at twice this for print). */
export interface ChartSize {
  width: number;
  height: number;
}
export const WIDE: ChartSize = { width: 680, height: 210 };
export const SHORT: ChartSize = { width: 680, height: 170 };
export const GLANCE: ChartSize = { width: 680, height: 100 };

export type ReportChart = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

interface AxisOptions {
  title: string;
  min?: number;
  max?: number;
  suggestedMax?: number;
  whole?: boolean;
  step?: number;
}

function axis(options: AxisOptions, position: 'left' | 'right' = 'left') {
  return {
    position,
    min: options.min ?? 0,
    ...(options.max === undefined ? {} : { max: options.max }),
    ...(options.suggestedMax === undefined ? {} : { suggestedMax: options.suggestedMax }),
    title: { display: true, text: options.title, color: INK.muted, font: FONT },
    ticks: {
      color: INK.text,
      font: FONT,
      ...(options.whole ? { precision: 0 } : {}),
      ...(options.step ? { stepSize: options.step } : {}),
    },
    grid: { color: position === 'left' ? INK.grid : 'transparent', drawTicks: false },
    border: { color: INK.muted },
  };
}

function chart(
  labels: string[],
  datasets: ChartDataset<'bar' | 'line', (number | null)[]>[],
  y: AxisOptions,
  y2?: AxisOptions,
  plugins: Plugin[] = [],
  rightPadding = 6,
): ReportChart {
  return {
    type: 'bar',
    data: { labels, datasets },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 2,
      color: INK.text,
      layout: { padding: { top: 4, right: rightPadding, bottom: 0, left: 0 } },
      scales: {
        x: {
          ticks: { color: INK.text, font: FONT, maxRotation: 0, autoSkip: true, autoSkipPadding: 8 },
          grid: { display: false },
          border: { color: INK.muted },
        },
        y: axis(y),
        ...(y2 ? { y2: axis(y2, 'right') } : {}),
      },
      plugins: {
        // The key is printed as text under the image (see `chartKey`), where it stays sharp.
        legend: { display: false },
        tooltip: { enabled: false },
      },
    },
    plugins,
  };
}

function line(
  label: string,
  data: (number | null)[],
  index: number,
  axisId = 'y',
): ChartDataset<'line', (number | null)[]> {
  const color = PALETTE[index % PALETTE.length]!;
  return {
    type: 'line',
    label,
    data,
    yAxisID: axisId,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    borderDash: DASHES[index % DASHES.length]!,
    pointStyle: MARKS[index % MARKS.length]!,
    pointRadius: data.length > 40 ? 0 : 3,
    spanGaps: false,
    tension: 0,
    order: 1,
  };
}

function bars(
  label: string,
  data: (number | null)[],
  axisId = 'y2',
  color = INK.bar,
): ChartDataset<'bar', (number | null)[]> {
  return {
    type: 'bar',
    label,
    data,
    yAxisID: axisId,
    backgroundColor: color,
    borderWidth: 0,
    barPercentage: 0.7,
    order: 2,
  };
}

const labelsOf = (report: ReportData): string[] => report.periods.map((period) => periodLabel(period, report.bucket));
const maxOf = (values: readonly (number | null)[]): number => Math.max(0, ...values.map((value) => value ?? 0));

export function severityChart(report: ReportData, condition: ConditionReport, index: number): ReportChart {
  const perWord = report.bucket === 'week' ? 'weekly' : 'monthly';
  return chart(
    labelsOf(report),
    [
      line(`${condition.name}, ${perWord} average severity`, condition.averageByPeriod, index),
      bars('Flare days', condition.flareDaysByPeriod),
    ],
    { title: 'Severity (0–10)', max: 10 },
    { title: 'Flare days', suggestedMax: Math.max(4, maxOf(condition.flareDaysByPeriod)), whole: true },
  );
}

export function itchChart(report: ReportData): ReportChart {
  const { itch } = report;
  return chart(
    labelsOf(report),
    [
      line('Itch, average', itch.itchByPeriod, 0),
      line('Sleep lost to itch, average', itch.sleepLostByPeriod, 1),
      bars('Nights with sleep lost', itch.nightsLostByPeriod),
    ],
    { title: 'Score (0–10)', max: 10 },
    { title: 'Nights', suggestedMax: Math.max(4, maxOf(itch.nightsLostByPeriod)), whole: true },
  );
}

/** Shades the POEM bands behind the line and names them at the right edge. */
export const poemBandsPlugin: Plugin<'bar' | 'line'> = {
  id: 'reportPoemBands',
  beforeDatasetsDraw(chart) {
    const { ctx, chartArea, scales } = chart;
    const y = scales.y;
    if (!y) return;
    ctx.save();
    POEM_BANDS.forEach((band, i) => {
      const top = y.getPixelForValue(Math.min(POEM_MAX_TOTAL, band.max + 0.5));
      const bottom = y.getPixelForValue(Math.max(0, band.min - 0.5));
      ctx.fillStyle = i % 2 ? 'rgba(0, 0, 0, 0.06)' : 'rgba(0, 0, 0, 0.015)';
      ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
      ctx.fillStyle = INK.muted;
      ctx.font = `10px ${FONT.family}`;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(band.short, chartArea.right + 6, (top + bottom) / 2);
    });
    ctx.restore();
  },
};

export function poemChart(report: ReportData): ReportChart {
  const entries = report.poem.entries;
  const sameYear = entries.length > 0 && entries[0]!.date.slice(0, 4) === entries.at(-1)!.date.slice(0, 4);
  return chart(
    entries.map((entry) => (sameYear ? dayMonth(entry.date) : paperDate(entry.date))),
    [
      line(
        'POEM total',
        entries.map((entry) => entry.total),
        0,
      ),
    ],
    { title: `POEM total (0–${POEM_MAX_TOTAL})`, max: POEM_MAX_TOTAL, step: 4 },
    undefined,
    [poemBandsPlugin as Plugin],
    // Room at the right for the bands' names.
    72,
  );
}

export function servingsChart(report: ReportData): ReportChart {
  const rate = servingsRate(report);
  return chart(
    labelsOf(report),
    REPORT_SERVINGS.map((category, i) =>
      line(
        category.label,
        report.gut.byPeriod.map((period) => rate.of(period)[category.key]),
        i,
      ),
    ),
    { title: rate.label, suggestedMax: rate.weekly ? 10 : 3 },
  );
}

export function stoolChart(report: ReportData): ReportChart {
  return chart(
    ['1', '2', '3', '4', '5', '6', '7'].map((type) => `Type ${type}`),
    [{ ...bars('Bowel movements', [...report.gut.stoolTypeCounts], 'y', PALETTE[0]), order: 1 }],
    { title: 'Bowel movements', whole: true, suggestedMax: 4 },
  );
}

export function stressChart(report: ReportData): ReportChart {
  const { stress } = report;
  return chart(
    labelsOf(report),
    [line('Stress, average', stress.stressByPeriod, 1), bars('Meditation minutes', stress.meditationMinutesByPeriod)],
    { title: 'Stress (0–10)', max: 10 },
    { title: 'Meditation minutes', suggestedMax: Math.max(30, maxOf(stress.meditationMinutesByPeriod)), whole: true },
  );
}

export interface KeyEntry {
  label: string;
  color: string;
  look: 'line' | 'bar';
  dash: number[];
  mark: string;
}

/** The chart's key: one entry per dataset, drawn the way the dataset is. */
export function chartKey(config: ReportChart): KeyEntry[] {
  return config.data.datasets.map((dataset) => {
    const look = dataset.type === 'line' ? 'line' : 'bar';
    const color = String(
      (look === 'line' ? (dataset as ChartDataset<'line'>).borderColor : dataset.backgroundColor) ?? INK.text,
    );
    return {
      label: dataset.label ?? '',
      color,
      look,
      dash: look === 'line' ? [...(((dataset as ChartDataset<'line'>).borderDash as number[] | undefined) ?? [])] : [],
      mark: look === 'line' ? String((dataset as ChartDataset<'line'>).pointStyle ?? 'circle') : 'rect',
    };
  });
}

/** Page 1: every condition's average per week or month in one small chart. */
export function glanceChart(report: ReportData): ReportChart {
  return chart(
    labelsOf(report),
    report.conditions.map((condition, i) => line(condition.name, condition.averageByPeriod, i)),
    { title: 'Severity (0–10)', max: 10 },
  );
}
