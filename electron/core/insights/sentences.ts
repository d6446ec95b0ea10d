import { amountOf } from '../../contract/insightsReading';
import { FINDING_Q, inSentence, type InsightTest } from '../../contract/insightsTerms';
import { lagInSentence } from '../../contract/words';

const SCORE_UNIT = 'points (0–10)';

/**
 * The test as one plain sentence a patient can read: both averages in the outcome's own scale,
 * the effect as an interval in words, and what the evidence means — chance, a shared slow drift,
 * another factor, a before/after change, or too early to tell. Never a cause.
 */
export function describeTest(test: InsightTest, names: ReadonlyMap<string, string> = new Map()): string {
  const outcome = `your ${inSentence(test.outcomeLabel, test.outcome)}`;
  const pair = `${subject(test)} and ${outcome} ${lagInSentence(test.lag)}`;
  if (test.status === 'not-enough-data' && !test.flags.includes('too-early')) {
    return `Not enough data yet for ${pair}: ${test.needed?.text ?? 'more days'} would let this be tested.`;
  }
  if (test.status === 'no-variation') {
    return `${capitalise(pair)} cannot be compared: it was the same on every day with both recorded.`;
  }
  if (test.flags.includes('before-after')) return beforeAfter(test, outcome);
  const averages = averagesClause(test, outcome);
  if (test.flags.includes('too-early')) {
    return `Too early to tell: ${averages}. This is one of the clearest candidates so far; ${test.needed?.text ?? 'more days'} would show whether it holds.`;
  }
  if (test.status === 'explained') {
    return `${capitalise(averages)} — but this travels with ${nameOf(test.explainedBy ?? '', names)}, which accounts for it: your records cannot tell them apart; an experiment can.`;
  }
  if (test.flags.includes('shared-trend')) {
    return `Both changed together over these months: ${averages}. Day to day they did not move together — something else may have changed at the same time, so this says little about one affecting the other.`;
  }
  if (test.status === 'finding') {
    const caution = test.lag === 0 ? ' Same day: your skin may also have changed what you noted that day.' : '';
    const group = test.movesWith.length
      ? ` It moves with ${listOf(test.movesWith.map((key) => nameOf(key, names)))}: your records cannot tell them apart; an experiment can.`
      : '';
    return `${capitalise(averages)}: ${intervalWords(test)} once slow changes over the weeks are allowed for; unlikely to be chance (q ${formatQ(test.q!)}).${group}${caution}`;
  }
  if (test.flags.includes('other-lag')) {
    return `${capitalise(averages)} (another delay of this pair is clearer; each pair is tested once, at its clearest delay).`;
  }
  return `${capitalise(averages)}; this could well be chance (q ${formatQ(test.q ?? 1)}).`;
}

/** "on the 2nd day after dairy, your acne severity averaged 5.6 on the 0–10 scale, against 3.4 after days without (120 days with, 150 without)". */
function averagesClause(test: InsightTest, outcome: string): string {
  const groups = test.groups!;
  const high = groups.high.mean;
  const low = groups.low.mean;
  const scale = scaleWords(test);
  const averages =
    high === null || low === null
      ? 'could not be averaged'
      : `averaged ${formatAmount(high)}${scale}, against ${formatAmount(low)}`;
  if (test.factorKind === 'yesno') {
    const others = test.lag === 0 ? 'on days without' : 'after days without';
    return `${lowerFirst(timing(test, subject(test)))}, ${outcome} ${averages} ${others} (${groups.high.days} days with, ${groups.low.days} without)`;
  }
  const split = formatNumber(groups.split!);
  const counts = groups.highIncludesSplit
    ? `${groups.high.days} days at ${split} or more, ${groups.low.days} below`
    : `${groups.high.days} days above ${split}, ${groups.low.days} at ${split} or less`;
  const others = `${test.lag === 0 ? 'on days' : 'after days'} with ${lowGroup(test)}`;
  return `${lowerFirst(timing(test, highGroup(test)))}, ${outcome} ${averages} ${others} (${counts})`;
}

