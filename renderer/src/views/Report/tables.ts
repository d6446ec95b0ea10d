import { BODY_AREAS, STOOL_TYPES, TREATMENT_KIND_LABELS } from '$contract/journalTerms';
import { POEM_ANSWERS, POEM_BANDS, POEM_MAX_TOTAL, POEM_QUESTIONS, poemBandByKey } from '$contract/poemTerms';
import { REPORT_SERVINGS, REPORT_WEEKLY_FIGURES_MIN_DAYS, type ReportData } from '$contract/reportTerms';
import { servingsRate } from './summaryText';
import {
  dayMonth,
  lagWords,
  NONE,
  one,
  paperDate,
  percent,
  periodLabel,
  plural,
  qText,
  signed,
  trendWords,
  whole,
} from './format';

/** The report's tables: every chart's numbers, and the lists. Pure: tested in tests/unit/report-view.test.ts. */

export interface ReportColumn {
  label: string;
  numeric?: boolean;
  /** Short values (dates) that should not wrap. */
  nowrap?: boolean;
}

export interface ReportRow {
  key: string;
  /** The first cell is the row's header. */
  cells: string[];
}

export interface ReportTableModel {
  caption: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  note?: string;
}

const periodWord = (report: ReportData): string => (report.bucket === 'week' ? 'Week' : 'Month');

export function conditionsSummaryTable(report: ReportData): ReportTableModel {
  return {
    caption: 'Skin severity (0–10, higher is worse)',
    columns: [
      { label: 'Condition' },
      { label: 'Average', numeric: true },
      { label: 'Last 7 days', numeric: true },
      { label: 'Latest score' },
      { label: 'Trend over the period' },
      { label: 'Flares' },
    ],
    rows: report.conditions.map((condition) => {
      const trend = trendWords(condition.trend);
      return {
        key: String(condition.id),
        cells: [
          condition.name,
          one(condition.average),
          one(condition.last7Average),
          condition.latest ? `${condition.latest.value} on ${dayMonth(condition.latest.date)}` : NONE,
          `${trend.arrow} ${trend.words}`,
          condition.flares.episodes.length
            ? `${plural(condition.flares.episodes.length, 'flare')}, ${plural(condition.flares.flareDays, 'day')}`
            : 'none',
        ],
      };
    }),
    note: `Trend: the average of the period’s last ${plural(report.conditions[0]?.trend.windowDays ?? 28, 'day')} against its first; under 0.5 points is “steady”.`,
  };
}

export function severityTable(report: ReportData): ReportTableModel {
  return {
    caption: `Average skin severity (0–10, higher is worse) and flare days per ${periodWord(report).toLowerCase()}`,
    columns: [
      { label: periodWord(report), nowrap: true },
      ...report.conditions.flatMap((condition) => [
        { label: `${condition.name}`, numeric: true },
        { label: 'Flare days', numeric: true },
      ]),
    ],
    rows: report.periods.map((period, p) => ({
      key: period.start,
      cells: [
        periodLabel(period, report.bucket),
        ...report.conditions.flatMap((condition) => [
          one(condition.averageByPeriod[p]),
          String(condition.flareDaysByPeriod[p] ?? 0),
        ]),
      ],
    })),
    note: '– means no score that ' + periodWord(report).toLowerCase() + '.',
  };
}

export function itchTable(report: ReportData): ReportTableModel {
  const { itch } = report;
  return {
    caption: `Itch and sleep lost to itch per ${periodWord(report).toLowerCase()} (0–10, the worst of each day; higher is worse)`,
    columns: [
      { label: periodWord(report), nowrap: true },
      { label: 'Itch, average', numeric: true },
      { label: 'Sleep lost, average', numeric: true },
      { label: 'Nights with sleep lost', numeric: true },
    ],
    rows: report.periods.map((period, p) => ({
      key: period.start,
      cells: [
        periodLabel(period, report.bucket),
        one(itch.itchByPeriod[p]),
        one(itch.sleepLostByPeriod[p]),
        String(itch.nightsLostByPeriod[p] ?? 0),
      ],
    })),
  };
}

