import { describe, expect, it } from 'vitest';
import type { InsightTest } from '../../electron/contract/insightsTerms';
import { aTest } from '../helpers/insightTest';
import {
  AUTO_OPEN_ROWS,
  bestPerPair,
  factorCategory,
  filterTests,
  fold,
  groupSummary,
  groupTests,
  isGroupOpen,
  listInWords,
  matchesText,
  NO_FILTER,
  outcomesOf,
  splitFindings,
  testedCount,
  testedSummary,
  testPlan,
} from '../../renderer/src/views/Insights/testList';

const waiting = (overrides: Partial<InsightTest>): InsightTest =>
  aTest({
    status: 'not-enough-data',
    p: null,
    q: null,
    rho: null,
    needed: { days: 10, text: '10 more days with both recorded' },
    ...overrides,
  });

/** Dairy and stress against acne and bloating at lags 0–2, plus acne against bloating (skin → gut). */
function run(): InsightTest[] {
  const tests: InsightTest[] = [];
  for (const lag of [0, 1, 2]) {
    tests.push(
      aTest({
        lag,
        status: lag === 2 ? 'finding' : 'no-finding',
        p: lag === 2 ? 1e-6 : 0.3 + lag / 10,
        q: lag === 2 ? 1e-4 : 0.8,
      }),
    );
    tests.push(
      aTest({
        lag,
        outcome: 'gut.bloating',
        outcomeLabel: 'Bloating',
        status: 'no-finding',
        p: 0.5,
        q: 0.9,
        rho: lag === 1 ? -0.3 : 0.1,
      }),
    );
    tests.push(
      aTest({
        lag,
        factor: 'life.stress',
        factorLabel: 'Stress',
        factorKind: 'number',
        outcome: 'skin.severity.3',
        outcomeLabel: 'Rosacea severity',
        status: lag === 0 ? 'finding' : 'no-finding',
        p: lag === 0 ? 1e-8 : 0.2,
        q: lag === 0 ? 1e-5 : 0.6,
      }),
    );
    tests.push(
      waiting({
        lag,
        factor: 'treatment.2',
        factorLabel: 'Zinc',
        outcome: 'skin.severity.1',
        needed: { days: 5 - lag, text: `${5 - lag} more days without it` },
      }),
    );
    tests.push(
      aTest({
        lag,
        factor: 'skin.severity.1',
        factorLabel: 'Acne severity',
        factorKind: 'number',
        direction: 'skin-to-gut',
        outcome: 'gut.bloating',
        outcomeLabel: 'Bloating',
        status: 'no-finding',
        p: 0.4,
        q: 0.9,
      }),
    );
  }
  return tests;
}

describe('insights view: one row per pair', () => {
  it('keeps each pair at its clearest delay: a finding, else the smallest p, else the fewest days to wait', () => {
    const best = bestPerPair(run());
    expect(best).toHaveLength(5);
    const find = (factor: string, outcome: string): InsightTest =>
      best.find((t) => t.factor === factor && t.outcome === outcome)!;
    expect(find('food.dairy', 'skin.severity.1').lag).toBe(2);
    expect(find('life.stress', 'skin.severity.3').lag).toBe(0);
    expect(find('food.dairy', 'gut.bloating').lag).toBe(1); // same p: the larger |rho|
    expect(find('treatment.2', 'skin.severity.1').lag).toBe(2); // 3 more days is the fewest
  });
});

describe('insights view: filters', () => {
  it('shows pairs by default and every delay on request', () => {
    expect(filterTests(run(), NO_FILTER)).toHaveLength(5);
    expect(filterTests(run(), { ...NO_FILTER, everyLag: true })).toHaveLength(15);
  });

  it('filters by status, direction and outcome', () => {
    expect(filterTests(run(), { ...NO_FILTER, status: 'finding' }).map((t) => t.factor)).toEqual([
      'food.dairy',
      'life.stress',
    ]);
    expect(filterTests(run(), { ...NO_FILTER, status: 'not-enough-data' }).map((t) => t.factor)).toEqual([
      'treatment.2',
    ]);
    expect(filterTests(run(), { ...NO_FILTER, direction: 'skin-to-gut' }).map((t) => t.factor)).toEqual([
      'skin.severity.1',
    ]);
    expect(filterTests(run(), { ...NO_FILTER, outcome: 'gut.bloating' })).toHaveLength(2);
    expect(filterTests(run(), { ...NO_FILTER, outcome: 'gut.bloating', everyLag: true, status: 'finding' })).toEqual(
      [],
    );
  });

  it('finds typed words in the factor or the outcome, in any case and without accents', () => {
    expect(fold('Crème Brûlée')).toBe('creme brulee');
    expect(matchesText(aTest(), '  dairy  ACNE ')).toBe(true);
    expect(matchesText(aTest(), 'dairy rosacea')).toBe(false);
    expect(
      matchesText(aTest({ factor: 'food.fermented', factorLabel: 'Probiotic or fermented foods' }), 'fermented foods'),
    ).toBe(true);
    expect(matchesText(aTest({ factor: 'custom.1', factorLabel: 'Crème solaire' }), 'creme')).toBe(true);
    expect(
      filterTests(run(), { ...NO_FILTER, text: 'bloat' })
        .map((t) => t.factor)
        .sort(),
    ).toEqual(['food.dairy', 'skin.severity.1']);
  });
});

