import {
  inSentence,
  type InsightFlag,
  type InsightStatus,
  type InsightTest,
  type InsightsResult,
} from './insightsTerms';
import { FOOD_SERIES_LABELS } from './trendsTerms';

/**
 * How an insights result is read to the person: which tests make a card, what a card is called,
 * the sentence it leads with, its cautions, and what a young journal is still waiting for.
 * One module for the Insights view and the report's candidate triggers, so both tell the same
 * truth (the engine's own `sentence`, printed by the CLI, is the engine's). Pure, free of zod: the
 * renderer imports it.
 *
 * It works from the output contract only (status, explainedBy, flags, ciLow/ciHigh, p, q, groups)
 * and stays correct when an engine leaves the optional fields out.
 */

/** The unit of the 0–10 outcomes (severity, itch, bloating, discomfort): higher is worse on each. */
export const SCORE_UNIT = 'points (0–10)';
const STOOL_KEY = 'gut.stool';

/** At most this many "too early to tell" candidates per topic. */
export const MAX_CANDIDATES = 3;

export const SHARED_TREND_SENTENCE =
  'Both changed over these months — something else may have changed at the same time.';
export const SAME_DAY_SENTENCE =
  'Same day: your skin that day may have changed what was done or noted, rather than the other way round.';
export const BEFORE_AFTER_SENTENCE =
  'This changed once, on a date, so it is told as before and after, not tested from day to day.';

// ---------------------------------------------------------------------------------------------
// Names

/** `servings.fermented` and `food.fermented` are two forms of one factor; everything else is its own. */
export function factorFamily(key: string): string {
  return key.startsWith('servings.') ? `food.${key.slice('servings.'.length)}` : key;
}

/** The factor's name inside a sentence, forms merged: "dairy", "probiotic or fermented foods", "Zinc", "stress". */
export function factorName(test: Pick<InsightTest, 'factor' | 'factorLabel'>): string {
  if (test.factor.startsWith('servings.')) {
    const label = FOOD_SERIES_LABELS[test.factor.slice('servings.'.length)];
    if (label) return inSentence(label, `food.${test.factor.slice('servings.'.length)}`);
    return inSentence(test.factorLabel.replace(/ \(servings\)$/, ''), test.factor);
  }
  // A skin score as a factor of the gut: "rosacea", as the person calls the condition.
  if (test.factor.startsWith('skin.severity.'))
    return outcomeInSentence({ outcome: test.factor, outcomeLabel: test.factorLabel });
  return inSentence(test.factorLabel, test.factor);
}

/** What the person would call the outcome: "Acne" for "Acne severity", "Itch", "Bloating". */
export function outcomeName(test: Pick<InsightTest, 'outcome' | 'outcomeLabel'>): string {
  if (test.outcome.startsWith('skin.severity.'))
    return test.outcomeLabel.replace(/ severity$/i, '') || test.outcomeLabel;
  return test.outcomeLabel;
}

/** The outcome inside a sentence: "acne", "itch", "tummy discomfort"; names a person typed keep their case. */
export function outcomeInSentence(test: Pick<InsightTest, 'outcome' | 'outcomeLabel'>): string {
  return inSentence(outcomeName(test), test.outcome);
}

/** "a", "a and b", "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** "5.5", "4": one decimal unless whole. */
export function plainNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function oneDecimal(value: number): string {
  return Math.abs(value).toFixed(1);
}

// ---------------------------------------------------------------------------------------------
// Sentences

/** Whether a higher outcome is worse (skin and gut symptom scores) or just higher (stool type). */
function isSymptom(test: Pick<InsightTest, 'outcome' | 'outcomeUnit'>): boolean {
  return test.outcome !== STOOL_KEY && test.outcomeUnit === SCORE_UNIT;
}

/** A level of the outcome: "5.5 out of 10", "type 4.2 on the Bristol scale", "3.1". */
export function outcomeLevel(test: Pick<InsightTest, 'outcome' | 'outcomeUnit'>, value: number): string {
  if (test.outcomeUnit === SCORE_UNIT) return `${value.toFixed(1)} out of 10`;
  if (test.outcome === STOOL_KEY) return `type ${value.toFixed(1)} on the Bristol scale`;
  return value.toFixed(1);
}

