import { DEFAULT_MAX_LAG } from '../../contract/insightsTerms';
import type { TrendsData } from '../../contract/trendsTerms';
import {
  HIGH_STRESS,
  MARKED_BLOATING,
  REPORT_SERVINGS,
  type ConditionReport,
  type GutReport,
  type ItchReport,
  type PoemReport,
  type ReportData,
  type ReportNote,
  type ReportPhoto,
  type ReportSectionKey,
  type ServingsRecord,
  type StressReport,
  type TreatmentReport,
  type TriggersReport,
} from '../../contract/reportTerms';
import type { Db } from '../db/database';
import { runInsights } from '../insights/engine';
import { readDailySeries } from '../trends/series';
import { listTreatments } from '../journal/catalog';
import { listPhotos } from '../journal/photos';
import { listScores } from '../poem/scores';
import { activeWindow, treatmentAdherence } from './adherence';
import { flareEpisodes, summariseFlares } from './flares';
import {
  bucketFor,
  countByPeriod,
  countOf,
  meanByPeriod,
  meanOf,
  perDay,
  perWeek,
  splitPeriods,
  sumByPeriod,
  weeklySums,
  type WeekSum,
} from './periods';
import { weekStart } from '../journal/dates';
import { severityTrend } from './trend';
import { engineInput, triggersFrom } from './triggers';
import { finishedExperimentsIn } from '../experiments/service';

export interface ReportOptions {
  from: string;
  to: string;
  sections: readonly ReportSectionKey[];
  patientName?: string | null | undefined;
  dateOfBirth?: string | null | undefined;
  /** The person's today (the report's date). */
  today: string;
  /** The longest delay insights looks at (the saved Insights setting). */
  maxLag?: number;
}

/** The summary and the triggers section both show insights findings; the other sections never need the (slow) run. */
export function needsInsights(sections: readonly ReportSectionKey[]): boolean {
  return sections.includes('summary') || sections.includes('triggers');
}

/**
 * Everything the dermatologist report shows, worked out from the journal for one period. When
 * the chosen sections need candidate triggers, runs the insights statistics over the whole
 * journal on this thread (the app's handler reuses the Insights view's cached result or its
 * worker instead, through `reportFromSeries`).
 */
export function buildReport(db: Db, options: ReportOptions): ReportData {
  const data = readDailySeries(db, { from: options.from, to: options.to }, options.today);
  const insights = needsInsights(options.sections)
    ? runInsights(engineInput(readDailySeries(db, {}, options.today)), { maxLag: options.maxLag ?? DEFAULT_MAX_LAG })
    : null;
  return reportFromSeries(db, data, options, triggersFrom({ result: insights, periodDaysLogged: data.daysLogged }));
}

/** The report from the period's daily series (read once by the caller) and its candidate triggers. */
export function reportFromSeries(
  db: Db,
  data: TrendsData,
  options: ReportOptions,
  triggers: TriggersReport,
): ReportData {
  const { dates } = data;
  const bucket = bucketFor(dates.length);
  const { periods, indexOf } = splitPeriods(dates, bucket);
  const values = (key: string): (number | null)[] =>
    data.series.find((series) => series.key === key)?.values ?? new Array<number | null>(dates.length).fill(null);
  const span = { dates, indexOf, periods: periods.length };
  return {
    generatedOn: options.today,
    from: data.from,
    to: data.to,
    days: dates.length,
    daysLogged: data.daysLogged,
    sections: [...options.sections],
    patient: { name: options.patientName?.trim() || null, dateOfBirth: options.dateOfBirth || null },
    bucket,
    periods,
    conditions: conditionReports(data, values, span),
    itch: itchReport(values, span),
    poem: poemReport(db, data.from, data.to),
    treatments: treatmentReports(db, data, values),
    gut: gutReport(db, data, values, span),
    stress: stressReport(db, data, values, span),
    triggers,
    photos: options.sections.includes('photos') ? photosIn(db, data.from, data.to) : [],
    notes: notesIn(db, data.from, data.to),
    experiments: options.sections.includes('experiments')
      ? finishedExperimentsIn(db, data.from, data.to, options.today)
      : [],
  };
}

type Values = (key: string) => (number | null)[];
interface Span {
  dates: readonly string[];
  indexOf: readonly number[];
  periods: number;
}

