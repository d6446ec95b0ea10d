import type { FinishedExperiment } from './experimentsTerms';
/**
 * The dermatologist report's vocabulary and shapes, free of zod so the renderer can import it
 * cheaply: the sections one can choose, paper sizes, limits, and the data `report.data` returns.
 */
import { MIN_PAIRS, type InsightDirection, type InsightFlag } from './insightsTerms';
import type { BodyArea, TreatmentKind } from './journalTerms';
import type { PoemBandKey } from './poemTerms';

export const REPORT_SECTIONS = [
  { key: 'summary', label: 'One-page summary', title: 'Summary' },
  { key: 'skin', label: 'Skin severity trend per condition', title: 'Skin severity' },
  { key: 'itch', label: 'Itch and sleep lost to itch', title: 'Itch and sleep lost to itch' },
  { key: 'poem', label: 'Eczema check (POEM) history', title: 'Eczema check (POEM)' },
  { key: 'flares', label: 'Flares', title: 'Flares' },
  { key: 'treatments', label: 'Treatments and adherence', title: 'Treatments' },
  { key: 'gut', label: 'Gut and diet', title: 'Gut and diet' },
  { key: 'stress', label: 'Stress and meditation', title: 'Stress and meditation' },
  { key: 'triggers', label: 'Candidate triggers (from Insights)', title: 'Candidate triggers' },
  { key: 'experiments', label: 'Self-experiments (finished)', title: 'Self-experiments' },
  { key: 'photos', label: 'Photos', title: 'Photos' },
  { key: 'notes', label: 'Notes for the dermatologist', title: 'Notes for the dermatologist' },
] as const;

export type ReportSectionKey = (typeof REPORT_SECTIONS)[number]['key'];
export const REPORT_SECTION_KEYS = REPORT_SECTIONS.map((section) => section.key) as unknown as readonly [
  ReportSectionKey,
  ...ReportSectionKey[],
];

export function reportSectionTitle(key: ReportSectionKey): string {
  return REPORT_SECTIONS.find((section) => section.key === key)!.title;
}

export const PAPER_SIZES = [
  { key: 'a4', label: 'A4', css: 'A4', widthMm: 210, heightMm: 297 },
  { key: 'letter', label: 'Letter', css: 'letter', widthMm: 215.9, heightMm: 279.4 },
] as const;
export type PaperSize = (typeof PAPER_SIZES)[number]['key'];

export const PATIENT_NAME_MAX_LENGTH = 100;
/** The longest period one report covers (ten years and a few leap days). */
export const REPORT_MAX_DAYS = 3660;
/** Periods up to this many days are shown week by week; longer ones month by month. */
export const REPORT_WEEKLY_UP_TO_DAYS = 120;
/** A POEM total or skin score that moves by at least this much between the start and the end of the period is a change. */
export const TREND_THRESHOLD_POINTS = 0.5;
/**
 * A period with fewer logged days than this is too short to look for links on its own (the
 * fewest paired days insights needs for a number factor); the candidate triggers always come
 * from the whole journal, and the report says the period alone would be too short.
 */
export const REPORT_PERIOD_DAYS_FOR_LINKS = MIN_PAIRS;
/**
 * Rates "per week" need at least a week of logged days behind them: with fewer, the report
 * gives figures per logged day instead (one day of 2 servings is not "14 a week").
 */
export const REPORT_WEEKLY_FIGURES_MIN_DAYS = 7;
/** Stress at or above this counts as a high-stress day. */
export const HIGH_STRESS = 6;
/** Bloating at or above this counts as a day with marked bloating. */
export const MARKED_BLOATING = 6;

/** Printed wherever the report shows statistical links. */
export const REPORT_CAUSATION_CAVEAT =
  'These are patterns in the patient’s own records, found by the app’s statistics (Spearman rank correlation with a circular-shift permutation test and a Benjamini–Hochberg false-discovery correction). An association is not proof that one thing causes another: something else can move both. Please treat them as ideas to discuss and test, not as diagnoses.';

