import { describe, expect, it } from 'vitest';
import type { DailySeries } from '../../electron/contract/trendsTerms';
import { planTests, runInsights } from '../../electron/core/insights/engine';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const dates = (days: number) =>
  Array.from({ length: days }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));

function series(
  key: string,
  label: string,
  kind: DailySeries['kind'],
  role: DailySeries['role'],
  values: (number | null)[],
): DailySeries {
  return {
    key,
    label,
    kind,
    group: role === 'factor' ? 'food' : role === 'none' ? 'skin' : role,
    role,
    unit: kind === 'yesno' ? '' : 'points (0–10)',
    values,
  };
}

/** Dairy on ~40 % of days; acne 2 points higher two days after dairy; stress unrelated to anything. */
function plantedJournal(days: number, seed: number, effect = 2) {
  const next = random(seed);
  const dairy = Array.from({ length: days }, () => (next() < 0.4 ? 1 : 0));
  const stress = Array.from({ length: days }, () => Math.floor(next() * 11));
  const acne = Array.from({ length: days }, (_, t) =>
    Math.min(10, Math.round(3 + 2 * next() + (dairy[t - 2] === 1 ? effect : 0))),
  );
  return [
    series('food.dairy', 'Dairy', 'yesno', 'factor', dairy),
    { ...series('life.stress', 'Stress', 'number', 'factor', stress), group: 'lifestyle' as const },
    series('skin.severity.1', 'Acne severity', 'number', 'skin', acne),
  ];
}