/** An amount of the outcome's difference with its direction: "1.2 points higher", "0.4 lower on the Bristol scale". */
function amountWords(
  test: Pick<InsightTest, 'outcome' | 'outcomeUnit'>,
  amount: string,
  direction: 'higher' | 'lower',
): string {
  if (test.outcomeUnit === SCORE_UNIT) return `${amount} points ${direction}`;
  if (test.outcome === STOOL_KEY) return `${amount} ${direction} on the Bristol scale`;
  return `${amount} ${direction}`;
}

/**
 * The difference with its interval: "about 1.2 to 2.6 points higher", "about 0.4 to 1.1 points lower",
 * "somewhere between 0.3 points lower and 2.1 points higher" (an interval that includes no difference),
 * "2.0 points higher" when the engine gave no interval.
 */
export function differencePhrase(
  test: Pick<InsightTest, 'effect' | 'ciLow' | 'ciHigh' | 'outcome' | 'outcomeUnit'>,
): string {
  const low = test.ciLow;
  const high = test.ciHigh;
  if (
    typeof low === 'number' &&
    typeof high === 'number' &&
    Number.isFinite(low) &&
    Number.isFinite(high) &&
    low <= high
  ) {
    const lowText = oneDecimal(low);
    const highText = oneDecimal(high);
    if (low >= 0 || Number(lowText) === 0) {
      if (Number(lowText) === 0) return `up to ${amountWords(test, highText, 'higher')}`;
      return `about ${amountWords(test, lowText === highText ? highText : `${lowText} to ${highText}`, 'higher')}`;
    }
    if (high <= 0 || Number(highText) === 0) {
      if (Number(highText) === 0) return `up to ${amountWords(test, lowText, 'lower')}`;
      return `about ${amountWords(test, lowText === highText ? lowText : `${highText} to ${lowText}`, 'lower')}`;
    }
    return `somewhere between ${amountWords(test, lowText, 'lower')} and ${amountWords(test, highText, 'higher')}`;
  }
  const effect = test.effect ?? 0;
  if (Math.abs(effect) < 0.05) return 'about the same';
  return amountWords(test, oneDecimal(effect), effect > 0 ? 'higher' : 'lower');
}

/** "on days with dairy", "the day after dairy", "2 days after taking Zinc", "on days with stress above 4". */
function whenHigh(test: InsightTest): string {
  const treatment = test.factor.startsWith('treatment.');
  if (test.factorKind === 'yesno') {
    const name = factorName(test);
    if (test.lag === 0) return treatment ? `on days you took ${name}` : `on days with ${name}`;
    const what = treatment ? `taking ${name}` : test.factor.startsWith('food.') ? name : `a day with ${name}`;
    return test.lag === 1 ? `the day after ${what}` : `${test.lag} days after ${what}`;
  }
  const what = highGroup(test);
  if (test.lag === 0) return `on days with ${what}`;
  return test.lag === 1 ? `the day after a day with ${what}` : `${test.lag} days after a day with ${what}`;
}

/** The days compared with: "after days without", "on days you did not take it", "on days with 4 or less". */
function whenLow(test: InsightTest): string {
  const on = test.lag === 0 ? 'on days' : 'after days';
  if (test.factorKind === 'yesno') {
    if (test.factor.startsWith('treatment.')) return test.lag === 0 ? 'on days you did not' : 'after days without it';
    return `${on} without`;
  }
  return `${on} with ${lowGroup(test)}`;
}

/** The top half of a number factor: "stress above 4", "more than 7 hours of sleep", "any probiotic or fermented foods". */
function highGroup(test: InsightTest): string {
  const { split, highIncludesSplit } = test.groups!;
  const amount = amountOf(test);
  if (split === null) return amount ? `more ${amount}` : `higher ${factorName(test)}`;
  const value = plainNumber(split);
  if (amount) {
    if (highIncludesSplit) return `${value} or more ${amount}`;
    return split === 0
      ? `any ${amount.replace(/^(servings|minutes|glasses|hours) of /, '')}`
      : `more than ${value} ${amount}`;
  }
  const name = factorName(test);
  return highIncludesSplit ? `${name} of ${value} or more` : `${name} above ${value}`;
}

function lowGroup(test: InsightTest): string {
  const { split, highIncludesSplit } = test.groups!;
  if (split === null) return 'less';
  if (highIncludesSplit) return `less than ${plainNumber(split)}`;
  return split === 0 ? 'none' : `${plainNumber(split)} or less`;
}

