import type {
  ExperimentAnalysis,
  ExperimentPlan,
  AsDoneAnalysis,
  ExperimentState,
} from '../../contract/experimentsTerms';
import { EXPERIMENT_ALPHA } from '../../contract/experimentsTerms';
import { inSentence } from '../../contract/insightsTerms';

/** "points (0–10)" → "points"; "minutes" stays; "" → "points". */
export function shortUnit(unit: string): string {
  const head = unit.split('(')[0]!.trim();
  return head || 'points';
}

export function formatNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(1);
}

export function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  return `= ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}

function outcomeWords(plan: ExperimentPlan): string {
  return inSentence(plan.outcomeLabel, plan.outcomeKey);
}

/** What the result means, in sentences a patient can read. */
export function resultSentences(
  plan: ExperimentPlan,
  state: ExperimentState,
  analysis: ExperimentAnalysis | null,
  asDone: AsDoneAnalysis | null,
  peeked: boolean,
): string[] {
  const sentences: string[] = [];
  if (plan.backdated) {
    sentences.push(
      'Planned after the fact: this plan was made after its start date, so the random order did not decide what was done on the earlier days. Read the result with caution.',
    );
  }
  if (!analysis) {
    sentences.push(
      'The result stays hidden while the experiment runs. Looking early, and stopping when it looks good, makes results look stronger than they are.',
    );
    return sentences;
  }
  if (analysis.status === 'not-started' || analysis.status === 'not-enough-data') {
    sentences.push(analysis.reason ?? 'There is not enough data yet.');
    return sentences;
  }
  const unit = shortUnit(plan.outcomeUnit);
  const outcome = outcomeWords(plan);
  const effect = analysis.effect ?? 0;
  const direction = effect >= 0 ? 'higher' : 'lower';
  const adherence = analysis.adherence === null ? '' : `, ${Math.round(analysis.adherence * 100)}% of days as planned`;
  if (state === 'running' && peeked) {
    sentences.push(
      'So far only — the experiment is still running. Looking early and stopping when it looks good overstates results.',
    );
  }
  if (analysis.status === 'not-randomised') {
    sentences.push(
      `After the change, your ${outcome} averaged ${formatNumber(Math.abs(effect))} ${unit} ${direction} (“${plan.onText}”, ${analysis.daysOn} days) than before (“${plan.offText}”, ${analysis.daysOff} days).`,
    );
    sentences.push(
      'This is weak evidence: a before/after comparison cannot separate the change from anything else that changed at the same time — a season, a new cream, a stressful month.',
    );
    return sentences;
  }
  const interval =
    analysis.ciLow !== null && analysis.ciHigh !== null
      ? `interval ${formatNumber(analysis.ciLow)} to ${formatNumber(analysis.ciHigh)}; `
      : '';
  sentences.push(
    `In your experiment, your ${outcome} was ${formatNumber(Math.abs(effect))} ${unit} ${direction} on “${plan.onText}” days than on “${plan.offText}” days (${interval}p ${formatP(analysis.p ?? 1)}, ${plan.pairs} pairs${adherence}).`,
  );
  if (analysis.minP !== null && analysis.minP > EXPERIMENT_ALPHA) {
    sentences.push(
      `With ${plan.pairs} pairs the smallest p this design can give is ${analysis.minP.toFixed(3)}, so it could never reach ${EXPERIMENT_ALPHA} whatever happened.`,
    );
  } else if ((analysis.p ?? 1) <= EXPERIMENT_ALPHA) {
    sentences.push(
      state === 'running'
        ? 'This would be good evidence if it holds to the end of the plan.'
        : 'This is good evidence for you — show it to your dermatologist.',
    );
  } else {
    sentences.push(
      'A difference this size could easily come from chance alone, so the experiment cannot tell the two apart' +
        (analysis.ciLow !== null && analysis.ciHigh !== null
          ? ` — the true change could be anywhere from ${formatNumber(analysis.ciLow)} to ${formatNumber(analysis.ciHigh)} ${unit}.`
          : '.'),
    );
  }
  if (asDone && asDone.effect !== null) {
    sentences.push(
      `By what was actually done (a secondary look, not protected by the random order): ${formatNumber(Math.abs(asDone.effect))} ${unit} ${asDone.effect >= 0 ? 'higher' : 'lower'} on ${asDone.daysOn} days with it than on ${asDone.daysOff} days without.`,
    );
  }
  return sentences;
}

/**
 * One exploratory outcome's result in a sentence: the same numbers as the main result, but never
 * called evidence — it was not chosen before starting.
 */
export function secondarySentence(
  plan: ExperimentPlan,
  outcome: { key: string; label: string; unit: string },
  analysis: ExperimentAnalysis,
): string {
  const words = inSentence(outcome.label, outcome.key);
  if (analysis.status === 'not-started' || analysis.status === 'not-enough-data') {
    return `Exploratory — ${words}: ${analysis.reason ?? 'there is not enough data yet.'}`;
  }
  const unit = shortUnit(outcome.unit);
  const effect = analysis.effect ?? 0;
  const direction = effect >= 0 ? 'higher' : 'lower';
  if (analysis.status === 'not-randomised') {
    return `Exploratory — ${words}: ${formatNumber(Math.abs(effect))} ${unit} ${direction} after the change than before (${analysis.daysOn} and ${analysis.daysOff} days; no test is possible without a random order).`;
  }
  const interval =
    analysis.ciLow !== null && analysis.ciHigh !== null
      ? `interval ${formatNumber(analysis.ciLow)} to ${formatNumber(analysis.ciHigh)}; `
      : '';
  return `Exploratory — ${words}: ${formatNumber(Math.abs(effect))} ${unit} ${direction} on “${plan.onText}” days than on “${plan.offText}” days (${interval}p ${formatP(analysis.p ?? 1)}).`;
}
