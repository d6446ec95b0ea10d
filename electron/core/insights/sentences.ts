import { amountOf } from '../../contract/insightsReading';
import { FINDING_Q, inSentence, type InsightTest } from '../../contract/insightsTerms';

const SCORE_UNIT = 'points (0–10)';

/** The test as one plain sentence a patient can read, with its numbers and what they mean. */
export function describeTest(test: InsightTest): string {
  const pair = `${subject(test)} and your ${inSentence(test.outcomeLabel, test.outcome)} ${lagPhrase(test.lag)}`;
  if (test.status === 'not-enough-data') {
    return `Not enough data yet for ${pair}: ${test.needed?.text ?? 'more days'} would let this be tested.`;
  }
  if (test.status === 'no-variation') {
    return `${capitalise(pair)} cannot be compared: it was the same on every day with both recorded.`;
  }
  const groups = test.groups!;
  const difference = test.effect ?? 0;
  const size =
    Math.abs(difference) < 0.05 ? 'about the same' : `${formatNumber(Math.abs(difference))}${unitWord(test)} ${difference > 0 ? 'higher' : 'lower'}`;
  const evidence =
    test.status === 'finding' ? `unlikely to be chance, q ${formatQ(test.q!)}` : `this could well be chance, q ${formatQ(test.q ?? 1)}`;
  if (test.factorKind === 'yesno') {
    return `${timing(test, subject(test))}, your ${inSentence(test.outcomeLabel, test.outcome)} averaged ${size} (${groups.high.days} days with, ${groups.low.days} without; ${evidence}).`;
  }
  const split = formatNumber(groups.split!);
  const counts = groups.highIncludesSplit
    ? `${groups.high.days} days at ${split} or more, ${groups.low.days} below`
    : `${groups.high.days} days above ${split}, ${groups.low.days} at ${split} or less`;
  const others = `${test.lag === 0 ? 'on days' : 'after days'} with ${lowGroup(test)}`;
  return `${timing(test, highGroup(test))}, your ${inSentence(test.outcomeLabel, test.outcome)} averaged ${size} than ${others} (${counts}; ${evidence}).`;
}

/** "On days with dairy", "The day after a day with stress above 4", "On the 2nd day after taking Zinc". */
function timing(test: InsightTest, what: string): string {
  if (test.lag === 0) return what.startsWith('taking ') ? `On days you took ${what.slice('taking '.length)}` : `On days with ${what}`;
  const after = test.factor.startsWith('food.') || test.factor.startsWith('treatment.') ? what : `a day with ${what}`;
  if (test.lag === 1) return `The day after ${after}`;
  return `On the ${ordinal(test.lag)} day after ${after}`;
}

/** The factor's name in a sentence: "dairy", "taking Probiotic capsule", "Sunscreen", "stress". */
function subject(test: InsightTest): string {
  if (test.factor.startsWith('treatment.')) return `taking ${test.factorLabel}`;
  return inSentence(test.factorLabel, test.factor);
}

/** The top half of a number factor: "stress above 4", "more than 7 hours of sleep", "any fermented foods". */
function highGroup(test: InsightTest): string {
  const { split, highIncludesSplit } = test.groups!;
  const value = formatNumber(split!);
  const amount = amountOf(test);
  if (amount) {
    if (highIncludesSplit) return `${value} or more ${amount}`;
    return split === 0 ? `any ${amount.replace(/^(servings|minutes|glasses|hours) of /, '')}` : `more than ${value} ${amount}`;
  }
  const name = inSentence(test.factorLabel, test.factor);
  return highIncludesSplit ? `${name} of ${value} or more` : `${name} above ${value}`;
}

function lowGroup(test: InsightTest): string {
  const { split, highIncludesSplit } = test.groups!;
  if (highIncludesSplit) return `less than ${formatNumber(split!)}`;
  return split === 0 ? 'none' : `${formatNumber(split!)} or less`;
}

function lagPhrase(lag: number): string {
  if (lag === 0) return 'on the same day';
  if (lag === 1) return 'the day after';
  return `${lag} days later`;
}

function unitWord(test: InsightTest): string {
  return test.outcomeUnit === SCORE_UNIT ? ' points' : test.outcome === 'gut.stool' ? ' on the Bristol scale' : '';
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** "= 0.012", "< 0.001". */
export function formatQ(q: number): string {
  if (q < 0.001) return '< 0.001';
  return `= ${q < FINDING_Q ? q.toFixed(3) : q.toFixed(2)}`;
}
