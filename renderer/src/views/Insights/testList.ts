import type { InsightDirection, InsightStatus, InsightTest } from '$contract/insightsTerms';
import { andList, bestPerPair, clearer, pairKey } from '$contract/insightsReading';
import { countOf, formatCount, inSentence } from './format';

/**
 * The "everything that was tested" list: one row per factor × outcome (at its clearest delay)
 * or every delay, filtered, and grouped by kind of factor and by factor. Pure.
 */

export type FactorCategory = 'food' | 'servings' | 'treatment' | 'lifestyle' | 'custom' | 'skin' | 'other';

export const CATEGORY_TITLES: Record<FactorCategory, string> = {
  food: 'Foods',
  servings: 'Servings and plant variety',
  treatment: 'Treatments and supplements',
  lifestyle: 'Lifestyle',
  custom: 'Your own factors',
  skin: 'Your skin, as a factor for your gut',
  other: 'Other factors',
};

const CATEGORY_ORDER: readonly FactorCategory[] = [
  'food',
  'servings',
  'treatment',
  'lifestyle',
  'custom',
  'skin',
  'other',
];

/** Which kind of factor a key is (`food.plants` counts plants, so it sits with the servings). */
export function factorCategory(key: string): FactorCategory {
  if (key === 'food.plants' || key.startsWith('servings.')) return 'servings';
  if (key.startsWith('food.')) return 'food';
  if (key.startsWith('treatment.')) return 'treatment';
  if (key.startsWith('life.') || key === 'gut.water') return 'lifestyle';
  if (key.startsWith('custom.')) return 'custom';
  if (key.startsWith('skin.')) return 'skin';
  return 'other';
}

/** Outcomes in a fixed order: each condition's severity, itch, then the gut. */
export function outcomeRank(key: string): number {
  const severity = /^skin\.severity\.(\d+)$/.exec(key);
  if (severity) return Number(severity[1]);
  const fixed = ['skin.itch', 'gut.bloating', 'gut.discomfort', 'gut.stool'].indexOf(key);
  return fixed >= 0 ? 1_000_000 + fixed : 2_000_000;
}

function byOutcome(
  a: Pick<InsightTest, 'outcome' | 'outcomeLabel'>,
  b: Pick<InsightTest, 'outcome' | 'outcomeLabel'>,
): number {
  return outcomeRank(a.outcome) - outcomeRank(b.outcome) || a.outcomeLabel.localeCompare(b.outcomeLabel);
}

export { bestPerPair, clearer, pairKey };

export type StatusFilter = 'all' | InsightStatus;
export type DirectionFilter = 'all' | InsightDirection;

export interface TestFilter {
  /** Words to find in the factor's or the outcome's name. */
  text: string;
  status: StatusFilter;
  direction: DirectionFilter;
  /** An outcome key, or '' for every outcome. */
  outcome: string;
  /** Every delay, or only each pair's clearest. */
  everyLag: boolean;
}

export const NO_FILTER: TestFilter = { text: '', status: 'all', direction: 'all', outcome: '', everyLag: false };

/** Lower case without accents, so "creme" finds "Crème". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every word typed must appear in the factor's or the outcome's name. */
export function matchesText(test: InsightTest, text: string): boolean {
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(`${test.factorLabel} ${test.outcomeLabel}`);
  return words.every((word) => haystack.includes(word));
}

export function filterTests(tests: readonly InsightTest[], filter: TestFilter): InsightTest[] {
  const rows = filter.everyLag ? tests : bestPerPair(tests);
  return rows.filter(
    (test) =>
      (filter.status === 'all' || test.status === filter.status) &&
      (filter.direction === 'all' || test.direction === filter.direction) &&
      (filter.outcome === '' || test.outcome === filter.outcome) &&
      matchesText(test, filter.text),
  );
}

export interface FactorGroup {
  factor: string;
  name: string;
  direction: InsightDirection;
  /** Rows by outcome, then delay. */
  tests: InsightTest[];
  findings: number;
  waiting: number;
}

export interface CategoryGroup {
  category: FactorCategory;
  title: string;
  factors: FactorGroup[];
}

