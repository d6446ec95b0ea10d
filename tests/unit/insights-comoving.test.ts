import { describe, expect, it } from 'vitest';
import { runInsights } from '../../electron/core/insights/engine';
import { foodValue, mealsAreComplete } from '../../electron/core/trends/series';
import { generateJournal, type FamilyOptions } from '../../scripts/calibrate/families';

const run = (options: FamilyOptions, seed: number) => {
  const journal = generateJournal(options, seed);
  return runInsights({ dates: journal.dates, series: journal.series }, { maxLag: 7 });
};
const year = (effects: FamilyOptions['effects'], extra: Partial<FamilyOptions> = {}): FamilyOptions => ({
  days: 365,
  logging: 'regular',
  effects,
  ...extra,
});

describe('co-moving factors', () => {
  it("explains proxies by the stronger factor they travel with, at each one's own lag", () => {
    const result = run(
      year([
        { factor: 'food.dairy', outcome: 'skin.severity.1', lag: 2, size: 2 },
        { factor: 'life.stress', outcome: 'skin.severity.3', lag: 0, size: 0.4 },
      ]),
      3,
    );
    expect(result.findings.map((f) => `${f.factor}→${f.outcome}@${f.lag}`)).toEqual(
      expect.arrayContaining(['food.dairy→skin.severity.1@2', 'life.stress→skin.severity.3@0']),
    );
    const yogurt = result.explained.find((t) => t.factor === 'custom.3' && t.outcome === 'skin.severity.1')!;
    expect(yogurt).toMatchObject({ status: 'explained', explainedBy: 'food.dairy' });
    expect(yogurt.sentence).toMatch(
      /but this travels with dairy, which accounts for it: your records cannot tell them apart; an experiment can\.$/,
    );
    const mood = result.tests.find(
      (t) => t.factor === 'life.mood' && t.outcome === 'skin.severity.3' && !t.flags.includes('other-lag'),
    )!;
    expect(mood.status).toBe('explained');
    expect(mood.explainedBy).toBe('life.stress');
    // Explained pairs are never findings beside the stronger one.
    for (const explained of result.explained)
      expect(result.findings.some((f) => f.factor === explained.factor && f.outcome === explained.outcome)).toBe(false);
  });

  it('does not report a category and its complement as two findings', () => {
    // One drink a day: caffeine is exactly "no alcohol" on every day with meals.
    const result = run(year([{ factor: 'food.alcohol', outcome: 'skin.severity.2', lag: 0, size: 1.5 }]), 5);
    const drinks = result.tests.filter(
      (t) =>
        (t.factor === 'food.alcohol' || t.factor === 'food.caffeine') &&
        t.outcome === 'skin.severity.2' &&
        !t.flags.includes('other-lag'),
    );
    expect(drinks.map((t) => t.status).sort()).toEqual(['explained', 'finding']);
    expect(drinks.find((t) => t.status === 'explained')!.explainedBy).toBe(
      drinks.find((t) => t.status === 'finding')!.factor,
    );
  });
});

describe('trends, before/after and young journals', () => {
  it('describes links only in the slow drift as shared trends, never as chance', () => {
    const result = run(year([], { sharedTrend: true }), 1);
    expect(result.findings).toEqual([]);
    expect(result.sharedTrends.length).toBeGreaterThan(0);
    expect(result.sharedTrends.map((t) => t.factor)).toContain('servings.fibre_rich');
    for (const test of result.sharedTrends) {
      expect(test.flags).toContain('shared-trend');
      expect(test.sentence).toMatch(
        /^Both changed together over these months: .*something else may have changed at the same time/,
      );
      expect(test.sentence).not.toMatch(/chance/);
    }
  });

  it('describes a supplement started on a date as before against after, not as a day-to-day test', () => {
    const result = run(year([], { startedSupplement: true }), 2);
    const zinc = result.tests.filter((t) => t.factor === 'treatment.1');
    expect(zinc.length).toBeGreaterThan(0);
    expect(
      zinc.every((t) => t.flags.includes('before-after') && t.p === null && t.q === null && t.status !== 'finding'),
    ).toBe(true);
    const described = result.beforeAfter.find((t) => t.factor === 'treatment.1' && t.outcome === 'skin.severity.2')!;
    expect(described.sentence).toMatch(
      /^Since you started Zinc, your eczema severity averaged \d\.\d on the 0–10 scale, against \d\.\d before \(\d+ days before, \d+ since\)\. A before-and-after comparison cannot tell/,
    );
  });

  it('names a strong effect on a 60-day journal as the leading "too early to tell" candidate, with the days it needs', () => {
    const result = run(
      {
        days: 60,
        logging: 'regular',
        effects: [{ factor: 'food.dairy', outcome: 'skin.severity.1', lag: 2, size: 2 }],
      },
      4,
    );
    const [leading] = result.candidates;
    expect(leading).toMatchObject({
      factor: 'food.dairy',
      outcome: 'skin.severity.1',
      lag: 2,
      status: 'not-enough-data',
    });
    expect(leading!.flags).toContain('too-early');
    expect(leading!.needed!.days).toBeGreaterThan(0);
    expect(leading!.needed!.days).toBeLessThanOrEqual(60);
    expect(leading!.sentence).toMatch(
      /^Too early to tell: on the 2nd day after dairy, your acne severity averaged \d\.\d on the 0–10 scale, against \d\.\d after days without .*; about \d+ more days? of logging would show whether it holds\.$/,
    );
  });
});

describe('logging completeness', () => {
  it('counts food only on days whose meals are complete: ticked, or all main meals when not answered', () => {
    expect(mealsAreComplete(true, false)).toBe(true);
    expect(mealsAreComplete(false, true)).toBe(false);
    expect(mealsAreComplete(null, true)).toBe(true);
    expect(mealsAreComplete(null, false)).toBe(false);
    expect(foodValue(0, true, false)).toBe(0);
    expect(foodValue(1, false, true)).toBeNull();
    expect(foodValue(0, null, false)).toBeNull();
  });

  it('keeps lazy logging from inventing a same-day finding that reading "not listed" as "not eaten" makes', () => {
    const lazy: FamilyOptions = { days: 240, logging: 'three-quarters', effects: [], lazyLogging: true };
    const naive = run({ ...lazy, naiveFood: true }, 5);
    expect(naive.findings.length).toBeGreaterThan(0);
    expect(run(lazy, 5).findings).toEqual([]);
  });
});