/** The caveat in brief, for the first page. */
export const REPORT_CAUSATION_CAVEAT_SHORT =
  'Patterns in the patient’s own records, not proof of cause: something else can move both. Ideas to discuss and test, not diagnoses.';

/** The gut-health food categories whose servings the report sums per week. */
export const REPORT_SERVINGS = [
  { key: 'fibre_rich', label: 'Fibre-rich' },
  { key: 'prebiotic', label: 'Prebiotic' },
  { key: 'fermented', label: 'Probiotic / fermented' },
  { key: 'ultra_processed', label: 'Ultra-processed' },
] as const;
export type ReportServingsKey = (typeof REPORT_SERVINGS)[number]['key'];
export type ServingsRecord = Record<ReportServingsKey, number | null>;

/** One week or month of the period (clipped to the period at both ends). */
export interface ReportPeriod {
  start: string;
  end: string;
  /** Calendar days in it (1–31). */
  days: number;
}

export interface FlareEpisode {
  start: string;
  end: string;
  days: number;
}

export interface FlareSummary {
  episodes: FlareEpisode[];
  /** Days marked as a flare. */
  flareDays: number;
  shortestDays: number | null;
  medianDays: number | null;
  longestDays: number | null;
}

export type TrendDirection = 'better' | 'worse' | 'steady' | 'unknown';

export interface Trend {
  direction: TrendDirection;
  /** Average of the last window minus the first (null when either has too few scores). */
  change: number | null;
  early: number | null;
  late: number | null;
  /** Days at each end of the period that were compared. */
  windowDays: number;
}

export interface ConditionReport {
  id: number;
  name: string;
  scoredDays: number;
  average: number | null;
  lowest: number | null;
  highest: number | null;
  /** The last score in the period and its date. */
  latest: { date: string; value: number } | null;
  /** Average of the last 7 calendar days of the period (null when none of them was scored). */
  last7Average: number | null;
  trend: Trend;
  /** Per period of `ReportData.periods`: the average score (null when not scored). */
  averageByPeriod: (number | null)[];
  scoredByPeriod: number[];
  flareDaysByPeriod: number[];
  flares: FlareSummary;
}

export interface ItchReport {
  itchDays: number;
  averageItch: number | null;
  sleepDays: number;
  averageSleepLost: number | null;
  /** Days whose sleep lost to itch was above 0. */
  nightsWithSleepLost: number;
  itchByPeriod: (number | null)[];
  sleepLostByPeriod: (number | null)[];
  nightsLostByPeriod: number[];
}

export interface ReportPoemEntry {
  date: string;
  total: number;
  band: PoemBandKey;
  answers: number[];
}

export interface PoemReport {
  /** Eczema is tracked or checks were made in the period: otherwise the report leaves POEM out. */
  relevant: boolean;
  /** Checks in the period, oldest first. */
  entries: ReportPoemEntry[];
  latest: ReportPoemEntry | null;
  /** The first and the last check's totals compared (null with fewer than two). */
  change: number | null;
}

export interface TreatmentReport {
  id: number;
  name: string;
  kind: TreatmentKind;
  dose: string;
  startedOn: string | null;
  stoppedOn: string | null;
  /** The part of the period the treatment was active. */
  activeFrom: string;
  activeTo: string;
  /** Days with a yes-or-no tick while active, and the yes days among them. */
  daysTicked: number;
  daysTaken: number;
  /** daysTaken / daysTicked × 100, or null when nothing was ticked. */
  adherencePercent: number | null;
}

export interface WeekServings {
  /** Monday of the week (the first week may start before the period; only days in the period count). */
  weekStart: string;
  /** Days of the week in the period with meals logged. */
  foodDays: number;
  servings: ServingsRecord;
}

export interface GutPeriod {
  foodDays: number;
  /** Servings per week, scaled from the days with meals logged (sum ÷ days × 7). */
  servingsPerWeek: ServingsRecord;
  /** Servings per day with meals logged (sum ÷ days), for periods too short for weekly figures. */
  servingsPerDay: ServingsRecord;
  bloating: number | null;
}

