import { describe, expect, it } from 'vitest';
import type { InsightTest, InsightsResult } from '../../electron/contract/insightsTerms';
import {
  cardsOf,
  cautions,
  describeTest,
  differencePhrase,
  factorName,
  leadSentence,
  BEFORE_AFTER_SENTENCE,
  SAME_DAY_SENTENCE,
  SHARED_TREND_SENTENCE,
  topicNote,
  topicsOf,
  topicSummary,
} from '../../electron/contract/insightsReading';
import { aTest } from '../helpers/insightTest';

const ECZEMA = { outcome: 'skin.severity.2', outcomeLabel: 'Eczema severity' };
const ITCH = { outcome: 'skin.itch', outcomeLabel: 'Itch' };

/** Without an interval unless a test gives one (an engine may have none). */
const NO_CI = { ciLow: null, ciHigh: null };
const food = (key: string, label: string, overrides: Partial<InsightTest> = {}): InsightTest =>
  aTest({ factor: `food.${key}`, factorLabel: label, ...NO_CI, ...overrides });
const servings = (key: string, label: string, overrides: Partial<InsightTest> = {}): InsightTest =>
  aTest({
    ...NO_CI,
    factor: `servings.${key}`,
    factorLabel: `${label} (servings)`,
    factorKind: 'number',
    factorUnit: 'servings',
    groups: {
      highLabel: 'higher',
      lowLabel: 'lower',
      high: { days: 70, mean: 5.2 },
      low: { days: 80, mean: 3.6 },
      split: 1,
      highIncludesSplit: false,
    },
    ...overrides,
  });
const quiet = (overrides: Partial<InsightTest> = {}): Partial<InsightTest> => ({
  status: 'no-finding',
  p: 0.4,
  q: 0.9,
  rho: 0.05,
  effect: 0.1,
  ...overrides,
});

function result(tests: InsightTest[], daysLogged = 200): Pick<InsightsResult, 'tests' | 'daysLogged' | 'testsRun'> {
  return { tests, daysLogged, testsRun: tests.length };
}