function conditionReports(data: TrendsData, values: Values, span: Span): ConditionReport[] {
  const reports = data.conditions.map((condition): ConditionReport => {
    const severity = values(condition.severityKey);
    const flags = values(condition.flareKey);
    const scored = severity.flatMap((value, i) => (value === null ? [] : [{ i, value }]));
    const last = scored.at(-1);
    return {
      id: condition.id,
      name: condition.name,
      scoredDays: scored.length,
      average: meanOf(severity),
      lowest: scored.length ? Math.min(...scored.map((s) => s.value)) : null,
      highest: scored.length ? Math.max(...scored.map((s) => s.value)) : null,
      latest: last ? { date: span.dates[last.i]!, value: last.value } : null,
      last7Average: meanOf(severity.slice(-7)),
      trend: severityTrend(severity),
      averageByPeriod: meanByPeriod(severity, span.indexOf, span.periods),
      scoredByPeriod: countByPeriod(severity, span.indexOf, span.periods, () => true),
      flareDaysByPeriod: countByPeriod(flags, span.indexOf, span.periods, (flag) => flag === 1),
      flares: summariseFlares(flareEpisodes(span.dates, flags)),
    };
  });
  // Conditions without a single score or flare in the period say nothing to the reader.
  return reports.filter((report) => report.scoredDays > 0 || report.flares.flareDays > 0);
}

function itchReport(values: Values, span: Span): ItchReport {
  const itch = values('skin.itch');
  const sleepLost = values('skin.sleepLost');
  return {
    itchDays: countOf(itch),
    averageItch: meanOf(itch),
    sleepDays: countOf(sleepLost),
    averageSleepLost: meanOf(sleepLost),
    nightsWithSleepLost: countOf(sleepLost, (value) => value > 0),
    itchByPeriod: meanByPeriod(itch, span.indexOf, span.periods),
    sleepLostByPeriod: meanByPeriod(sleepLost, span.indexOf, span.periods),
    nightsLostByPeriod: countByPeriod(sleepLost, span.indexOf, span.periods, (value) => value > 0),
  };
}

function poemReport(db: Db, from: string, to: string): PoemReport {
  const entries = listScores(db)
    .filter((entry) => entry.date >= from && entry.date <= to)
    .reverse()
    .map(({ date, total, band, answers }) => ({ date, total, band, answers }));
  const latest = entries.at(-1) ?? null;
  // POEM is the eczema check: a person who does not track eczema and made no check is not asked about it.
  const eczemaTracked =
    db.prepare(`SELECT 1 FROM conditions WHERE builtin_key = 'eczema' AND tracked = 1`).get() !== undefined;
  return {
    relevant: eczemaTracked || entries.length > 0,
    entries,
    latest,
    change: entries.length >= 2 ? latest!.total - entries[0]!.total : null,
  };
}

function treatmentReports(db: Db, data: TrendsData, values: Values): TreatmentReport[] {
  const withTicks = new Set(data.series.filter((series) => series.group === 'treatment').map((series) => series.key));
  return listTreatments(db)
    .filter((treatment) => {
      const overlaps = (treatment.startedOn ?? data.from) <= data.to && (treatment.stoppedOn ?? data.to) >= data.from;
      return overlaps || withTicks.has(`treatment.${treatment.id}`);
    })
    .map((treatment) => {
      const { activeFrom, activeTo } = activeWindow(data.from, data.to, treatment.startedOn, treatment.stoppedOn);
      const key = `treatment.${treatment.id}`;
      const adherence = treatmentAdherence(
        data.dates,
        withTicks.has(key) ? values(key) : undefined,
        activeFrom,
        activeTo,
      );
      return {
        id: treatment.id,
        name: treatment.name,
        kind: treatment.kind,
        dose: treatment.dose,
        startedOn: treatment.startedOn,
        stoppedOn: treatment.stoppedOn,
        activeFrom,
        activeTo,
        daysTicked: adherence.daysTicked,
        daysTaken: adherence.daysTaken,
        adherencePercent: adherence.percent,
      };
    });
}

function servingsRecord(make: (key: (typeof REPORT_SERVINGS)[number]['key']) => number | null): ServingsRecord {
  return Object.fromEntries(REPORT_SERVINGS.map(({ key }) => [key, make(key)])) as ServingsRecord;
}

