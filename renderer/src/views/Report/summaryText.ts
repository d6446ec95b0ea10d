import { andList, FLAG_LABELS } from '../../../../electron/contract/insightsReading';
import { poemBandByKey, POEM_MAX_TOTAL } from '../../../../electron/contract/poemTerms';
import { HIGH_STRESS, MARKED_BLOATING, REPORT_SERVINGS, type ConditionReport, type ReportData, type ReportFinding } from '../../../../electron/contract/reportTerms';
import { ageOn, dayMonth, lagWords, NONE, one, paperDate, paperPeriod, percent, plural, qPhrase, signed, trendWords, whole } from './format';

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
  const itchPart = itch.itchDays ? `Itch (the worst of each day) averaged ${one(itch.averageItch)} out of 10 on ${plural(itch.itchDays, 'day')}.` : 'No itch scores.';
  const sleepPart = itch.sleepDays
    ? ` Sleep was lost to itch on ${plural(itch.nightsWithSleepLost, 'night')} of ${itch.sleepDays.toLocaleString('en-GB')} recorded (average ${one(itch.averageSleepLost)} out of 10).`
    : '';
  return itchPart + sleepPart;
}

export function poemLine(report: ReportData): string {
  const { poem } = report;
  if (!poem.latest) return 'No POEM checks in this period.';
  const band = poemBandByKey(poem.latest.band).label;
  const history = poem.entries.length > 1 ? ` ${plural(poem.entries.length, 'check')} in the period; the first scored ${poem.entries[0]!.total} (change ${signed(poem.change)}).` : ' One check in the period.';
  return `Latest POEM ${poem.latest.total} of ${POEM_MAX_TOTAL} on ${paperDate(poem.latest.date)}: ${band}.${history}`;
}

export function servingsLine(report: ReportData): string {
  const { gut } = report;
  if (!gut.foodDays) return 'No meals were logged in this period.';
  const parts = REPORT_SERVINGS.map((category) => `${category.label.toLowerCase()} ${one(gut.servingsPerWeek[category.key])}`);
  const plants = gut.plantsPerWeek === null ? '' : ` About ${whole(gut.plantsPerWeek)} different plant foods a week.`;
  return `Servings per week on average: ${parts.join(', ')} (from ${plural(gut.foodDays, 'day')} with meals logged).${plants}`;
}

export function stoolLine(report: ReportData): string {
  const counts = report.gut.stoolTypeCounts;
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (!total) return 'No bowel movements were logged in this period.';
  const share = (from: number, to: number) => percent((counts.slice(from - 1, to).reduce((sum, count) => sum + count, 0) / total) * 100);
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
    ? ` Meditation on ${plural(stress.meditationDays, 'day')}, ${plural(stress.meditationMinutes, 'minute')} in all (about ${whole(stress.minutesPerWeek)} a week).`
    : ' No meditation recorded.';
  return stressPart + meditation;
}

export function sessionsLine(report: ReportData): string | null {
  const { sessions } = report.stress;
  if (!sessions.count) return null;
  const change = sessions.pairs ? ` Where stress was noted before and after (${plural(sessions.pairs, 'session')}): ${one(sessions.averageStressBefore)} before, ${one(sessions.averageStressAfter)} after, on average.` : '';
  return `${plural(sessions.count, 'timed session')} with the app’s meditation timer.${change}`;
}

export function treatmentLine(report: ReportData): string {
  if (!report.treatments.length) return 'No treatments or supplements were recorded for this period.';
  return report.treatments
    .map((treatment) => `${treatment.name} ${treatment.adherencePercent === null ? '(no ticks)' : `${percent(treatment.adherencePercent)} of ${plural(treatment.daysTicked, 'day')}`}`)
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
  servings: (report: ReportData) => `Servings per week of four food groups, per ${report.bucket}. ${servingsLine(report)}`,
  stool: (report: ReportData) => `Number of bowel movements of each Bristol stool type. ${stoolLine(report)}`,
  stress: (report: ReportData) => `Average stress and meditation minutes per ${report.bucket}. ${stressLine(report)}`,
};

export { NONE };

/** Page 1's gut and lifestyle facts: a label and a short value each. */
export function lifestyleFacts(report: ReportData): { label: string; value: string; wide?: boolean }[] {
  const { gut, stress } = report;
  const counts = gut.stoolTypeCounts;
  const total = counts.reduce((sum, count) => sum + count, 0);
  const share = (from: number, to: number) => percent((counts.slice(from - 1, to).reduce((sum, count) => sum + count, 0) / Math.max(1, total)) * 100);
  return [
    {
      label: 'Weekly servings',
      wide: true,
      value: gut.foodDays ? REPORT_SERVINGS.map((category) => `${category.label.toLowerCase()} ${one(gut.servingsPerWeek[category.key])}`).join(' · ') : 'no meals logged',
    },
    { label: 'Stool (Bristol)', wide: true, value: total ? `${share(3, 4)} type 3–4 · ${share(1, 2)} type 1–2 · ${share(5, 7)} type 5–7 (${total})` : 'none logged' },
    { label: 'Plant foods', value: gut.plantsPerWeek === null ? NONE : `about ${whole(gut.plantsPerWeek)} different a week` },
    { label: 'Bloating', value: gut.bloating.days ? `average ${one(gut.bloating.average)}/10 · ${plural(gut.bloating.markedDays, 'day')} at ${MARKED_BLOATING}+` : NONE },
    { label: 'Stress', value: stress.stressDays ? `average ${one(stress.averageStress)}/10 · ${plural(stress.highStressDays, 'day')} at ${HIGH_STRESS}+` : NONE },
    { label: 'Meditation', value: stress.meditationDays ? `${plural(stress.meditationDays, 'day')} · about ${whole(stress.minutesPerWeek)} min a week` : 'none recorded' },
  ];
}

/**
 * A finding in one line, after its title ("Acne and dairy"): "+2.0 points (95% interval +1.2 to +2.6), 2 days later
 * (average 5.5 vs 3.5, n = 309, q < 0.001) · moves with yogurt · same day".
 */
export function shortFinding(finding: ReportFinding): string {
  const groups = finding.highMean !== null && finding.lowMean !== null ? `average ${one(finding.highMean)} vs ${one(finding.lowMean)}, ` : '';
  const notes = [
    ...(finding.movesWith.length ? [`moves with ${andList(finding.movesWith)}`] : []),
    ...finding.flags.map((flag) => FLAG_LABELS[flag]),
  ];
  return `${signed(finding.effect)} points${intervalText(finding)}, ${lagWords(finding.lag)} (${groups}n = ${finding.n}, ${qPhrase(finding.q)})${notes.map((note) => ` · ${note}`).join('')}`;
}

/** " (95% interval +1.2 to +2.6)", or nothing when the statistics gave none. */
export function intervalText(finding: Pick<ReportFinding, 'ciLow' | 'ciHigh'>): string {
  return finding.ciLow !== null && finding.ciHigh !== null ? ` (95% interval ${signed(finding.ciLow)} to ${signed(finding.ciHigh)})` : '';
}