/** "about 1.2 to 2.6 points higher", "about 0.3 to 1.1 points lower", "between 0.4 points lower and 1.2 points higher". */
export function intervalWords(
  test: Pick<InsightTest, 'ciLow' | 'ciHigh' | 'effect' | 'outcomeUnit' | 'outcome'>,
): string {
  const unit = unitWord(test);
  if (test.ciLow === null || test.ciHigh === null) {
    if (test.effect === null) return 'the difference could not be worked out';
    return `about ${formatAmount(Math.abs(test.effect))}${unit} ${test.effect >= 0 ? 'higher' : 'lower'}`;
  }
  const low = test.ciLow;
  const high = test.ciHigh;
  if (low >= 0) return `about ${formatAmount(low)} to ${formatAmount(high)}${unit} higher`;
  if (high <= 0) return `about ${formatAmount(-high)} to ${formatAmount(-low)}${unit} lower`;
  return `somewhere between ${formatAmount(-low)}${unit} lower and ${formatAmount(high)}${unit} higher`;
}

function beforeAfter(test: InsightTest, outcome: string): string {
  const groups = test.groups!;
  const [before, after] = groups.highLabel === 'before' ? [groups.high, groups.low] : [groups.low, groups.high];
  const scale = scaleWords(test);
  const verb = test.factor.startsWith('treatment.') ? `you started ${test.factorLabel}` : `${subject(test)} changed`;
  if (before.mean === null || after.mean === null)
    return `Since ${verb}, ${outcome} has not been recorded both before and after.`;
  return (
    `Since ${verb}, ${outcome} averaged ${formatAmount(after.mean)}${scale}, against ${formatAmount(before.mean)} before (${before.days} days before, ${after.days} since). ` +
    'A before-and-after comparison cannot tell this apart from anything else that changed around then.'
  );
}

/** A factor's name in a sentence, from the run's series ("dairy", "mood", "Sunscreen"). */
function nameOf(key: string, names: ReadonlyMap<string, string>): string {
  return names.get(key) ?? 'another factor';
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "On days with dairy", "The day after a day with stress above 4", "On the 2nd day after taking Zinc". */
function timing(test: InsightTest, what: string): string {
  if (test.lag === 0)
    return what.startsWith('taking ') ? `On days you took ${what.slice('taking '.length)}` : `On days with ${what}`;
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
    return split === 0
      ? `any ${amount.replace(/^(servings|minutes|glasses|hours) of /, '')}`
      : `more than ${value} ${amount}`;
  }
  const name = inSentence(test.factorLabel, test.factor);
  return highIncludesSplit ? `${name} of ${value} or more` : `${name} above ${value}`;
}

function lowGroup(test: InsightTest): string {
  const { split, highIncludesSplit } = test.groups!;
  if (highIncludesSplit) return `less than ${formatNumber(split!)}`;
  return split === 0 ? 'none' : `${formatNumber(split!)} or less`;
}

/** " on the 0–10 scale", " on the Bristol scale (1–7)", " hours". */
function scaleWords(test: InsightTest): string {
  if (test.outcomeUnit === SCORE_UNIT) return ' on the 0–10 scale';
  if (test.outcome === 'gut.stool') return ' on the Bristol scale (1–7)';
  return test.outcomeUnit ? ` ${test.outcomeUnit}` : '';
}

function unitWord(test: Pick<InsightTest, 'outcomeUnit' | 'outcome'>): string {
  return test.outcomeUnit === SCORE_UNIT
    ? ' points'
    : test.outcome === 'gut.stool'
      ? ' on the Bristol scale'
      : test.outcomeUnit
        ? ` ${test.outcomeUnit}`
        : '';
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter of a sentence opening ("On days…" → "on days…"), leaving names alone. */
function lowerFirst(text: string): string {
  return text[0]!.toLowerCase() + text.slice(1);
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Averages and intervals always with one decimal: "5.0", "1.6". */
function formatAmount(value: number): string {
  return (Math.round(value * 10) / 10 + 0).toFixed(1);
}

/** "= 0.012", "< 0.001". */
export function formatQ(q: number): string {
  if (q < 0.001) return '< 0.001';
  return `= ${q < FINDING_Q ? q.toFixed(3) : q.toFixed(2)}`;
}