/**
 * Amount-like factors read as amounts: "servings of fibre-rich foods", "hours of sleep", "minutes of
 * meditation", "different plant foods". Scores and the person's own factors: null. (The engine's sentences use it too.)
 */
export function amountOf(test: InsightTest): string | null {
  if (test.factor.startsWith('servings.')) return `servings of ${factorName(test)}`;
  if (test.factor === 'food.plants') return 'different plant foods';
  if (test.factor.startsWith('custom.') || test.factorUnit === SCORE_UNIT || test.factorUnit === '') return null;
  const name = inSentence(test.factorLabel, test.factor);
  return name.startsWith(test.factorUnit) ? name : `${test.factorUnit} of ${name}`;
}

/** "same day", "the day after", "2 days later": the delay inside a sentence about a pair. */
function lagWords(lag: number): string {
  if (lag === 0) return 'on the same day';
  if (lag === 1) return 'the day after';
  return `${lag} days later`;
}

/**
 * The lead sentence of a tested pair, with both averages on the outcome's own scale and the
 * difference with its interval; never p or q (those belong to "the numbers"):
 * "Your acne was worse 2 days after dairy: 5.5 out of 10 on average, against 3.5 after days
 * without (about 1.2 to 2.6 points higher)."
 */
export function leadSentence(test: InsightTest): string {
  const groups = test.groups;
  const outcome = outcomeInSentence(test);
  if (!groups || groups.high.mean === null || groups.low.mean === null) {
    return `Your ${outcome} ${whenHighSafe(test)} could not be compared with other days.`;
  }
  if (flagsOf(test).includes('before-after')) return beforeAfterSentence(test, groups.high.mean, groups.low.mean);
  // The word and the averages come from the raw averages; the interval (when there is one) from the engine's effect.
  const raw = groups.high.mean - groups.low.mean;
  const same = Math.abs(raw) < 0.05;
  const change = same
    ? 'about the same'
    : isSymptom(test)
      ? raw > 0
        ? 'worse'
        : 'better'
      : raw > 0
        ? 'higher'
        : 'lower';
  const levels = `${outcomeLevel(test, groups.high.mean)} on average, against ${plainLevel(test, groups.low.mean)} ${whenLow(test)}`;
  const difference =
    same && test.ciLow == null ? '' : ` (${differencePhrase(test.ciLow == null ? { ...test, effect: raw } : test)})`;
  return `Your ${outcome} was ${change} ${whenHigh(test)}: ${levels}${difference}.`;
}

/**
 * A factor that changed once (flag `before-after`): "Since you started Zinc, your acne was better: 3.1 out of 10
 * on average, against 4.0 before (about 0.4 to 1.4 points lower)." The groups may be labelled either way round.
 */
function beforeAfterSentence(test: InsightTest, highMean: number, lowMean: number): string {
  const beforeIsHigh = test.groups!.highLabel === 'before';
  const [before, after] = beforeIsHigh ? [highMean, lowMean] : [lowMean, highMean];
  const flip = (value: number | null | undefined): number | null =>
    value == null ? null : beforeIsHigh ? -value : value;
  const raw = after - before;
  const change =
    Math.abs(raw) < 0.05
      ? 'about the same'
      : isSymptom(test)
        ? raw > 0
          ? 'worse'
          : 'better'
        : raw > 0
          ? 'higher'
          : 'lower';
  const since = test.factor.startsWith('treatment.')
    ? `you started ${factorName(test)}`
    : `${factorName(test)} changed`;
  const [ciLow, ciHigh] = beforeIsHigh
    ? [flip(test.ciHigh), flip(test.ciLow)]
    : [test.ciLow ?? null, test.ciHigh ?? null];
  const difference = differencePhrase({ ...test, effect: raw, ciLow, ciHigh });
  return `Since ${since}, your ${outcomeInSentence(test)} was ${change}: ${outcomeLevel(test, after)} on average, against ${plainLevel(test, before)} before (${difference}).`;
}

/** The second average of a pair needs no scale again: "3.5". */
function plainLevel(test: InsightTest, value: number): string {
  return test.outcome === STOOL_KEY ? `type ${value.toFixed(1)}` : value.toFixed(1);
}

function whenHighSafe(test: InsightTest): string {
  return test.groups ? whenHigh(test) : lagWords(test.lag);
}