describe('insights reading: the lead sentence', () => {
  it('gives both averages on the 0–10 scale and the difference with its interval, never p or q', () => {
    const dairy = aTest({ ciLow: 1.23, ciHigh: 2.61 });
    const sentence = leadSentence(dairy);
    expect(sentence).toBe(
      'Your acne was worse 2 days after dairy: 5.5 out of 10 on average, against 3.4 after days without (about 1.2 to 2.6 points higher).',
    );
    expect(sentence).not.toMatch(/\bq\b|\bp\b|chance/);
  });

  it('words the interval by where it lies: lower, up to, or on both sides of no difference', () => {
    const base = { outcome: 'skin.severity.1', outcomeUnit: 'points (0–10)' };
    expect(differencePhrase({ ...base, effect: -1, ciLow: -1.6, ciHigh: -0.4 })).toBe('about 0.4 to 1.6 points lower');
    expect(differencePhrase({ ...base, effect: 1, ciLow: 0.02, ciHigh: 2.1 })).toBe('up to 2.1 points higher');
    expect(differencePhrase({ ...base, effect: 0.8, ciLow: -0.3, ciHigh: 2.1 })).toBe(
      'somewhere between 0.3 points lower and 2.1 points higher',
    );
    expect(differencePhrase({ ...base, effect: 2.04, ciLow: null, ciHigh: null })).toBe('2.0 points higher');
    expect(
      differencePhrase({
        outcome: 'gut.stool',
        outcomeUnit: 'Bristol type (1–7)',
        effect: 0.5,
        ciLow: 0.2,
        ciHigh: 0.9,
      }),
    ).toBe('about 0.2 to 0.9 higher on the Bristol scale');
  });

  it('says better for a lower symptom score, and names the days compared for every kind of factor', () => {
    expect(
      leadSentence(
        food('fermented', 'Probiotic or fermented foods', {
          ...ECZEMA,
          lag: 3,
          effect: -1.4,
          groups: {
            highLabel: 'with',
            lowLabel: 'without',
            high: { days: 60, mean: 3.1 },
            low: { days: 90, mean: 4.5 },
            split: null,
            highIncludesSplit: false,
          },
        }),
      ),
    ).toBe(
      'Your eczema was better 3 days after probiotic or fermented foods: 3.1 out of 10 on average, against 4.5 after days without (1.4 points lower).',
    );
    expect(leadSentence(aTest({ factor: 'treatment.4', factorLabel: 'Zinc', lag: 0, ...NO_CI }))).toMatch(
      /^Your acne was worse on days you took Zinc: 5\.5 out of 10 on average, against 3\.4 on days you did not /,
    );
    expect(leadSentence(aTest({ factor: 'treatment.4', factorLabel: 'Zinc', lag: 1 }))).toMatch(
      /^Your acne was worse the day after taking Zinc: .* after days without it /,
    );
    const stress = aTest({
      ...NO_CI,
      factor: 'life.stress',
      factorLabel: 'Stress',
      factorKind: 'number',
      factorUnit: 'points (0–10)',
      outcome: 'skin.severity.3',
      outcomeLabel: 'Rosacea severity',
      lag: 0,
      groups: {
        highLabel: 'higher',
        lowLabel: 'lower',
        high: { days: 70, mean: 5.1 },
        low: { days: 80, mean: 3.9 },
        split: 4,
        highIncludesSplit: false,
      },
      effect: 1.2,
    });
    expect(leadSentence(stress)).toBe(
      'Your rosacea was worse on days with stress above 4: 5.1 out of 10 on average, against 3.9 on days with 4 or less (1.2 points higher).',
    );
    expect(leadSentence(servings('fermented', 'Probiotic or fermented foods', { split: 0 } as never))).toMatch(
      /after a day with more than 1 servings of probiotic or fermented foods/,
    );
    expect(
      leadSentence(
        aTest({
          ...NO_CI,
          factor: 'life.sleepHours',
          factorLabel: 'Hours of sleep',
          factorKind: 'number',
          factorUnit: 'hours',
          lag: 1,
          groups: {
            highLabel: 'higher',
            lowLabel: 'lower',
            high: { days: 70, mean: 3.2 },
            low: { days: 80, mean: 4.2 },
            split: 6.5,
            highIncludesSplit: false,
          },
          effect: -1,
        }),
      ),
    ).toBe(
      'Your acne was better the day after a day with more than 6.5 hours of sleep: 3.2 out of 10 on average, against 4.2 after days with 6.5 or less (1.0 points lower).',
    );
  });

  it('keeps the names a person typed as typed', () => {
    expect(
      leadSentence(
        aTest({
          outcome: 'skin.severity.9',
          outcomeLabel: 'SAPHO severity',
          factor: 'custom.2',
          factorLabel: 'Late Night',
          lag: 0,
        }),
      ),
    ).toMatch(/^Your SAPHO was worse on days with Late Night:/);
    expect(factorName({ factor: 'servings.fibre_rich', factorLabel: 'Fibre-rich foods (servings)' })).toBe(
      'fibre-rich foods',
    );
    // A skin score as a factor of the gut goes by the condition's name.
    expect(factorName({ factor: 'skin.severity.3', factorLabel: 'Rosacea severity' })).toBe('rosacea');
  });
});