describe('insights view: groups', () => {
  it('groups by kind of factor, then factor, rows by outcome and delay', () => {
    const groups = groupTests(filterTests(run(), { ...NO_FILTER, everyLag: true }));
    expect(groups.map((g) => g.category)).toEqual(['food', 'treatment', 'lifestyle', 'skin']);
    const dairy = groups[0]!.factors[0]!;
    expect(dairy.name).toBe('Dairy');
    expect(dairy.tests.map((t) => `${t.outcome}@${t.lag}`)).toEqual([
      'skin.severity.1@0',
      'skin.severity.1@1',
      'skin.severity.1@2',
      'gut.bloating@0',
      'gut.bloating@1',
      'gut.bloating@2',
    ]);
    expect(dairy.findings).toBe(1);
    expect(groups[1]!.factors[0]!.waiting).toBe(3);
    expect(groupSummary(dairy, true)).toBe('6 comparisons · 1 pattern found');
    expect(groupSummary(groups[1]!.factors[0]!, false)).toBe('3 measures · 3 waiting for more days');
  });

  it('sorts factors by name within a kind', () => {
    const tests = [
      aTest({ factor: 'food.gluten', factorLabel: 'Gluten' }),
      aTest({ factor: 'food.alcohol', factorLabel: 'Alcohol' }),
    ];
    expect(groupTests(tests)[0]!.factors.map((f) => f.name)).toEqual(['Alcohol', 'Gluten']);
  });

  it('knows the kind of every factor key', () => {
    expect(
      [
        'food.dairy',
        'food.plants',
        'servings.fermented',
        'treatment.4',
        'life.sleepHours',
        'gut.water',
        'custom.2',
        'skin.itch',
        'x.y',
      ].map(factorCategory),
    ).toEqual(['food', 'servings', 'servings', 'treatment', 'lifestyle', 'lifestyle', 'custom', 'skin', 'other']);
  });

  it('opens groups by itself only for a short list, and keeps what was opened or closed by hand', () => {
    const toggled = new Map([['food.dairy', false]]);
    expect(isGroupOpen('food.dairy', toggled, 3)).toBe(false);
    expect(isGroupOpen('life.stress', toggled, 3)).toBe(true);
    expect(isGroupOpen('life.stress', toggled, AUTO_OPEN_ROWS + 1)).toBe(false);
  });

  it('lists outcomes in a fixed order: severities, itch, then the gut', () => {
    const tests = [
      aTest({ outcome: 'gut.stool', outcomeLabel: 'Stool type' }),
      aTest({ outcome: 'skin.itch', outcomeLabel: 'Itch' }),
      aTest({ outcome: 'skin.severity.3', outcomeLabel: 'Rosacea severity' }),
      aTest({ outcome: 'gut.bloating', outcomeLabel: 'Bloating' }),
      aTest({ outcome: 'skin.severity.1', outcomeLabel: 'Acne severity' }),
    ];
    expect(outcomesOf(tests).map((o) => o.label)).toEqual([
      'Acne severity',
      'Rosacea severity',
      'Itch',
      'Bloating',
      'Stool type',
    ]);
  });
});

describe('insights view: counts and summaries', () => {
  it('splits findings by direction and counts what could be worked out', () => {
    const findings = [
      aTest(),
      aTest({ direction: 'skin-to-gut', factor: 'skin.itch' }),
      aTest({ factor: 'life.stress' }),
    ];
    const split = splitFindings(findings);
    expect(split['gut-to-skin'].map((t) => t.factor)).toEqual(['food.dairy', 'life.stress']);
    expect(split['skin-to-gut']).toHaveLength(1);
    expect(testedCount(run(), 'gut-to-skin')).toBe(9);
    expect(testedCount(run(), 'skin-to-gut')).toBe(3);
  });

  it('sums up the whole list in words', () => {
    expect(testedSummary(run(), 2)).toBe(
      '5 pairs of a factor and a skin or gut measure, each at 3 delays (the same day up to 2 days later): 15 comparisons in all. 12 had enough data to be worked out. 3 are waiting for more days.',
    );
    expect(testedSummary([waiting({ lag: 0 })], 0)).toBe(
      '1 pair of a factor and a skin or gut measure, each on the same day: 1 comparison in all. 1 is waiting for more days.',
    );
  });

  it('describes what will be compared once there are enough days', () => {
    const plan = testPlan(run().map((t) => ({ ...t, status: 'not-enough-data' as const })));
    expect(plan.factors).toEqual([
      { category: 'food', title: 'Foods', names: ['Dairy'] },
      { category: 'treatment', title: 'Treatments and supplements', names: ['Zinc'] },
      { category: 'lifestyle', title: 'Lifestyle', names: ['Stress'] },
    ]);
    expect(plan.outcomes).toEqual(['acne severity', 'rosacea severity', 'bloating']);
    expect(plan.skinFactors).toEqual(['acne severity']);
    expect(plan.gutOutcomes).toEqual(['bloating']);
    expect(plan.pairs).toBe(5);
  });

  it('joins names the way a person writes them', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['acne'])).toBe('acne');
    expect(listInWords(['acne', 'itch'])).toBe('acne and itch');
    expect(listInWords(['acne', 'itch', 'bloating'])).toBe('acne, itch and bloating');
  });
});