/** A flag in a few words, for tables. */
export const FLAG_LABELS: Record<InsightFlag, string> = {
  'same-day': 'same day',
  'shared-trend': 'shared slow trend',
  'before-after': 'before and after',
  'too-early': 'too early to tell',
  'other-lag': 'another delay of the same pair',
  'moves-with': 'moves with other factors',
};

/** Every flag of a test (unknown ones left out), with the same-day caution for any same-day link even when an engine leaves the flag out. */
export function flagsOf(test: Pick<InsightTest, 'lag'> & { flags?: readonly string[] | null }): InsightFlag[] {
  const flags = new Set<InsightFlag>((test.flags ?? []).filter((flag): flag is InsightFlag => flag in FLAG_LABELS));
  if (test.lag === 0) flags.add('same-day');
  return [...flags];
}

/** The caution sentences a test carries, shared trend first (it changes what the link means most). */
export function cautions(test: Pick<InsightTest, 'lag'> & { flags?: readonly string[] | null }): string[] {
  const flags = flagsOf(test);
  const out: string[] = [];
  if (flags.includes('shared-trend')) out.push(SHARED_TREND_SENTENCE);
  if (flags.includes('before-after')) out.push(BEFORE_AFTER_SENTENCE);
  if (flags.includes('same-day')) out.push(SAME_DAY_SENTENCE);
  return out;
}

/** "Moves with plant variety and fibre-rich foods — your records cannot tell them apart; an experiment can." */
export function movesWithSentence(names: readonly string[]): string {
  return `Moves with ${andList(names)} — your records cannot tell them apart; an experiment can.`;
}

/** The full sentence of any test (the report's, and anyone else's that wants the view's words): the lead, then what it means. */
export function describeTest(test: InsightTest, labelOf: (key: string) => string | null = () => null): string {
  const pair = `${factorName(test)} and your ${outcomeInSentence(test)} ${lagWords(test.lag)}`;
  const hasAverages = test.groups && test.groups.high.mean !== null && test.groups.low.mean !== null;
  if (test.status === 'not-enough-data' && flagsOf(test).includes('too-early') && hasAverages) {
    return `Too early to tell: ${leadSentence(test)} ${test.needed ? `It needs ${test.needed.text} to tell.` : 'It needs more days to tell.'}`;
  }
  if (test.status === 'not-enough-data') {
    return `Not enough data yet for ${pair}: ${test.needed?.text ?? 'more days'} would let this be tested.`;
  }
  if (
    test.status === 'no-variation' ||
    !test.groups ||
    test.groups.high.mean === null ||
    test.groups.low.mean === null
  ) {
    return `${capitalise(pair)} cannot be compared: it was the same on every day with both recorded.`;
  }
  const lead = leadSentence(test);
  const flags = flagsOf(test);
  const extra: string[] = [];
  if (test.status === 'explained') {
    extra.push(
      `This is accounted for by ${test.explainedBy ? (labelOf(test.explainedBy) ?? 'another factor') : 'another factor'}, which moves with it.`,
    );
  }
  if (test.status === 'no-finding' && !flags.includes('shared-trend'))
    extra.push('Not clear enough yet to tell apart from chance.');
  extra.push(...cautions(test));
  return [lead, ...extra].join(' ');
}

// ---------------------------------------------------------------------------------------------
// One test per pair

const STATUS_ORDER: Record<InsightStatus, number> = {
  finding: 0,
  explained: 1,
  'no-finding': 2,
  'no-variation': 3,
  'not-enough-data': 4,
};

/**
 * Which of two tests of the same pair says more: a finding over an explained one over no finding
 * over untestable; then smaller p, larger |rho|; a waiting test with fewer days to go; then the shorter delay.
 */
export function clearer(a: InsightTest, b: InsightTest): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.p ?? 2) - (b.p ?? 2) ||
    Math.abs(b.rho ?? 0) - Math.abs(a.rho ?? 0) ||
    (a.needed?.days ?? 0) - (b.needed?.days ?? 0) ||
    a.lag - b.lag
  );
}

export const pairKey = (test: Pick<InsightTest, 'factor' | 'outcome'>): string => `${test.factor}→${test.outcome}`;

