import type { ExperimentSummary, FinishedExperiment } from '$contract/experimentsTerms';
import { factorFamily } from '$contract/insightsReading';

/** The sentence that states the result (not the "planned after the fact" warning before it). */
export function resultSentence(e: Pick<FinishedExperiment, 'sentences' | 'plan'>): string {
  return e.sentences[e.plan.backdated && e.sentences.length > 1 ? 1 : 0] ?? '';
}

/** Finished experiments that tested a finding's factor (any of its forms: dairy yes/no or servings) and outcome. */
export function experimentsTesting<T extends Pick<ExperimentSummary, 'plan'>>(
  experiments: readonly T[],
  tests: readonly { factor: string; outcome: string }[],
): T[] {
  return experiments.filter((e) =>
    tests.some((t) => factorFamily(t.factor) === factorFamily(e.plan.factorKey) && t.outcome === e.plan.outcomeKey),
  );
}

/** "0.9 to 2.7" or null. */
export function intervalWords(a: FinishedExperiment['analysis']): string | null {
  if (!a || a.ciLow === null || a.ciHigh === null) return null;
  return `${a.ciLow.toFixed(1)} to ${a.ciHigh.toFixed(1)}`;
}
