import { andList, FLAG_LABELS, SCORE_UNIT } from '$contract/insightsReading';
import { poemBandByKey, POEM_MAX_TOTAL } from '$contract/poemTerms';
import {
  HIGH_STRESS,
  MARKED_BLOATING,
  REPORT_PERIOD_DAYS_FOR_LINKS,
  REPORT_SERVINGS,
  REPORT_WEEKLY_FIGURES_MIN_DAYS,
  type ConditionReport,
  type ReportData,
  type ReportFinding,
  type ServingsRecord,
} from '$contract/reportTerms';
import {
  ageOn,
  changeWords,
  dayMonth,
  lagWords,
  NONE,
  one,
  paperDate,
  paperPeriod,
  percent,
  plural,
  signed,
  trendWords,
  whole,
} from './format';

/** The report's sentences: what each section says in words (and the charts' descriptions). Pure. */

export function reportTitle(report: ReportData): string {
  return report.patient.name ? `Skin and gut report · ${report.patient.name}` : 'Skin and gut report';
}

export function periodFacts(report: ReportData): string {
  return `${paperPeriod(report.from, report.to)} (${plural(report.days, 'day')})`;
}

export function loggedFacts(report: ReportData): string {
  return `${report.daysLogged.toLocaleString('en-GB')} of ${plural(report.days, 'day')} (${percent((report.daysLogged / Math.max(1, report.days)) * 100)})`;
}

export function birthFacts(report: ReportData): string | null {
  const dob = report.patient.dateOfBirth;
  return dob ? `${paperDate(dob)} (age ${ageOn(dob, report.generatedOn)})` : null;
}

export function conditionLine(condition: ConditionReport): string {
  if (!condition.scoredDays) return `No scores; ${plural(condition.flares.flareDays, 'flare day')} marked.`;
  const trend = trendWords(condition.trend);
  const latest = condition.latest ? `; latest ${condition.latest.value} on ${dayMonth(condition.latest.date)}` : '';
  return `Average ${one(condition.average)} (lowest ${condition.lowest}, highest ${condition.highest}) on ${plural(condition.scoredDays, 'scored day')}; last 7 days ${one(condition.last7Average)}${latest}. Trend ${trend.arrow} ${trend.words}.`;
}

export function itchLine(report: ReportData): string {
  const { itch } = report;
  if (!itch.itchDays && !itch.sleepDays) return 'No itch or sleep scores were recorded in this period.';
  const itchPart = itch.itchDays
    ? `Itch (the worst of each day) averaged ${one(itch.averageItch)} out of 10 on ${plural(itch.itchDays, 'day')}.`
    : 'No itch scores.';
  const sleepPart = itch.sleepDays
    ? ` Sleep was lost to itch on ${plural(itch.nightsWithSleepLost, 'night')} of ${itch.sleepDays.toLocaleString('en-GB')} recorded (average ${one(itch.averageSleepLost)} out of 10).`
    : '';
  return itchPart + sleepPart;
}

export function poemLine(report: ReportData): string {
  const { poem } = report;
  if (!poem.latest) return 'No POEM checks in this period.';
  const band = poemBandByKey(poem.latest.band).label;
  const history =
    poem.entries.length > 1
      ? ` ${plural(poem.entries.length, 'check')} in the period; the first scored ${poem.entries[0]!.total} (change ${changeWords(poem.change)}; lower is better).`
      : ' One check in the period.';
  return `Latest POEM ${poem.latest.total} of ${POEM_MAX_TOTAL} on ${paperDate(poem.latest.date)}: ${band}.${history}`;
}

/**
 * Weekly rates need a week of logged days behind them: with fewer days with meals, servings are
 * given per logged day (one day of 2 servings is not "14 a week").
 */
export function weeklyServings(report: ReportData): boolean {
  return report.gut.foodDays >= REPORT_WEEKLY_FIGURES_MIN_DAYS;
}