/** One test per factor × outcome: its clearest delay. */
export function bestPerPair(tests: readonly InsightTest[]): InsightTest[] {
  const best = new Map<string, InsightTest>();
  for (const test of tests) {
    const key = pairKey(test);
    const current = best.get(key);
    if (!current || clearer(test, current) < 0) best.set(key, test);
  }
  return [...best.values()];
}

// ---------------------------------------------------------------------------------------------
// Cards

/** One card: a factor (its yes/no and servings forms merged) or a group of factors that moved together, with one outcome. */
export interface InsightCard {
  /** Stable: the outcome and the lead's factor family. */
  key: string;
  outcome: string;
  /** "Acne and dairy", "Itch and alcohol or caffeine": never a cause. */
  title: string;
  /** The clearest test of the card: its sentence leads. */
  lead: InsightTest;
  /** Every finding of the card, lead first: other forms of the lead's factor and the group's other factors. */
  tests: InsightTest[];
  /** Names of the group's factors other than the lead's (empty for a single factor). */
  groupedWith: string[];
  /** Factors a stronger one here accounts for, as names, and their tests. */
  explained: { name: string; tests: InsightTest[] }[];
  cautions: string[];
}

/** An explained link whose explaining factor has no card of its own (told in one line, not dropped). */
export interface ExplainedElsewhere {
  test: InsightTest;
  name: string;
  by: string;
}

/** Labels of factors by key, for naming an `explainedBy` the cards do not hold. */
/** The factor families a family's tests say they move with (outside the family itself). */
function movesWithOf(tests: readonly InsightTest[]): string[] {
  const family = factorFamily(tests[0]!.factor);
  return [...new Set(tests.flatMap((test) => (test.movesWith ?? []).map(factorFamily)))].filter(
    (key) => key !== family,
  );
}

function labelsOf(tests: readonly InsightTest[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const test of tests) {
    if (!names.has(test.factor)) names.set(test.factor, factorName(test));
    if (!names.has(factorFamily(test.factor))) names.set(factorFamily(test.factor), factorName(test));
  }
  return names;
}

/**
 * The cards of one outcome's best-per-pair tests:
 * - findings of one factor family (yes/no and servings) make one card;
 * - a finding whose `explainedBy` names another finding joins it in one group card (neither explains the other);
 * - an `explained` test goes under the card its chain of `explainedBy` reaches; explained tests that only
 *   explain each other form a group card; one whose chain reaches no card is returned in `elsewhere`.
 * Cards come strongest first (smallest p, then largest |rho|).
 */