function gutReport(db: Db, data: TrendsData, values: Values, span: Span): GutReport {
  const servings = new Map(REPORT_SERVINGS.map(({ key }) => [key, values(`servings.${key}`)]));
  // Every servings series is 0 or more on a day with meals logged, and null on the others.
  const foodDayValues = servings.get('fibre_rich')!.map((value) => (value === null ? null : 1));
  const foodDays = countOf(foodDayValues);
  const total = (key: (typeof REPORT_SERVINGS)[number]['key']) =>
    servings.get(key)!.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const weekSums = new Map(REPORT_SERVINGS.map(({ key }) => [key, weeklySums(span.dates, servings.get(key)!)]));
  const weekDays = weeklySums(span.dates, foodDayValues);
  const periodSums = new Map(
    REPORT_SERVINGS.map(({ key }) => [key, sumByPeriod(servings.get(key)!, span.indexOf, span.periods)]),
  );
  const periodDays = sumByPeriod(foodDayValues, span.indexOf, span.periods);
  const bloating = values('gut.bloating');
  const discomfort = values('gut.discomfort');
  const bloatingByPeriod = meanByPeriod(bloating, span.indexOf, span.periods);
  return {
    foodDays,
    servingsPerWeek: servingsRecord((key) => perWeek(total(key), foodDays)),
    servingsPerDay: servingsRecord((key) => perDay(total(key), foodDays)),
    weeks: weekDays.map((week, w) => ({
      weekStart: week.weekStart,
      foodDays: week.days,
      servings: servingsRecord((key) => (week.days ? weekSums.get(key)![w]!.sum : null)),
    })),
    byPeriod: periodDays.map((period, p) => ({
      foodDays: period.days,
      servingsPerWeek: servingsRecord((key) => perWeek(periodSums.get(key)![p]!.sum, period.days)),
      servingsPerDay: servingsRecord((key) => perDay(periodSums.get(key)![p]!.sum, period.days)),
      bloating: bloatingByPeriod[p] ?? null,
    })),
    stoolTypeCounts: [...data.stoolTypeCounts],
    bloating: {
      days: countOf(bloating),
      average: meanOf(bloating),
      markedDays: countOf(bloating, (value) => value >= MARKED_BLOATING),
    },
    discomfort: { days: countOf(discomfort), average: meanOf(discomfort) },
    plantsPerWeek: plantsPerWeek(db, data, weekDays),
  };
}

/** Weeks need meals on this many days before their count of different plants is averaged. */
const PLANT_WEEK_MIN_DAYS = 5;

/** Different plant foods per week (as the day editor counts them), averaged over weeks with meals on most days. */
function plantsPerWeek(db: Db, data: TrendsData, weeks: readonly WeekSum[]): number | null {
  const rows = db
    .prepare(
      `SELECT DISTINCT m.date, mf.food_id AS food FROM meals m JOIN meal_foods mf ON mf.meal_id = m.id JOIN foods f ON f.id = mf.food_id
       WHERE f.plant = 1 AND m.date BETWEEN ? AND ?`,
    )
    .all(data.from, data.to) as { date: string; food: number }[];
  const perWeekFoods = new Map<string, Set<number>>();
  for (const row of rows) {
    const week = weekStart(row.date);
    let foods = perWeekFoods.get(week);
    if (!foods) perWeekFoods.set(week, (foods = new Set()));
    foods.add(row.food);
  }
  return meanOf(
    weeks.filter((week) => week.days >= PLANT_WEEK_MIN_DAYS).map((week) => perWeekFoods.get(week.weekStart)?.size ?? 0),
  );
}

function stressReport(db: Db, data: TrendsData, values: Values, span: Span): StressReport {
  const stress = values('life.stress');
  const meditation = values('life.meditation');
  const minutes = meditation.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const sessions = db
    .prepare(
      'SELECT stress_before AS before, stress_after AS after FROM meditation_sessions WHERE date BETWEEN ? AND ?',
    )
    .all(data.from, data.to) as { before: number | null; after: number | null }[];
  const paired = sessions.filter((s) => s.before !== null && s.after !== null);
  return {
    stressDays: countOf(stress),
    averageStress: meanOf(stress),
    highStressDays: countOf(stress, (value) => value >= HIGH_STRESS),
    meditationDays: countOf(meditation, (value) => value > 0),
    meditationMinutes: minutes,
    minutesPerWeek: perWeek(minutes, data.daysLogged),
    minutesPerLoggedDay: perDay(minutes, data.daysLogged),
    sessions: {
      count: sessions.length,
      averageStressBefore: meanOf(paired.map((s) => s.before)),
      averageStressAfter: meanOf(paired.map((s) => s.after)),
      pairs: paired.length,
    },
    stressByPeriod: meanByPeriod(stress, span.indexOf, span.periods),
    meditationMinutesByPeriod: sumByPeriod(meditation, span.indexOf, span.periods).map((period) => period.sum),
    highStressDaysByPeriod: countByPeriod(stress, span.indexOf, span.periods, (value) => value >= HIGH_STRESS),
  };
}

function photosIn(db: Db, from: string, to: string): ReportPhoto[] {
  return listPhotos(db, {})
    .filter((photo) => photo.date >= from && photo.date <= to)
    .reverse()
    .map(({ id, date, bodyArea }) => ({ id, date, bodyArea }));
}

function notesIn(db: Db, from: string, to: string): ReportNote[] {
  return db
    .prepare(
      `SELECT date, notes AS text FROM days WHERE notes_for_dermatologist = 1 AND trim(notes) <> '' AND date BETWEEN ? AND ? ORDER BY date`,
    )
    .all(from, to) as ReportNote[];
}