/** The servings figures the report shows (per week, or per day with meals when too few days), and their name. */
export function servingsRate(report: ReportData): {
  weekly: boolean;
  label: string;
  of: (record: { servingsPerWeek: ServingsRecord; servingsPerDay: ServingsRecord }) => ServingsRecord;
} {
  const weekly = weeklyServings(report);
  return weekly
    ? { weekly, label: 'Servings per week', of: (record) => record.servingsPerWeek }
    : { weekly, label: 'Servings per day with meals logged', of: (record) => record.servingsPerDay };
}

export function servingsLine(report: ReportData): string {
  const { gut } = report;
  if (!gut.foodDays) return 'No meals were logged in this period.';
  const rate = servingsRate(report);
  const parts = REPORT_SERVINGS.map((category) => `${category.label.toLowerCase()} ${one(rate.of(gut)[category.key])}`);
  const plants = gut.plantsPerWeek === null ? '' : ` About ${whole(gut.plantsPerWeek)} different plant foods a week.`;
  const basis = rate.weekly
    ? `from ${plural(gut.foodDays, 'day')} with meals logged`
    : `only ${plural(gut.foodDays, 'day')} with meals logged, too few for weekly figures`;
  return `${rate.weekly ? 'Servings per week on average' : 'Servings per day with meals logged'}: ${parts.join(', ')} (${basis}).${plants}`;
}

/** Meditation minutes as a weekly rate, or per logged day when the period has fewer than a week of logged days. */
function meditationRate(report: ReportData): string {
  const { stress } = report;
  return report.daysLogged >= REPORT_WEEKLY_FIGURES_MIN_DAYS
    ? `about ${whole(stress.minutesPerWeek)} min a week`
    : `about ${whole(stress.minutesPerLoggedDay)} min per logged day`;
}

export function stoolLine(report: ReportData): string {
  const counts = report.gut.stoolTypeCounts;
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (!total) return 'No bowel movements were logged in this period.';
  const share = (from: number, to: number) =>
    percent((counts.slice(from - 1, to).reduce((sum, count) => sum + count, 0) / total) * 100);
  return `Stool types (Bristol): ${share(3, 4)} type 3–4, ${share(1, 2)} hard (type 1–2), ${share(5, 7)} loose (type 5–7), of ${plural(total, 'bowel movement')}.`;
}

export function bloatingLine(report: ReportData): string {
  const { bloating, discomfort } = report.gut;
  if (!bloating.days) return 'No bloating scores in this period.';
  const tummy = discomfort.days ? ` Tummy discomfort averaged ${one(discomfort.average)}.` : '';
  return `Bloating averaged ${one(bloating.average)} out of 10 on ${plural(bloating.days, 'day')}; ${plural(bloating.markedDays, 'day')} at ${MARKED_BLOATING} or more.${tummy}`;
}

export function stressLine(report: ReportData): string {
  const { stress } = report;
  const stressPart = stress.stressDays
    ? `Stress averaged ${one(stress.averageStress)} out of 10 on ${plural(stress.stressDays, 'day')}; ${plural(stress.highStressDays, 'day')} at ${HIGH_STRESS} or more.`
    : 'No stress scores in this period.';
  const meditation = stress.meditationDays
    ? ` Meditation on ${plural(stress.meditationDays, 'day')}, ${plural(stress.meditationMinutes, 'minute')} in all (${meditationRate(report)}).`
    : ' No meditation recorded.';
  return stressPart + meditation;
}

export function sessionsLine(report: ReportData): string | null {
  const { sessions } = report.stress;
  if (!sessions.count) return null;
  const change = sessions.pairs
    ? ` Where stress was noted before and after (${plural(sessions.pairs, 'session')}): ${one(sessions.averageStressBefore)} before, ${one(sessions.averageStressAfter)} after, on average (0–10, lower is calmer).`
    : '';
  return `${plural(sessions.count, 'timed session')} with the app’s meditation timer.${change}`;
}