export function poemTable(report: ReportData): ReportTableModel {
  return {
    caption: `POEM checks in the period (total 0–${POEM_MAX_TOTAL}, higher is worse)`,
    columns: [{ label: 'Date', nowrap: true }, { label: 'Total', numeric: true }, { label: 'Band' }],
    rows: report.poem.entries.map((entry) => ({
      key: entry.date,
      cells: [paperDate(entry.date), String(entry.total), poemBandByKey(entry.band).short],
    })),
  };
}

/** The answers of the latest check, question by question. */
export function poemAnswersTable(report: ReportData): ReportTableModel {
  const latest = report.poem.latest;
  return {
    caption: latest ? `Answers of the latest check, ${paperDate(latest.date)}` : 'Answers of the latest check',
    columns: [{ label: 'Over the last week' }, { label: 'Days' }, { label: 'Score', numeric: true }],
    rows: latest
      ? POEM_QUESTIONS.map((question, i) => ({
          key: question.key,
          cells: [
            question.short,
            POEM_ANSWERS[latest.answers[i] ?? 0]?.label ?? NONE,
            String(latest.answers[i] ?? NONE),
          ],
        }))
      : [],
  };
}

export function poemBandsTable(): ReportTableModel {
  return {
    caption: 'POEM bands',
    columns: [{ label: 'Band' }, { label: 'Total', numeric: true }],
    rows: POEM_BANDS.map((band) => ({ key: band.key, cells: [band.label, `${band.min}–${band.max}`] })),
  };
}

export function flaresTable(report: ReportData): ReportTableModel {
  return {
    caption: 'Flares: runs of consecutive days marked as a flare',
    columns: [
      { label: 'Condition' },
      { label: 'Flares', numeric: true },
      { label: 'Flare days', numeric: true },
      { label: 'Shortest', numeric: true },
      { label: 'Median', numeric: true },
      { label: 'Longest', numeric: true },
      { label: 'Last flare began', nowrap: true },
    ],
    rows: report.conditions.map((condition) => {
      const { flares } = condition;
      const days = (value: number | null) => (value === null ? NONE : plural(value, 'day'));
      return {
        key: String(condition.id),
        cells: [
          condition.name,
          String(flares.episodes.length),
          String(flares.flareDays),
          days(flares.shortestDays),
          days(flares.medianDays),
          days(flares.longestDays),
          flares.episodes.length ? paperDate(flares.episodes.at(-1)!.start) : NONE,
        ],
      };
    }),
  };
}

export function treatmentsTable(report: ReportData): ReportTableModel {
  return {
    caption: 'Treatments and supplements active in the period',
    columns: [
      { label: 'Treatment' },
      { label: 'Kind' },
      { label: 'Dose' },
      { label: 'Started', nowrap: true },
      { label: 'Stopped', nowrap: true },
      { label: 'Days ticked', numeric: true },
      { label: 'Taken', numeric: true },
      { label: 'Adherence', numeric: true },
    ],
    rows: report.treatments.map((treatment) => ({
      key: String(treatment.id),
      cells: [
        treatment.name,
        TREATMENT_KIND_LABELS[treatment.kind],
        treatment.dose || NONE,
        treatment.startedOn ? paperDate(treatment.startedOn) : NONE,
        treatment.stoppedOn ? paperDate(treatment.stoppedOn) : 'ongoing',
        String(treatment.daysTicked),
        String(treatment.daysTaken),
        percent(treatment.adherencePercent),
      ],
    })),
    note: 'Adherence: days ticked “taken” ÷ days with a taken-or-not tick while the treatment was active in the period. Days without a tick are left out.',
  };
}