export function cardsOf(
  pairs: readonly InsightTest[],
  allTests: readonly InsightTest[] = pairs,
): { cards: InsightCard[]; elsewhere: ExplainedElsewhere[] } {
  const names = labelsOf(allTests);
  const nameOf = (key: string): string => names.get(key) ?? names.get(factorFamily(key)) ?? 'another factor';
  const byOutcome = new Map<string, InsightTest[]>();
  for (const test of pairs) {
    if (test.status !== 'finding' && test.status !== 'explained') continue;
    byOutcome.set(test.outcome, [...(byOutcome.get(test.outcome) ?? []), test]);
  }
  const cards: InsightCard[] = [];
  const elsewhere: ExplainedElsewhere[] = [];
  for (const [outcome, tests] of byOutcome) {
    // Families: the unit that becomes (part of) a card.
    const families = new Map<string, InsightTest[]>();
    for (const test of tests)
      families.set(factorFamily(test.factor), [...(families.get(factorFamily(test.factor)) ?? []), test]);
    for (const list of families.values()) list.sort(byStrength);
    const isFinding = (family: string): boolean =>
      families.get(family)?.some((test) => test.status === 'finding') ?? false;
    const explainer = (family: string): string | null => {
      // The first explainedBy (outside the family itself) of any of the family's tests, strongest first.
      for (const test of families.get(family) ?? []) {
        if (test.explainedBy && factorFamily(test.explainedBy) !== family) return factorFamily(test.explainedBy);
      }
      return null;
    };
    // Union-find over families: groups of findings that name each other, and cycles of explained ones.
    const parent = new Map<string, string>([...families.keys()].map((family) => [family, family]));
    const find = (family: string): string => {
      let root = family;
      while (parent.get(root) !== root) root = parent.get(root)!;
      return root;
    };
    const union = (a: string, b: string): void => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(rb, ra);
    };
    const underOf = new Map<string, string>();
    const lost: string[] = [];
    for (const family of families.keys()) {
      if (isFinding(family)) {
        const other = explainer(family);
        if (other && families.has(other) && isFinding(other)) union(family, other);
        // movesWith: neither accounts for the other, so they are one group.
        for (const key of movesWithOf(families.get(family)!))
          if (families.has(key) && isFinding(key)) union(family, key);
        continue;
      }
      // Explained: follow the chain to a finding, or around a cycle.
      const seen: string[] = [family];
      let at = explainer(family);
      while (at && families.has(at) && !isFinding(at) && !seen.includes(at)) {
        seen.push(at);
        at = explainer(at);
      }
      if (at && families.has(at) && isFinding(at)) underOf.set(family, at);
      else if (at && seen.includes(at)) {
        // A cycle of explained factors: none is stronger, so the cycle is one group; a tail leading into it goes under it.
        const cycle = seen.slice(seen.indexOf(at));
        if (cycle.includes(family)) for (const member of cycle) union(at, member);
        else underOf.set(family, at);
      } else lost.push(family);
    }
    const groups = new Map<string, string[]>();
    for (const family of families.keys()) {
      if (underOf.has(family) || lost.includes(family)) continue;
      const root = find(family);
      groups.set(root, [...(groups.get(root) ?? []), family]);
    }
    for (const members of groups.values()) {
      const ordered = [...members].sort((a, b) => byStrength(families.get(a)![0]!, families.get(b)![0]!));
      const tests = ordered.flatMap((family) => families.get(family)!);
      const lead = tests.find((test) => test.status === 'finding') ?? tests[0]!;
      const leadFamily = factorFamily(lead.factor);
      // Members with a card of their own here, then factors named in movesWith that have none (they still belong to the group).
      const outside = [...new Set(ordered.flatMap((family) => movesWithOf(families.get(family)!)))].filter(
        (key) => !families.has(key),
      );
      const memberNames = [
        ...new Set([...ordered.map((family) => factorName(families.get(family)![0]!)), ...outside.map(nameOf)]),
      ];
      const explained = [...underOf]
        .filter(([, to]) => ordered.includes(to))
        .map(([family]) => ({ name: factorName(families.get(family)![0]!), tests: families.get(family)! }))
        .sort((a, b) => byStrength(a.tests[0]!, b.tests[0]!));
      cards.push({
        key: `${outcome}|${leadFamily}`,
        outcome,
        title: `${capitalise(outcomeName(lead))} and ${orList([factorName(lead), ...memberNames.filter((name) => name !== factorName(lead))])}`,
        lead,
        tests: [lead, ...tests.filter((test) => test !== lead)],
        groupedWith: memberNames.filter((name) => name !== factorName(lead)),
        explained,
        cautions: cautions(lead),
      });
    }
    for (const family of lost) {
      const test = families.get(family)![0]!;
      const by = explainer(family);
      elsewhere.push({ test, name: factorName(test), by: by ? nameOf(by) : 'another factor' });
    }
  }
  cards.sort((a, b) => byStrength(a.lead, b.lead));
  return { cards, elsewhere };
}

/** Strongest evidence first: smaller p, then larger |rho|, then larger |effect|. */
function byStrength(a: InsightTest, b: InsightTest): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.p ?? 2) - (b.p ?? 2) ||
    Math.abs(b.rho ?? 0) - Math.abs(a.rho ?? 0) ||
    Math.abs(b.effect ?? 0) - Math.abs(a.effect ?? 0)
  );
}

// ---------------------------------------------------------------------------------------------
// Topics: one per condition, then itch, then the gut

export interface InsightTopic {
  /** `skin.severity.2`, `skin.itch` or `gut`. */
  key: string;
  /** "Acne", "Itch", "Gut". */
  name: string;
  outcomes: string[];
  cards: InsightCard[];
  elsewhere: ExplainedElsewhere[];
  /** Links only in the slow changes of both (flag `shared-trend`, no finding): told as such, never as chance. */
  sharedTrends: InsightTest[];
  /** The engine's strongest candidates that need more days (flag `too-early`), clearest first, one per factor. */
  candidates: InsightTest[];
  /** Factors that changed once (flag `before-after`), told as before and after, when not on a card. */
  beforeAfter: InsightTest[];
  /** Factors still waiting for enough days (not candidates), fewest days to go first, one per factor. */
  waiting: InsightTest[];
  /** Pairs that could be worked out (tested). */
  tested: number;
}

