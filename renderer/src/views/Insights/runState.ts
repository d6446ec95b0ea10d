import type { InsightsResult, InsightsStatus } from '$contract/insightsTerms';
import { andList, topicsOf } from '$contract/insightsReading';
import { countOf, formatCount, inSentence, maxLagOption } from './format';

/**
 * What the insights view shows for a status from the backend. Pure.
 *
 * - `starting`: no answer yet;
 * - `first-run`: working, with no earlier result to show meanwhile;
 * - `failed`: the run failed and there is no earlier result;
 * - `waiting-for-data`: a result, but too few days for any test to run;
 * - `nothing-to-test`: a result with no tests at all (nothing to compare);
 * - `results`: at least one test ran (findings or not).
 */
export type Phase = 'starting' | 'first-run' | 'failed' | 'waiting-for-data' | 'nothing-to-test' | 'results';

export function phaseOf(status: InsightsStatus | null): Phase {
  if (!status) return 'starting';
  const result = status.result;
  if (!result) return status.state === 'failed' ? 'failed' : 'first-run';
  if (result.testsRun > 0) return 'results';
  return result.daysNeeded !== null ? 'waiting-for-data' : 'nothing-to-test';
}

/** Poll the status again while a run is under way. */
export const POLL_MS = 250;

export function isRunning(status: InsightsStatus | null): boolean {
  return status?.state === 'running';
}

/** What a screen reader hears when a run ends. */
export function doneAnnouncement(result: InsightsResult): string {
  if (result.testsRun === 0) {
    return result.daysNeeded !== null
      ? `Not enough days logged yet: at least ${countOf(result.daysNeeded, 'more day')} needed.`
      : 'There was nothing to compare yet.';
  }
  const found = patternCount(result);
  if (found === 0) return `Insights are ready: no clear pattern in ${countOf(result.testsRun, 'comparison')}.`;
  return `Insights are ready: ${countOf(found, 'pattern')} found in ${countOf(result.testsRun, 'comparison')}.`;
}

/** "Based on 167 logged days from 29 May 2026 to 23 Nov 2026, with 1,440 comparisons from the same day up to 7 days later." */
export function basisLine(result: InsightsResult, date: (iso: string) => string): string {
  const days = `Based on ${countOf(result.daysLogged, 'logged day')}`;
  const range =
    result.from && result.to
      ? result.from === result.to
        ? ` on ${date(result.from)}`
        : ` from ${date(result.from)} to ${date(result.to)}`
      : '';
  const reach = result.maxLag === 0 ? 'on the same day only' : `from the same day up to ${maxLagOption(result.maxLag)}`;
  const tests = result.testsRun > 0 ? `, with ${countOf(result.testsRun, 'comparison')} ${reach}` : '';
  return `${days}${range}${tests}.`;
}

/** How many cards (patterns) a run shows: one per factor and measure, forms and groups merged, explained ones under others. */
export function patternCount(result: InsightsResult): number {
  return topicsOf(result).reduce((sum, topic) => sum + topic.cards.length, 0);
}

/** The one line that sums a run up: "3 patterns stood out from chance: 1 for acne, 1 for eczema and 1 for your gut." */
export function headline(result: InsightsResult): string {
  if (result.testsRun === 0) return '';
  const topics = topicsOf(result).filter((topic) => topic.cards.length > 0);
  const found = topics.reduce((sum, topic) => sum + topic.cards.length, 0);
  if (found === 0) return `No pattern stood out clearly from chance in ${countOf(result.testsRun, 'comparison')}.`;
  const parts = topics.map(
    (topic) =>
      `${formatCount(topic.cards.length)} for ${topic.key === 'gut' ? 'your gut' : inSentence(topic.name, topic.key)}`,
  );
  return `${found === 1 ? '1 pattern' : `${formatCount(found)} patterns`} stood out from chance: ${andList(parts)}.`;
}