describe('insights reading: cautions and the full sentence', () => {
  it('tells a shared slow trend in plain words, never as chance', () => {
    const trend = aTest({ ...quiet({ p: 0.2, q: 0.7 }), flags: ['shared-trend'] });
    const sentence = describeTest(trend);
    expect(sentence).toContain(SHARED_TREND_SENTENCE);
    expect(sentence).not.toMatch(/chance/);
    expect(describeTest(aTest(quiet()))).toMatch(/Not clear enough yet to tell apart from chance\.$/);
  });

  it('gives every same-day link its caution, flagged or not', () => {
    expect(cautions({ lag: 0 })).toEqual([SAME_DAY_SENTENCE]);
    expect(cautions({ lag: 2, flags: ['same-day'] })).toEqual([SAME_DAY_SENTENCE]);
    expect(cautions({ lag: 2, flags: ['shared-trend', 'same-day'] })).toEqual([
      SHARED_TREND_SENTENCE,
      SAME_DAY_SENTENCE,
    ]);
    expect(cautions({ lag: 2 })).toEqual([]);
    expect(describeTest(aTest({ lag: 0 }))).toContain(SAME_DAY_SENTENCE);
  });

  it('names what accounts for an explained link', () => {
    const explained = aTest({ status: 'explained', explainedBy: 'food.plants' });
    expect(describeTest(explained, (key) => (key === 'food.plants' ? 'plant variety' : null))).toMatch(
      /This is accounted for by plant variety, which moves with it\.$/,
    );
    expect(describeTest(explained)).toMatch(/accounted for by another factor/);
  });
});

describe('insights reading: cards', () => {
  it('merges a factor’s yes/no and servings forms into one card titled without a cause', () => {
    const { cards } = cardsOf([
      food('fermented', 'Probiotic or fermented foods', { ...ECZEMA, p: 1e-6 }),
      servings('fermented', 'Probiotic or fermented foods', { ...ECZEMA, p: 1e-5 }),
      food('dairy', 'Dairy', { p: 1e-7 }),
    ]);
    expect(cards.map((card) => card.title)).toEqual(['Acne and dairy', 'Eczema and probiotic or fermented foods']);
    expect(cards[1]!.tests.map((test) => test.factor)).toEqual(['food.fermented', 'servings.fermented']);
    expect(cards.every((card) => !card.title.includes('→'))).toBe(true);
  });

  it('puts factors explained by a stronger co-moving one under its card, following chains', () => {
    const { cards, elsewhere } = cardsOf([
      food('fermented', 'Probiotic or fermented foods', { ...ECZEMA, p: 1e-8 }),
      aTest({
        ...ECZEMA,
        factor: 'food.plants',
        factorLabel: 'Plant variety',
        factorKind: 'number',
        status: 'explained',
        explainedBy: 'food.fermented',
        p: 1e-5,
      }),
      food('fibre_rich', 'Fibre-rich foods', { ...ECZEMA, status: 'explained', explainedBy: 'food.plants', p: 1e-4 }),
      servings('fibre_rich', 'Fibre-rich foods', {
        ...ECZEMA,
        status: 'explained',
        explainedBy: 'servings.fermented',
        p: 1e-3,
      }),
      servings('fermented', 'Probiotic or fermented foods', {
        ...ECZEMA,
        status: 'explained',
        explainedBy: 'food.fermented',
        p: 1e-6,
      }),
    ]);
    expect(elsewhere).toEqual([]);
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(card!.title).toBe('Eczema and probiotic or fermented foods');
    // Its own servings form is a form of it, not a factor that "moves with" it.
    expect(card!.tests.map((test) => test.factor)).toEqual(['food.fermented', 'servings.fermented']);
    expect(card!.explained.map((entry) => entry.name)).toEqual(['plant variety', 'fibre-rich foods']);
    expect(card!.explained[1]!.tests).toHaveLength(2);
  });

  it('shows findings that name each other, or explained links that only explain each other, as one group', () => {
    const drinks = cardsOf([
      food('alcohol', 'Alcohol', { ...ITCH, lag: 0, p: 1e-6, explainedBy: 'food.caffeine' }),
      food('caffeine', 'Caffeine', { ...ITCH, lag: 0, p: 1e-5, explainedBy: 'food.alcohol' }),
    ]);
    expect(drinks.cards).toHaveLength(1);
    expect(drinks.cards[0]!).toMatchObject({ title: 'Itch and alcohol or caffeine', groupedWith: ['caffeine'] });
    expect(drinks.cards[0]!.cautions).toEqual([SAME_DAY_SENTENCE]);

    const cycle = cardsOf([
      food('alcohol', 'Alcohol', { ...ITCH, status: 'explained', explainedBy: 'food.caffeine', p: 1e-4 }),
      food('caffeine', 'Caffeine', { ...ITCH, status: 'explained', explainedBy: 'food.alcohol', p: 1e-3 }),
      food('spicy', 'Spicy food', { ...ITCH, status: 'explained', explainedBy: 'food.caffeine', p: 1e-2 }),
    ]);
    expect(cycle.cards.map((card) => card.title)).toEqual(['Itch and alcohol or caffeine']);
    expect(cycle.cards[0]!.explained.map((entry) => entry.name)).toEqual(['spicy food']);
  });

  it('groups factors the engine says move with each other, naming one that has no card of its own', () => {
    const { cards } = cardsOf(
      [
        food('alcohol', 'Alcohol', { ...ITCH, lag: 0, p: 1e-6, movesWith: ['food.caffeine', 'custom.3'] }),
        food('caffeine', 'Caffeine', { ...ITCH, lag: 0, p: 1e-5, movesWith: ['food.alcohol'] }),
      ],
      [
        food('alcohol', 'Alcohol', ITCH),
        food('caffeine', 'Caffeine', ITCH),
        aTest({ ...ITCH, factor: 'custom.3', factorLabel: 'Late Nights', status: 'no-finding', p: 0.2, q: 0.8 }),
      ],
    );
    expect(cards.map((card) => card.title)).toEqual(['Itch and alcohol, caffeine or Late Nights']);
    expect(cards[0]!.tests.map((test) => test.factor)).toEqual(['food.alcohol', 'food.caffeine']);
  });

  it('keeps an explained link whose explaining factor has no card, naming that factor', () => {
    const { cards, elsewhere } = cardsOf(
      [food('gluten', 'Gluten', { status: 'explained', explainedBy: 'food.whole_grain' })],
      [
        food('gluten', 'Gluten', { status: 'explained', explainedBy: 'food.whole_grain' }),
        food('whole_grain', 'Whole grains', quiet()),
      ],
    );
    expect(cards).toEqual([]);
    expect(elsewhere).toMatchObject([{ name: 'gluten', by: 'whole grains' }]);
  });
});