/** Which topic an outcome belongs to. */
export function topicKeyOf(outcome: string): string {
  if (outcome.startsWith('skin.severity.')) return outcome;
  if (outcome.startsWith('skin.')) return 'skin.itch';
  return 'gut';
}

function topicRank(key: string): number {
  const severity = /^skin\.severity\.(\d+)$/.exec(key);
  if (severity) return Number(severity[1]);
  return key === 'skin.itch' ? 1_000_000 : 2_000_000;
}

/** The topics of a result, each condition first (in the journal's order), then itch, then the gut. */
export function topicsOf(result: Pick<InsightsResult, 'tests'>): InsightTopic[] {
  const pairs = bestPerPair(result.tests);
  const byTopic = new Map<string, InsightTest[]>();
  for (const test of pairs) {
    const key = topicKeyOf(test.outcome);
    byTopic.set(key, [...(byTopic.get(key) ?? []), test]);
  }
  return [...byTopic]
    .sort(([a], [b]) => topicRank(a) - topicRank(b))
    .map(([key, tests]) => {
      const { cards, elsewhere } = cardsOf(tests, result.tests);
      const carded = new Set(
        cards
          .flatMap((card) => [...card.tests, ...card.explained.flatMap((e) => e.tests)])
          .map((test) => `${factorFamily(test.factor)}→${test.outcome}`),
      );
      const notCarded = (test: InsightTest): boolean => !carded.has(`${factorFamily(test.factor)}→${test.outcome}`);
      const flagged = (test: InsightTest, flag: InsightFlag): boolean => flagsOf(test).includes(flag);
      const sharedTrends = onePerFamily(
        tests.filter((test) => test.status !== 'finding' && flagged(test, 'shared-trend') && notCarded(test)),
      );
      const beforeAfter = onePerFamily(
        tests.filter(
          (test) =>
            test.status !== 'finding' &&
            flagged(test, 'before-after') &&
            !flagged(test, 'shared-trend') &&
            notCarded(test),
        ),
      );
      const early = (test: InsightTest): boolean =>
        test.status !== 'finding' && test.status !== 'explained' && flagged(test, 'too-early');
      const candidates = onePerFamily(tests.filter((test) => early(test) && notCarded(test))).slice(0, MAX_CANDIDATES);
      const waiting = onePerFamily(
        tests.filter((test) => test.status === 'not-enough-data' && !early(test) && notCarded(test)),
        (a, b) => (a.needed?.days ?? Infinity) - (b.needed?.days ?? Infinity),
      );
      const first = tests.find((test) => test.outcome.startsWith('skin.severity.')) ?? tests[0]!;
      return {
        key,
        name: key === 'gut' ? 'Gut' : key === 'skin.itch' ? 'Itch' : capitalise(outcomeName(first)),
        outcomes: [...new Set(tests.map((test) => test.outcome))],
        cards,
        elsewhere,
        sharedTrends,
        candidates,
        beforeAfter,
        waiting,
        tested: tests.filter(
          (test) => test.status === 'finding' || test.status === 'explained' || test.status === 'no-finding',
        ).length,
      };
    });
}

/** One test per factor family (and outcome), the clearest kept, in the given order. */
function onePerFamily(
  tests: readonly InsightTest[],
  order: (a: InsightTest, b: InsightTest) => number = byStrength,
): InsightTest[] {
  const kept = new Map<string, InsightTest>();
  for (const test of [...tests].sort(order)) {
    const key = `${factorFamily(test.factor)}→${test.outcome}`;
    if (!kept.has(key)) kept.set(key, test);
  }
  return [...kept.values()];
}

/** A phrase for one card in a summary: "worse 2 days after dairy (5.5 vs 3.5 out of 10)". */
export function summaryPhrase(test: InsightTest): string {
  const groups = test.groups;
  if (!groups || groups.high.mean === null || groups.low.mean === null)
    return `linked with ${factorName(test)} ${lagWords(test.lag)}`;
  const effect = test.effect ?? groups.high.mean - groups.low.mean;
  const change = isSymptom(test) ? (effect > 0 ? 'worse' : 'better') : effect > 0 ? 'higher' : 'lower';
  const scale = test.outcomeUnit === SCORE_UNIT ? ' out of 10' : '';
  return `${change} ${whenHigh(test)} (${groups.high.mean.toFixed(1)} vs ${groups.low.mean.toFixed(1)}${scale})`;
}