/** Rows grouped by kind of factor, then by factor (alphabetical), rows by outcome and delay. */
export function groupTests(tests: readonly InsightTest[]): CategoryGroup[] {
  const byFactor = new Map<string, FactorGroup>();
  for (const test of tests) {
    let group = byFactor.get(test.factor);
    if (!group) {
      group = {
        factor: test.factor,
        name: test.factorLabel,
        direction: test.direction,
        tests: [],
        findings: 0,
        waiting: 0,
      };
      byFactor.set(test.factor, group);
    }
    group.tests.push(test);
    if (test.status === 'finding') group.findings++;
    if (test.status === 'not-enough-data') group.waiting++;
  }
  const categories = new Map<FactorCategory, FactorGroup[]>();
  for (const group of byFactor.values()) {
    group.tests.sort((a, b) => byOutcome(a, b) || a.lag - b.lag);
    const category = factorCategory(group.factor);
    categories.set(category, [...(categories.get(category) ?? []), group]);
  }
  return CATEGORY_ORDER.filter((category) => categories.has(category)).map((category) => ({
    category,
    title: CATEGORY_TITLES[category],
    factors: categories.get(category)!.sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

/** The outcomes tested, in their fixed order, for the outcome filter. */
export function outcomesOf(tests: readonly InsightTest[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const test of tests) if (!seen.has(test.outcome)) seen.set(test.outcome, test.outcomeLabel);
  return [...seen]
    .map(([outcome, outcomeLabel]) => ({ outcome, outcomeLabel }))
    .sort(byOutcome)
    .map(({ outcome, outcomeLabel }) => ({ key: outcome, label: outcomeLabel }));
}

/** Tests that could be worked out (enough data, some variation), per direction. */
export function testedCount(tests: readonly InsightTest[], direction: InsightDirection): number {
  return tests.filter(
    (test) => test.direction === direction && (test.status === 'finding' || test.status === 'no-finding'),
  ).length;
}

/** Findings split by direction, each keeping the engine's order (strongest evidence first). */
export function splitFindings(findings: readonly InsightTest[]): Record<InsightDirection, InsightTest[]> {
  return {
    'gut-to-skin': findings.filter((test) => test.direction === 'gut-to-skin'),
    'skin-to-gut': findings.filter((test) => test.direction === 'skin-to-gut'),
  };
}

export interface TestPlan {
  /** Gut and lifestyle factors by kind, each a list of names. */
  factors: { category: FactorCategory; title: string; names: string[] }[];
  /** What those factors are compared with, as written inside a sentence. */
  outcomes: string[];
  /** Skin measures compared with the gut, and the gut measures they are compared with. */
  skinFactors: string[];
  gutOutcomes: string[];
  pairs: number;
}

/** What a run compares, in names: for "what will be tested once there is enough". */
export function testPlan(tests: readonly InsightTest[]): TestPlan {
  const pairs = bestPerPair(tests);
  const names = (list: InsightTest[], pick: (test: InsightTest) => [string, string]): string[] => [
    ...new Map(list.map((test) => pick(test))).values(),
  ];
  const forward = pairs.filter((test) => test.direction === 'gut-to-skin');
  const backward = pairs.filter((test) => test.direction === 'skin-to-gut');
  const factors = groupTests(forward).map((group) => ({
    category: group.category,
    title: group.title,
    names: group.factors.map((factor) => factor.name),
  }));
  return {
    factors,
    outcomes: names([...forward].sort(byOutcome), (test) => [
      test.outcome,
      inSentence(test.outcomeLabel, test.outcome),
    ]),
    skinFactors: names(
      [...backward].sort((a, b) => outcomeRank(a.factor) - outcomeRank(b.factor)),
      (test) => [test.factor, inSentence(test.factorLabel, test.factor)],
    ),
    gutOutcomes: names([...backward].sort(byOutcome), (test) => [
      test.outcome,
      inSentence(test.outcomeLabel, test.outcome),
    ]),
    pairs: pairs.length,
  };
}

/** "a, b and c". */
export const listInWords = andList;

/** Groups open by themselves when the filtered list is this short; a group opened or closed by hand stays so. */
export const AUTO_OPEN_ROWS = 40;

export function isGroupOpen(factor: string, toggled: ReadonlyMap<string, boolean>, shownRows: number): boolean {
  return toggled.get(factor) ?? shownRows <= AUTO_OPEN_ROWS;
}

/** "7 measures · 1 pattern found · 2 waiting for more days". */
export function groupSummary(group: FactorGroup, everyLag: boolean): string {
  const parts = [everyLag ? countOf(group.tests.length, 'comparison') : countOf(group.tests.length, 'measure')];
  if (group.findings > 0) parts.push(`${countOf(group.findings, 'pattern')} found`);
  if (group.waiting > 0) parts.push(`${formatCount(group.waiting)} waiting for more days`);
  return parts.join(' · ');
}

/** What the whole list holds, before any filter: for the line under its heading. */
export function testedSummary(tests: readonly InsightTest[], maxLag: number): string {
  const pairs = bestPerPair(tests).length;
  const tested = tests.filter((test) => test.status === 'finding' || test.status === 'no-finding').length;
  const waiting = tests.filter((test) => test.status === 'not-enough-data').length;
  const delays =
    maxLag === 0
      ? 'on the same day'
      : `at ${countOf(maxLag + 1, 'delay')} (the same day up to ${maxLag} ${maxLag === 1 ? 'day' : 'days'} later)`;
  const parts = [
    `${countOf(pairs, 'pair')} of a factor and a skin or gut measure, each ${delays}: ${countOf(tests.length, 'comparison')} in all.`,
  ];
  if (tested > 0) parts.push(`${formatCount(tested)} had enough data to be worked out.`);
  if (waiting > 0) parts.push(`${formatCount(waiting)} ${waiting === 1 ? 'is' : 'are'} waiting for more days.`);
  return parts.join(' ');
}