describe('insights reading: topics', () => {
  it('has one topic per condition in order, then itch, then the gut, each with its cards', () => {
    const topics = topicsOf(
      result([
        aTest({ ...ITCH, ...quiet() }),
        aTest({ outcome: 'gut.bloating', outcomeLabel: 'Bloating', ...quiet() }),
        food('fermented', 'Probiotic or fermented foods', ECZEMA),
        aTest(),
        aTest({ lag: 3, ...quiet() }),
      ]),
    );
    expect(topics.map((topic) => topic.name)).toEqual(['Acne', 'Eczema', 'Itch', 'Gut']);
    expect(topics[0]!.cards).toHaveLength(1);
    expect(topicNote(topics[0]!)).toBe('1 pattern');
    expect(topicSummary(topics[0]!)).toEqual({
      headline: 'Acne was worse 2 days after dairy (5.5 vs 3.4 out of 10).',
      detail: '1 pattern out of 1 factor compared.',
    });
    expect(topicSummary(topics[3]!).headline).toBe('Nothing stood out for your gut out of 1 factor compared.');
  });

  it('sums a condition with several patterns in two lines, the first two named', () => {
    const [acne] = topicsOf(
      result([
        aTest({ p: 1e-9 }),
        food('added_sugar', 'Added sugar', {
          lag: 1,
          p: 1e-6,
          groups: {
            highLabel: 'with',
            lowLabel: 'without',
            high: { days: 70, mean: 4.9 },
            low: { days: 80, mean: 4.3 },
            split: null,
            highIncludesSplit: false,
          },
        }),
        food('gluten', 'Gluten', { lag: 0, p: 1e-4 }),
        food('spicy', 'Spicy food', { ...quiet() }),
      ]),
    );
    expect(topicSummary(acne!)).toEqual({
      headline:
        'Acne was worse 2 days after dairy (5.5 vs 3.4 out of 10) and worse the day after added sugar (4.9 vs 4.3 out of 10); 1 more below.',
      detail: '3 patterns out of 4 factors compared.',
    });
  });

  it('in a young journal names the engine’s strongest candidates as too early to tell, with days to go, and what is still waiting', () => {
    const early = (overrides: Partial<InsightTest>): Partial<InsightTest> => ({
      status: 'not-enough-data',
      flags: ['too-early'],
      p: 0.001,
      q: 0.3,
      n: 40,
      ...overrides,
    });
    const [acne] = topicsOf(
      result([
        aTest(early({ needed: { days: 30, text: 'about 30 more days' } })),
        servings('dairy', 'Dairy', early({ p: 0.002, needed: { days: 40, text: 'about 40 more days' } })),
        food('gluten', 'Gluten', early({ p: 0.003, needed: { days: 60, text: 'about 60 more days' } })),
        // Not flagged by the engine: not a candidate, however small its p.
        food('spicy', 'Spicy food', { status: 'no-finding', p: 0.0001, q: 0.2 }),
        food('fruit', 'Fruit', { status: 'no-finding', p: 0.01, q: 0.6, flags: ['shared-trend'] }),
        food('vegetable', 'Vegetables', { status: 'no-finding', p: 0.2, q: 0.6, flags: ['before-after'] }),
        aTest({
          factor: 'treatment.2',
          factorLabel: 'Zinc',
          status: 'not-enough-data',
          p: null,
          q: null,
          needed: { days: 5, text: '5 more days without it' },
        }),
      ]),
    );
    expect(acne!.cards).toEqual([]);
    expect(acne!.candidates.map((test) => test.factor)).toEqual(['food.dairy', 'food.gluten']);
    expect(acne!.sharedTrends.map((test) => test.factor)).toEqual(['food.fruit']);
    expect(acne!.beforeAfter.map((test) => test.factor)).toEqual(['food.vegetable']);
    expect(acne!.waiting.map((test) => test.factor)).toEqual(['treatment.2']);
    expect(topicNote(acne!)).toBe('too early to tell');
    const summary = topicSummary(acne!);
    expect(summary.headline).toBe(
      'Nothing is clear yet for acne. Too early to tell: dairy (2 days later) and gluten (2 days later).',
    );
    expect(summary.detail).toBe(
      'If it holds as it is, dairy needs about 30 more days of logging to tell · 1 factor only changed slowly alongside it · 1 factor still waiting for more days.',
    );
    expect(describeTest(acne!.candidates[0]!)).toMatch(
      /^Too early to tell: Your acne was worse 2 days after dairy: .*\. It needs about 30 more days to tell\.$/,
    );
  });

  it('tells a factor that changed once as before and after, whichever way round its groups are', () => {
    expect(cautions({ lag: 3, flags: ['before-after'] })).toEqual([BEFORE_AFTER_SENTENCE]);
    const zinc = { factor: 'treatment.2', factorLabel: 'Zinc', flags: ['before-after' as const], lag: 0 };
    const after = aTest({
      ...zinc,
      effect: -0.9,
      ciLow: -1.4,
      ciHigh: -0.4,
      groups: {
        highLabel: 'after',
        lowLabel: 'before',
        high: { days: 40, mean: 3.1 },
        low: { days: 50, mean: 4.0 },
        split: null,
        highIncludesSplit: false,
      },
    });
    const before = aTest({
      ...zinc,
      effect: 0.9,
      ciLow: 0.4,
      ciHigh: 1.4,
      groups: {
        highLabel: 'before',
        lowLabel: 'after',
        high: { days: 50, mean: 4.0 },
        low: { days: 40, mean: 3.1 },
        split: null,
        highIncludesSplit: false,
      },
    });
    const sentence =
      'Since you started Zinc, your acne was better: 3.1 out of 10 on average, against 4.0 before (about 0.4 to 1.4 points lower).';
    expect(leadSentence(after)).toBe(sentence);
    expect(leadSentence(before)).toBe(sentence);
  });
});