/**
 * The topic in two lines: what stood out (or that nothing is clear yet), then what else there is.
 * "Acne was worse 2 days after dairy (5.5 vs 3.5 out of 10) and worse the day after added sugar (4.9 vs 4.3 out of 10)."
 * "2 patterns in 45 comparisons · 3 factors still waiting for more days."
 */
export function topicSummary(topic: InsightTopic): { headline: string; detail: string } {
  const subject = topic.key === 'gut' ? 'Your gut' : capitalise(topic.name);
  const details: string[] = [];
  let headline: string;
  if (topic.cards.length > 0) {
    const shown = topic.cards.slice(0, 2);
    const phrases = shown.map((card) =>
      topic.key === 'gut'
        ? `your ${outcomeInSentence(card.lead)} was ${summaryPhrase(card.lead)}`
        : summaryPhrase(card.lead),
    );
    headline = topic.key === 'gut' ? `${capitalise(andList(phrases))}.` : `${subject} was ${andList(phrases)}.`;
    if (topic.cards.length > shown.length)
      headline = `${headline.slice(0, -1)}; ${topic.cards.length - shown.length} more below.`;
    details.push(
      `${topic.cards.length === 1 ? '1 pattern' : `${topic.cards.length} patterns`} out of ${comparedCount(topic)}`,
    );
    if (topic.candidates.length > 0) details.push(`${topic.candidates.length} more too early to tell`);
  } else if (topic.candidates.length > 0) {
    headline = `Nothing is clear yet for ${topic.key === 'gut' ? 'your gut' : inSentence(topic.name, topic.key)}. Too early to tell: ${andList(topic.candidates.map(candidateName))}.`;
    details.push(daysToTellPhrase(topic.candidates[0]!));
  } else if (topic.tested > 0) {
    headline = `Nothing stood out for ${topic.key === 'gut' ? 'your gut' : inSentence(topic.name, topic.key)} out of ${comparedCount(topic)}.`;
    details.push('That can change as you log more days');
  } else {
    headline = `Not enough days yet to compare anything with ${topic.key === 'gut' ? 'your gut' : `your ${inSentence(topic.name, topic.key)}`}.`;
  }
  if (topic.sharedTrends.length > 0)
    details.push(
      `${topic.sharedTrends.length === 1 ? '1 factor' : `${topic.sharedTrends.length} factors`} only changed slowly alongside it`,
    );
  if (topic.waiting.length > 0)
    details.push(
      `${topic.waiting.length === 1 ? '1 factor' : `${topic.waiting.length} factors`} still waiting for more days`,
    );
  return { headline, detail: details.length ? `${details.join(' · ')}.` : '' };
}

/** "45 factors compared" (one measure), "30 pairs compared" (the gut: several measures). */
function comparedCount(topic: InsightTopic): string {
  const word = topic.outcomes.length > 1 ? 'pair' : 'factor';
  return `${topic.tested} ${topic.tested === 1 ? word : `${word}s`} compared`;
}

/** A candidate in a list: "dairy (2 days later)". */
export function candidateName(test: InsightTest): string {
  return `${factorName(test)} (${test.lag === 0 ? 'same day' : test.lag === 1 ? 'the next day' : `${test.lag} days later`})`;
}

/** The chip's short second line: "2 patterns", "too early to tell", "nothing clear yet", "waiting for days". */
export function topicNote(topic: InsightTopic): string {
  if (topic.cards.length > 0) return topic.cards.length === 1 ? '1 pattern' : `${topic.cards.length} patterns`;
  if (topic.candidates.length > 0) return 'too early to tell';
  if (topic.tested > 0) return 'nothing clear yet';
  return 'waiting for more days';
}

/** "If it holds as it is, dairy needs about 40 more days of logging to tell." */
export function daysToTellPhrase(test: InsightTest): string {
  const name = factorName(test);
  if (!test.needed) return `The clearest, ${name}, needs more days before it can be told apart from chance`;
  return `If it holds as it is, ${name} needs about ${test.needed.days} more ${test.needed.days === 1 ? 'day' : 'days'} of logging to tell`;
}
