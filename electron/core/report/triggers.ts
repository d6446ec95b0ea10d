import {
  bestPerPair,
  cardsOf,
  describeTest,
  flagsOf,
  movesWithSentence,
  type InsightCard,
} from '../../contract/insightsReading';
import type { InsightsResult, InsightTest } from '../../contract/insightsTerms';
import type { TrendsData } from '../../contract/trendsTerms';
import {
  REPORT_CAUSATION_CAVEAT,
  REPORT_PERIOD_DAYS_FOR_LINKS,
  type ReportFinding,
  type TriggersPeriod,
  type TriggersReport,
} from '../../contract/reportTerms';

/**
 * The report's candidate triggers. They always come from the journal-wide insights result (the
 * one the Insights view shows), never from the report's period alone: a 90-day period can be too
 * short to find a link the whole journal shows plainly, and the report must not contradict
 * Insights. The report's period is described alongside, so the reader can tell the two apart.
 *
 * Where they come from (`triggersFrom`) and what each finding carries (`toFinding`) are kept
 * apart, so the wording of a finding can change without touching where the findings come from.
 */

export interface TriggersSource {
  /** The journal-wide insights result, or null when it was not asked for or failed. */
  result: InsightsResult | null;
  /** Logged days in the report's period. */
  periodDaysLogged: number;
  /** Why there is no result, in words (null when it was simply not asked for). */
  failure?: string | null;
}

/** The report's period as the triggers describe it. */
export function triggersPeriod(periodDaysLogged: number): TriggersPeriod {
  return { daysLogged: periodDaysLogged, tooShort: periodDaysLogged < REPORT_PERIOD_DAYS_FOR_LINKS };
}

/**
 * Candidate triggers: the findings as Insights shows them (one per card: a factor's forms merged, factors a
 * stronger one accounts for named on its line, explained links never on their own), gut and lifestyle → skin
 * first, then skin → gut.
 */
export function triggersFrom({ result, periodDaysLogged, failure = null }: TriggersSource): TriggersReport {
  const base = {
    scope: 'journal' as const,
    from: result?.from ?? null,
    to: result?.to ?? null,
    daysLogged: result?.daysLogged ?? 0,
    maxLag: result?.maxLag ?? 0,
    testsRun: result?.testsRun ?? 0,
    daysNeeded: result?.daysNeeded ?? null,
    caveat: REPORT_CAUSATION_CAVEAT,
    period: triggersPeriod(periodDaysLogged),
  };
  if (!result) {
    return {
      ...base,
      state: failure ? 'failed' : 'not-requested',
      findings: [],
      message: failure,
    };
  }
  if (result.testsRun === 0) {
    return {
      ...base,
      state: 'not-enough-data',
      findings: [],
      message: `There are not enough logged days in the whole journal yet to look for links${result.daysNeeded ? ` (about ${result.daysNeeded} more days are needed)` : ''}.`,
    };
  }
  const order = (test: InsightTest) => (test.direction === 'gut-to-skin' ? 0 : 1);
  const names = new Map(result.tests.map((test) => [test.factor, test.factorLabel]));
  const findings = cardsOf(bestPerPair(result.tests), result.tests)
    .cards.filter((card) => card.lead.status === 'finding')
    .sort((a, b) => order(a.lead) - order(b.lead) || (a.lead.q ?? 1) - (b.lead.q ?? 1))
    .map((card) => toFinding(card, (key) => names.get(key) ?? null));
  return { ...base, state: 'done', findings, message: null };
}

/** One insights card's lead finding as the report prints it. */
function toFinding(card: InsightCard, labelOf: (key: string) => string | null): ReportFinding {
  const test = card.lead;
  const movesWith = [...card.groupedWith, ...card.explained.map((entry) => entry.name)];
  const sentence = [describeTest(test, labelOf), ...(movesWith.length ? [movesWithSentence(movesWith)] : [])].join(' ');
  return {
    factorLabel: test.factorLabel,
    outcomeLabel: test.outcomeLabel,
    outcomeUnit: test.outcomeUnit,
    direction: test.direction,
    lag: test.lag,
    n: test.n,
    effect: test.effect,
    rho: test.rho,
    q: test.q,
    highLabel: test.groups?.highLabel ?? null,
    lowLabel: test.groups?.lowLabel ?? null,
    highMean: test.groups?.high.mean ?? null,
    lowMean: test.groups?.low.mean ?? null,
    title: card.title,
    ciLow: test.ciLow ?? null,
    ciHigh: test.ciHigh ?? null,
    flags: flagsOf(test).filter((flag) => flag === 'same-day' || flag === 'shared-trend' || flag === 'before-after'),
    movesWith,
    sentence,
  };
}

/** The series insights tests (the ones shown only are left out), as the engine takes them. */
export function engineInput(data: TrendsData): { dates: string[]; series: TrendsData['series'] } {
  return { dates: data.dates, series: data.series.filter((series) => series.role !== 'none') };
}