describe('insights engine', () => {
  it('finds a planted lagged effect at its lag, with the numbers in a plain sentence', () => {
    const result = runInsights({ dates: dates(200), series: plantedJournal(200, 1) }, { maxLag: 7 });
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({
      factor: 'food.dairy',
      outcome: 'skin.severity.1',
      lag: 2,
      status: 'finding',
      direction: 'gut-to-skin',
    });
    expect(finding!.q).toBeLessThan(0.05);
    // The planted 2 points lie inside the 95 % interval, which is in the outcome's units.
    expect(finding!.ciLow!).toBeLessThan(2);
    expect(finding!.ciHigh!).toBeGreaterThan(2);
    expect(finding!.effect!).toBeGreaterThan(finding!.ciLow!);
    expect(finding!.effect!).toBeLessThan(finding!.ciHigh!);
    expect(finding).toMatchObject({ explainedBy: null, movesWith: [], flags: [], title: 'Acne severity and dairy' });
    expect(finding!.sentence).toMatch(
      /^On the 2nd day after dairy, your acne severity averaged \d\.\d on the 0–10 scale, against \d\.\d after days without \(\d+ days with, \d+ without\): about \d\.\d to \d\.\d points higher once slow changes over the weeks are allowed for; unlikely to be chance \(q (< 0\.001|= 0\.0\d\d)\)\.$/,
    );
    // Its other lags are not extra findings.
    const dairy = result.tests.filter((t) => t.factor === 'food.dairy' && t.lag !== 2);
    expect(dairy.every((t) => t.status === 'no-finding' && t.flags.includes('other-lag') && t.q === finding!.q)).toBe(
      true,
    );
    // Stress was unrelated: tested at every lag, found at none.
    const stress = result.tests.filter((t) => t.factor === 'life.stress');
    expect(stress).toHaveLength(8);
    expect(stress.every((t) => t.status !== 'finding' && t.q! >= 0.05)).toBe(true);
    expect(stress.find((t) => !t.flags.includes('other-lag'))!.sentence).toMatch(
      /could well be chance|Too early to tell/,
    );
    expect(stress.find((t) => t.lag === 0)!.flags).toContain('same-day');
    expect(result.testsRun).toBe(16);
    expect(result.pairsTested).toBe(2);
  });

  it('reports every lag of every pair, findings first', () => {
    const result = runInsights({ dates: dates(200), series: plantedJournal(200, 2) }, { maxLag: 3 });
    expect(result.tests).toHaveLength(2 * 4);
    expect(result.tests[0]!.status).toBe('finding');
    expect(new Set(result.tests.map((t) => `${t.factor}:${t.lag}`)).size).toBe(8);
  });

  it('says "not enough data yet" with how many more days are needed', () => {
    const days = 40;
    const dairy = Array.from({ length: days }, (_, i) => (i % 6 === 0 ? 1 : 0)); // 7 days with
    const acne = Array.from({ length: days }, (_, i) => i % 7);
    const result = runInsights(
      {
        dates: dates(days),
        series: [
          series('food.dairy', 'Dairy', 'yesno', 'factor', dairy),
          series('skin.severity.1', 'Acne severity', 'number', 'skin', acne),
        ],
      },
      { maxLag: 0 },
    );
    const [test] = result.tests;
    expect(test).toMatchObject({
      status: 'not-enough-data',
      p: null,
      q: null,
      needed: { days: 3, text: '3 more days with it' },
    });
    expect(test!.sentence).toBe(
      'Not enough data yet for dairy and your acne severity on the same day: 3 more days with it would let this be tested.',
    );
    expect(result.testsRun).toBe(0);
    expect(result.daysNeeded).toBe(3);
    expect(result.findings).toEqual([]);
  });

  it('tests a young journal as soon as both groups are big enough: no calendar-length wait', () => {
    const dairy = Array.from({ length: 30 }, (_, i) => i % 2);
    const acne = Array.from({ length: 30 }, (_, i) => i % 7);
    const result = runInsights(
      {
        dates: dates(30),
        series: [
          series('food.dairy', 'Dairy', 'yesno', 'factor', dairy),
          series('skin.severity.1', 'Acne severity', 'number', 'skin', acne),
        ],
      },
      { maxLag: 7 },
    );
    expect(result.tests.find((t) => t.lag === 0)!.p).not.toBeNull();
    expect(result.pairsTested).toBe(1);
  });

  it('needs 24 paired days for a number factor, and missing days do not count', () => {
    const stress = Array.from({ length: 30 }, (_, i) => (i < 9 ? null : i % 9));
    const acne = Array.from({ length: 30 }, (_, i) => i % 5);
    const result = runInsights(
      {
        dates: dates(30),
        series: [
          { ...series('life.stress', 'Stress', 'number', 'factor', stress), group: 'lifestyle' },
          series('skin.severity.1', 'Acne severity', 'number', 'skin', acne),
        ],
      },
      { maxLag: 0 },
    );
    expect(result.tests[0]).toMatchObject({
      n: 21,
      status: 'not-enough-data',
      needed: { days: 3, text: '3 more days with both recorded' },
    });
  });

  it("words amounts as amounts, treatments as taking them, and a person's own factors as days with them", () => {
    const next = random(11);
    const sleep = Array.from({ length: 120 }, () => 5 + Math.floor(next() * 8) / 2);
    const taken = Array.from({ length: 120 }, () => (next() < 0.5 ? 1 : 0));
    const itch = Array.from({ length: 120 }, (_, t) =>
      Math.round(2 + 3 * next() + (sleep[t - 1]! > 7 ? 2 : 0) + (taken[t - 1] ? 2 : 0)),
    );
    const result = runInsights(
      {
        dates: dates(120),
        series: [
          {
            ...series('life.sleepHours', 'Hours of sleep', 'number', 'factor', sleep),
            group: 'lifestyle',
            unit: 'hours',
          },
          { ...series('treatment.4', 'Zinc', 'yesno', 'factor', taken), group: 'treatment' },
          { ...series('custom.2', 'Sunscreen', 'yesno', 'factor', taken), group: 'custom' },
          series('skin.itch', 'Itch', 'number', 'skin', itch),
        ],
      },
      { maxLag: 1 },
    );
    const at = (factor: string, lag: number) =>
      result.tests.find((t) => t.factor === factor && t.lag === lag)!.sentence;
    expect(at('life.sleepHours', 1)).toMatch(
      /^The day after a day with more than 6\.5 hours of sleep, your itch averaged [\d.]+ on the 0–10 scale, against [\d.]+ after days with 6\.5 or less \(/,
    );
    expect(at('treatment.4', 1)).toMatch(/^The day after taking Zinc, your itch averaged/);
    expect(at('treatment.4', 0)).toMatch(/^On days you took Zinc, your itch averaged/);
    expect(at('custom.2', 1)).toMatch(/^The day after a day with Sunscreen, your itch averaged/);
  });

  it('cannot compare a factor that never changes', () => {
    const result = runInsights(
      {
        dates: dates(60),
        series: [
          { ...series('life.stress', 'Stress', 'number', 'factor', new Array(60).fill(4)), group: 'lifestyle' },
          series(
            'skin.severity.1',
            'Acne severity',
            'number',
            'skin',
            Array.from({ length: 60 }, (_, i) => i % 6),
          ),
        ],
      },
      { maxLag: 0 },
    );
    expect(result.tests[0]).toMatchObject({ status: 'no-variation', rho: null, p: null });
    expect(result.tests[0]!.sentence).toMatch(/cannot be compared/);
  });

  it('runs the axis both ways: skin measures against gut outcomes, never gut against gut', () => {
    const plans = planTests([
      series('food.dairy', 'Dairy', 'yesno', 'factor', []),
      series('skin.severity.1', 'Acne severity', 'number', 'skin', []),
      series('gut.bloating', 'Bloating', 'number', 'gut', []),
      series('skin.flare.1', 'Acne flare', 'yesno', 'none', []),
    ]);
    expect(plans.map((p) => `${p.direction}: ${p.factor.key} → ${p.outcome.key}`)).toEqual([
      'gut-to-skin: food.dairy → skin.severity.1',
      'gut-to-skin: food.dairy → gut.bloating',
      'skin-to-gut: skin.severity.1 → gut.bloating',
    ]);
  });

  it('describes number factors by their top and bottom halves', () => {
    const next = random(9);
    const stress = Array.from({ length: 150 }, () => Math.floor(next() * 11));
    const rosacea = stress.map((s) => Math.min(10, Math.round(2 + next() * 2 + (s >= 6 ? 1.5 : 0))));
    const result = runInsights(
      {
        dates: dates(150),
        series: [
          { ...series('life.stress', 'Stress', 'number', 'factor', stress), group: 'lifestyle' },
          series('skin.severity.3', 'Rosacea severity', 'number', 'skin', rosacea),
        ],
      },
      { maxLag: 1 },
    );
    const finding = result.findings[0]!;
    expect(finding.lag).toBe(0);
    expect(finding.groups!.split).toBe(4);
    expect(finding.sentence).toMatch(
      /^On days with stress above 4, your rosacea severity averaged \d\.\d on the 0–10 scale, against \d\.\d on days with 4 or less \(\d+ days above 4, \d+ at 4 or less\): about \d\.\d to \d\.\d points higher .*unlikely to be chance .*Same day: your skin may also have changed what you noted that day\.$/,
    );
    expect(finding.flags).toEqual(['same-day']);
  });

  it('reports progress up to the total', () => {
    const seen: [number, number][] = [];
    runInsights(
      { dates: dates(100), series: plantedJournal(100, 3) },
      { maxLag: 7, onProgress: (done, total) => seen.push([done, total]) },
    );
    // Progress counts factor–outcome pairs (each tested across all its lags at once).
    expect(seen.at(-1)).toEqual([2, 2]);
  });
});