export function treatmentLine(report: ReportData): string {
  if (!report.treatments.length) return 'No treatments or supplements were recorded for this period.';
  return report.treatments
    .map(
      (treatment) =>
        `${treatment.name} ${treatment.adherencePercent === null ? '(no ticks)' : `${percent(treatment.adherencePercent)} of ${plural(treatment.daysTicked, 'day')}`}`,
    )
    .join('; ');
}

/** Descriptions of the chart images (their alt text). */
export const chartAlt = {
  glance: (report: ReportData) =>
    `Average skin severity per ${report.bucket} for ${report.conditions.map((condition) => condition.name).join(', ')}, from 0 to 10. ${report.conditions.map((condition) => `${condition.name}: ${trendWords(condition.trend).words}`).join('; ')}.`,
  severity: (report: ReportData, condition: ConditionReport) =>
    `${condition.name}: average severity per ${report.bucket} with flare days as bars. ${conditionLine(condition)}`,
  itch: (report: ReportData) => `Itch and sleep lost to itch per ${report.bucket}. ${itchLine(report)}`,
  poem: (report: ReportData) => `POEM totals over time against the severity bands. ${poemLine(report)}`,
  servings: (report: ReportData) =>
    `${servingsRate(report).label} of four food groups, per ${report.bucket}. ${servingsLine(report)}`,
  stool: (report: ReportData) => `Number of bowel movements of each Bristol stool type. ${stoolLine(report)}`,
  stress: (report: ReportData) => `Average stress and meditation minutes per ${report.bucket}. ${stressLine(report)}`,
};

export { NONE };

/** Page 1's gut and lifestyle facts: a label and a short value each. */
export function lifestyleFacts(report: ReportData): { label: string; value: string; wide?: boolean }[] {
  const { gut, stress } = report;
  const counts = gut.stoolTypeCounts;
  const total = counts.reduce((sum, count) => sum + count, 0);
  const share = (from: number, to: number) =>
    percent((counts.slice(from - 1, to).reduce((sum, count) => sum + count, 0) / Math.max(1, total)) * 100);
  const rate = servingsRate(report);
  return [
    {
      label: rate.weekly ? 'Weekly servings' : 'Servings per day',
      wide: true,
      value: gut.foodDays
        ? REPORT_SERVINGS.map((category) => `${category.label.toLowerCase()} ${one(rate.of(gut)[category.key])}`).join(
            ' · ',
          ) + (rate.weekly ? '' : ` (${plural(gut.foodDays, 'day')} with meals: too few for weekly figures)`)
        : 'no meals logged',
    },
    {
      label: 'Stool (Bristol)',
      wide: true,
      value: total
        ? `${share(3, 4)} type 3–4 · ${share(1, 2)} type 1–2 · ${share(5, 7)} type 5–7 (${total})`
        : 'none logged',
    },
    {
      label: 'Plant foods',
      value: gut.plantsPerWeek === null ? NONE : `about ${whole(gut.plantsPerWeek)} different a week`,
    },
    {
      label: 'Bloating',
      value: gut.bloating.days
        ? `average ${one(gut.bloating.average)}/10 · ${plural(gut.bloating.markedDays, 'day')} at ${MARKED_BLOATING}+`
        : NONE,
    },
    {
      label: 'Stress',
      value: stress.stressDays
        ? `average ${one(stress.averageStress)}/10 · ${plural(stress.highStressDays, 'day')} at ${HIGH_STRESS}+`
        : NONE,
    },
    {
      label: 'Meditation',
      value: stress.meditationDays
        ? `${plural(stress.meditationDays, 'day')} · ${meditationRate(report)}`
        : 'none recorded',
    },
  ];
}

/**
 * A finding in one line, after its title ("Acne and dairy"): "+2.0 points, worse (95% CI +1.2 to +2.6),
 * 2 days later · moves with yogurt".
 */