export function servingsTable(report: ReportData): ReportTableModel {
  const rate = servingsRate(report);
  return {
    caption: `${rate.label}, by ${periodWord(report).toLowerCase()}, and bloating (0–10, higher is worse)`,
    columns: [
      { label: periodWord(report), nowrap: true },
      ...REPORT_SERVINGS.map((category) => ({ label: category.label, numeric: true })),
      { label: 'Days with meals', numeric: true },
      { label: 'Bloating', numeric: true },
    ],
    rows: report.periods.map((period, p) => {
      const gut = report.gut.byPeriod[p]!;
      return {
        key: period.start,
        cells: [
          periodLabel(period, report.bucket),
          ...REPORT_SERVINGS.map((category) => one(rate.of(gut)[category.key])),
          `${gut.foodDays} of ${period.days}`,
          one(gut.bloating),
        ],
      };
    }),
    note: rate.weekly
      ? 'Servings per week are the servings logged ÷ the days with meals logged × 7, so days without a record do not count as eating nothing.'
      : `Fewer than ${REPORT_WEEKLY_FIGURES_MIN_DAYS} days with meals logged, so servings are given per day with meals (servings ÷ days), not scaled up to a week.`,
  };
}

export function stoolTable(report: ReportData): ReportTableModel {
  const counts = report.gut.stoolTypeCounts;
  const total = counts.reduce((sum, count) => sum + count, 0);
  return {
    caption: `Stool types (Bristol scale), ${plural(total, 'bowel movement')}`,
    columns: [
      { label: 'Type', nowrap: true },
      { label: 'Description' },
      { label: 'Count', numeric: true },
      { label: 'Share', numeric: true },
    ],
    rows: STOOL_TYPES.map((type, i) => ({
      key: String(type.type),
      cells: [
        `Type ${type.type}`,
        `${type.label} (${type.hint})`,
        String(counts[i] ?? 0),
        total ? percent(((counts[i] ?? 0) / total) * 100) : NONE,
      ],
    })),
  };
}

export function stressTable(report: ReportData): ReportTableModel {
  const { stress } = report;
  return {
    caption: `Stress (0–10, higher is worse) and meditation per ${periodWord(report).toLowerCase()}`,
    columns: [
      { label: periodWord(report), nowrap: true },
      { label: 'Stress, average', numeric: true },
      { label: 'High-stress days (6+)', numeric: true },
      { label: 'Meditation minutes', numeric: true },
    ],
    rows: report.periods.map((period, p) => ({
      key: period.start,
      cells: [
        periodLabel(period, report.bucket),
        one(stress.stressByPeriod[p]),
        String(stress.highStressDaysByPeriod[p] ?? 0),
        whole(stress.meditationMinutesByPeriod[p]),
      ],
    })),
  };
}

export function triggersTable(report: ReportData): ReportTableModel {
  return {
    caption: 'Links that stood out in the statistics (q < 0.05)',
    columns: [
      { label: 'Factor' },
      { label: 'Measure' },
      { label: 'When', nowrap: true },
      { label: 'Days (n)', numeric: true },
      { label: 'Difference', numeric: true },
      { label: 'Averages', numeric: true },
      { label: 'q', numeric: true },
    ],
    rows: report.triggers.findings.map((finding, i) => ({
      key: String(i),
      cells: [
        finding.factorLabel,
        finding.outcomeLabel,
        lagWords(finding.lag),
        String(finding.n),
        `${signed(finding.effect)} pts${finding.ciLow !== null && finding.ciHigh !== null ? ` (${signed(finding.ciLow)} to ${signed(finding.ciHigh)})` : ''}`,
        `${one(finding.highMean)} vs ${one(finding.lowMean)}`,
        qText(finding.q),
      ],
    })),
    note: 'Difference: how much higher the measure was with the factor (or its higher half) than without it (or its lower half), in points of the measure’s own scale, with its 95% interval in brackets when the statistics give one. Averages: with vs without.',
  };
}

const AREA_LABELS = new Map<string, string>(BODY_AREAS.map((area) => [area.key, area.label]));

export function bodyAreaName(area: string): string {
  return AREA_LABELS.get(area) ?? area;
}

/** Splits long, narrow tables into side-by-side parts so they take less paper (at most `maxParts`). */
export function chunkRows<T>(rows: readonly T[], maxRows: number, maxParts = 3): T[][] {
  if (rows.length <= maxRows) return [rows.slice()];
  const parts = Math.min(maxParts, Math.ceil(rows.length / maxRows));
  const size = Math.ceil(rows.length / parts);
  return Array.from({ length: parts }, (_, i) => rows.slice(i * size, (i + 1) * size)).filter((part) => part.length);
}