export interface GutReport {
  foodDays: number;
  servingsPerWeek: ServingsRecord;
  /** Servings per day with meals logged; shown instead of weekly figures below REPORT_WEEKLY_FIGURES_MIN_DAYS food days. */
  servingsPerDay: ServingsRecord;
  weeks: WeekServings[];
  byPeriod: GutPeriod[];
  /** Index 0 = Bristol type 1 … 6 = type 7. */
  stoolTypeCounts: number[];
  bloating: { days: number; average: number | null; markedDays: number };
  discomfort: { days: number; average: number | null };
  /** Different plant foods per week, on average over weeks with meals logged. */
  plantsPerWeek: number | null;
}

export interface StressReport {
  stressDays: number;
  averageStress: number | null;
  highStressDays: number;
  meditationDays: number;
  meditationMinutes: number;
  /** Minutes per week over the period's logged days (sum ÷ days logged × 7). */
  minutesPerWeek: number | null;
  /** Minutes per logged day of the period (sum ÷ days logged); shown instead below REPORT_WEEKLY_FIGURES_MIN_DAYS logged days. */
  minutesPerLoggedDay: number | null;
  sessions: { count: number; averageStressBefore: number | null; averageStressAfter: number | null; pairs: number };
  stressByPeriod: (number | null)[];
  meditationMinutesByPeriod: number[];
  highStressDaysByPeriod: number[];
}

export interface ReportFinding {
  factorLabel: string;
  outcomeLabel: string;
  outcomeUnit: string;
  direction: InsightDirection;
  lag: number;
  n: number;
  effect: number | null;
  rho: number | null;
  q: number | null;
  highLabel: string | null;
  lowLabel: string | null;
  highMean: number | null;
  lowMean: number | null;
  /** As the Insights card calls it, without a cause: "Acne and dairy", "Itch and alcohol or caffeine". */
  title: string;
  /** 95% interval for `effect` in the outcome's units, when the statistics give one. */
  ciLow: number | null;
  ciHigh: number | null;
  /** Cautions as in Insights (`same-day`, `shared-trend`, `before-after`). */
  flags: InsightFlag[];
  /** Factors that moved with this one, which the records cannot tell apart from it (names). */
  movesWith: string[];
  /** The Insights sentence, with its cautions. */
  sentence: string;
}

/** The report's own period, as the candidate triggers see it (they come from the whole journal). */
export interface TriggersPeriod {
  /** Logged days in the report's period. */
  daysLogged: number;
  /** Fewer than REPORT_PERIOD_DAYS_FOR_LINKS logged days: too few to look for links in this period alone. */
  tooShort: boolean;
}

export interface TriggersReport {
  /** 'done' with findings (possibly none), 'not-enough-data', or 'failed'. */
  state: 'done' | 'not-enough-data' | 'failed' | 'not-requested';
  /** Where the links were looked for: always the whole journal, whatever period the report covers. */
  scope: 'journal';
  /** The first and last logged day of the journal the statistics looked at. */
  from: string | null;
  to: string | null;
  daysLogged: number;
  maxLag: number;
  testsRun: number;
  daysNeeded: number | null;
  findings: ReportFinding[];
  caveat: string;
  message: string | null;
  period: TriggersPeriod;
}

export interface ReportPhoto {
  id: number;
  date: string;
  bodyArea: BodyArea;
}

export interface ReportNote {
  date: string;
  text: string;
}

export interface ReportData {
  generatedOn: string;
  from: string;
  to: string;
  /** Calendar days in the period, and the days with an entry. */
  days: number;
  daysLogged: number;
  sections: ReportSectionKey[];
  patient: { name: string | null; dateOfBirth: string | null };
  bucket: 'week' | 'month';
  periods: ReportPeriod[];
  conditions: ConditionReport[];
  itch: ItchReport;
  poem: PoemReport;
  treatments: TreatmentReport[];
  gut: GutReport;
  stress: StressReport;
  triggers: TriggersReport;
  photos: ReportPhoto[];
  notes: ReportNote[];
  /** Finished or ended experiments that overlap the period (when the section is chosen). */
  experiments?: ReportExperiment[];
}

/** A finished experiment as the report shows it: design, adherence, result and its chart's data. */
export type ReportExperiment = FinishedExperiment;