export function shortFinding(finding: ReportFinding): string {
  const notes = [
    ...(finding.movesWith.length ? [`moves with ${andList(finding.movesWith)}`] : []),
    // "same day" is already said by the delay.
    ...finding.flags.filter((flag) => flag !== 'same-day').map((flag) => FLAG_LABELS[flag]),
  ];
  // Page 1 keeps to one line a finding: the change in words; the averages, n and q are in the
  // candidate-triggers table further on.
  const effect = finding.effect;
  const direction =
    finding.outcomeUnit === SCORE_UNIT && effect !== null && signed(effect) !== '0.0'
      ? `, ${effect > 0 ? 'worse' : 'better'}`
      : '';
  return `${signed(effect)} points${direction}${intervalText(finding)}, ${lagWords(finding.lag)}${notes.map((note) => ` · ${note}`).join('')}`;
}

/** " (95% CI +1.2 to +2.6)" (the report is read by a doctor), or nothing when the statistics gave none. */
export function intervalText(finding: Pick<ReportFinding, 'ciLow' | 'ciHigh'>): string {
  return finding.ciLow !== null && finding.ciHigh !== null
    ? ` (95% CI ${signed(finding.ciLow)} to ${signed(finding.ciHigh)})`
    : '';
}

/**
 * Where the candidate triggers come from, in one line: always the whole journal, with its span,
 * and a word when the report's own period would be too short to look for links in alone.
 */
export function triggersSpan(report: ReportData): string {
  const { triggers } = report;
  const span =
    triggers.from && triggers.to
      ? `From the whole journal (${plural(triggers.daysLogged, 'logged day')}, ${triggers.from === triggers.to ? paperDate(triggers.from) : `${paperDate(triggers.from)} – ${paperDate(triggers.to)}`}), not only this report’s period.`
      : 'From the whole journal, not only this report’s period.';
  return triggers.period.tooShort ? `${span} ${periodTooShortWords(report)}` : span;
}

/** "Too few days in this period …": said instead of "no link" when the period alone is short. */
export function periodTooShortWords(report: ReportData): string {
  const { period } = report.triggers;
  return `This period has too few logged days to look for links on its own (${period.daysLogged.toLocaleString('en-GB')}; at least ${REPORT_PERIOD_DAYS_FOR_LINKS} are needed).`;
}

/** Page 1's words when no trigger is listed: why, in the reader's terms. */
export function noTriggersWords(report: ReportData): string {
  const { triggers } = report;
  if (triggers.state === 'done') {
    return `No link between habits and skin stands out across the whole journal (${plural(triggers.testsRun, 'comparison')} tested). No finding does not mean no effect.`;
  }
  return triggers.message ?? 'Not worked out for this report.';
}

/** Page 1 has room for this many notes "for my dermatologist" (the newest), each up to NOTE_PREVIEW_CHARS. */
export const VISIT_NOTES_SHOWN = 3;
export const NOTE_PREVIEW_CHARS = 160;

/**
 * A note on one run of text (its line breaks as spaces, so it cannot take many lines), cut at a word
 * to fit page 1 and marked with "…" when cut. The whole note, as written, stays on the notes page.
 */
export function clipNote(text: string, max = NOTE_PREVIEW_CHARS): { text: string; clipped: boolean } {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return { text: plain, clipped: false };
  const cut = plain.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return { text: `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`, clipped: true };
}

/** Page 1's notes: the newest few, oldest of them first, and how many are left for the notes page. */
export function visitNotes(notes: readonly ReportData['notes'][number][]): {
  shown: { date: string; text: string; clipped: boolean }[];
  more: number;
} {
  const newest = notes.slice(-VISIT_NOTES_SHOWN);
  return {
    shown: newest.map((note) => ({ date: note.date, ...clipNote(note.text) })),
    more: notes.length - newest.length,
  };
}
