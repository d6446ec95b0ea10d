import { bestPerPair, cardsOf, describeTest, flagsOf, movesWithSentence, type InsightCard } from '../../contract/insightsReading';
import type { InsightsResult, InsightTest, TrendsData } from '../../contract/insightsTerms';
import { REPORT_CAUSATION_CAVEAT, type ReportFinding, type TriggersReport } from '../../contract/reportTerms';

/**
 * Candidate triggers: the findings as Insights shows them (one per card: a factor's forms merged, factors a
 * stronger one accounts for named on its line, explained links never on their own), gut and lifestyle → skin
 * first, then skin → gut.
 */
export function triggersFrom(result: InsightsResult | null, failure: string | null = null): TriggersReport {
  const base = {
    from: result?.from ?? null,
    to: result?.to ?? null,
    daysLogged: result?.daysLogged ?? 0,
    maxLag: result?.maxLag ?? 0,
    testsRun: result?.testsRun ?? 0,
    daysNeeded: result?.daysNeeded ?? null,
    caveat: REPORT_CAUSATION_CAVEAT,
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
      message: `There are not enough logged days in this period to look for links${result.daysNeeded ? ` (about ${result.daysNeeded} more days are needed)` : ''}.`,
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

/** The period holds every logged day of the journal, so the journal-wide insights result describes it. */
export function periodHoldsWholeJournal(data: TrendsData): boolean {
  return data.firstLogged !== null && data.lastLogged !== null && data.from <= data.firstLogged && data.to >= data.lastLogged;
}
