import { FINDING_Q, type InsightTest } from '../../contract/insights';

/** How a food category reads inside a sentence ("On days with dairy", "after fermented foods"). */
const FOOD_PHRASES: Record<string, string> = {
  'food.fibre_rich': 'fibre-rich foods',
  'food.prebiotic': 'prebiotic foods',
  'food.fermented': 'probiotic or fermented foods',
  'food.whole_grain': 'whole grains',
  'food.fruit': 'fruit',
  'food.vegetable': 'vegetables',
  'food.ultra_processed': 'ultra-processed foods',
  'food.dairy': 'dairy',
  'food.added_sugar': 'added sugar',
  'food.alcohol': 'alcohol',
  'food.gluten': 'gluten',
  'food.caffeine': 'caffeine',
  'food.spicy': 'spicy food',
};

/** The test as one plain sentence a patient can read, with its numbers and what they mean. */
export function describeTest(test: InsightTest): string {
  const outcome = `your ${inSentence(test.outcomeLabel, test.outcome)}`;
  if (test.status === 'not-enough-data') {
    return `${capitalise(subject(test))} and ${outcome}${lagPhrase(test.lag)}: not enough data yet — ${test.needed?.text ?? 'more days'} would let this be tested.`;
  }
  if (test.status === 'no-variation') {
    return `${capitalise(subject(test))} and ${outcome}${lagPhrase(test.lag)}: cannot be compared, because it was the same on every day with both recorded.`;
  }
  const groups = test.groups!;
  const when = timing(test);
  const difference = test.effect ?? 0;
  const size = Math.abs(difference) < 0.05 ? 'about the same' : `${formatNumber(Math.abs(difference))}${pointsWord(test.outcome)} ${difference > 0 ? 'higher' : 'lower'}`;
  const counts =
    test.factorKind === 'yesno'
      ? `${groups.high.days} days with, ${groups.low.days} without`
      : `${groups.high.days} and ${groups.low.days} days`;
  const evidence =
    test.status === 'finding' ? `unlikely to be chance, q ${formatQ(test.q!)}` : `this could well be chance, q ${formatQ(test.q ?? 1)}`;
  const comparison = test.factorKind === 'yesno' ? '' : ` than ${test.lag === 0 ? 'on days' : 'after days'} with ${lowGroup(test)}`;
  return `${when}, ${outcome} averaged ${size}${comparison} (${counts}; ${evidence}).`;
}

/** "On the 2nd day after dairy", "The day after stress above 4", "On days with dairy". */
function timing(test: InsightTest): string {
  const what = test.factorKind === 'yesno' ? subject(test) : highGroup(test);
  if (test.lag === 0) return `On days with ${what}`;
  const after = test.factorKind === 'yesno' ? what : `a day with ${what}`;
  if (test.lag === 1) return `The day after ${after}`;
  return `On the ${ordinal(test.lag)} day after ${after}`;
}

function subject(test: InsightTest): string {
  if (test.factor.startsWith('treatment.')) return `taking ${test.factorLabel}`;
  return FOOD_PHRASES[test.factor] ?? inSentence(test.factorLabel, test.factor);
}

function highGroup(test: InsightTest): string {
  const { split, highIncludesSplit } = test.groups!;
  const name = inSentence(test.factorLabel, test.factor);
  if (highIncludesSplit) return `${name} of ${formatNumber(split!)} or more`;
  return split === 0 ? `any ${name}` : `${name} above ${formatNumber(split!)}`;
}

function lowGroup(test: InsightTest): string {
  const { split, highIncludesSplit } = test.groups!;
  if (highIncludesSplit) return `less than ${formatNumber(split!)}`;
  return split === 0 ? 'none' : `${formatNumber(split!)} or less`;
}

function lagPhrase(lag: number): string {
  if (lag === 0) return ' on the same day';
  if (lag === 1) return ' the day after';
  return ` ${lag} days later`;
}

/** Built-in labels start lower-case inside a sentence; names a person typed keep their case. */
function inSentence(label: string, key: string): string {
  if (key.startsWith('custom.') || key.startsWith('treatment.')) return label;
  return label.length > 1 && label[1] === label[1]!.toLowerCase() ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function pointsWord(outcomeKey: string): string {
  return outcomeKey === 'gut.stool' ? ' on the Bristol scale' : ' points';
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
