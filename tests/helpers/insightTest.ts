import type { InsightTest } from '../../electron/contract/insightsTerms';

/** One insights test shaped like the engine's (dairy → acne severity, 2 days later, a finding), with changes. */
export function aTest(overrides: Partial<InsightTest> = {}): InsightTest {
  return {
    factor: 'food.dairy',
    factorLabel: 'Dairy',
    factorKind: 'yesno',
    factorUnit: '',
    outcome: 'skin.severity.1',
    outcomeLabel: 'Acne severity',
    outcomeUnit: 'points (0–10)',
    direction: 'gut-to-skin',
    lag: 2,
    n: 153,
    rho: 0.6,
    effect: 2.1,
    ciLow: 1.6,
    ciHigh: 2.6,
    groups: {
      highLabel: 'with',
      lowLabel: 'without',
      high: { days: 76, mean: 5.5 },
      low: { days: 77, mean: 3.4 },
      split: null,
      highIncludesSplit: false,
    },
    p: 1e-9,
    q: 1e-6,
    status: 'finding',
    explainedBy: null,
    movesWith: [],
    flags: [],
    needed: null,
    title: 'Acne severity and dairy',
    sentence: 'On the 2nd day after dairy, your acne severity averaged 2.1 points higher.',
    ...overrides,
  };
}
