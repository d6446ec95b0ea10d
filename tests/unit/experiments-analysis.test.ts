import { describe, expect, it } from 'vitest';
import type { ScheduleDay } from '../../electron/contract/experimentsTerms';
import { SeededRandom } from '../../electron/core/demo/random';
import { analyseAsDone, analyseExperiment, type AnalysisInput } from '../../electron/core/experiments/analysis';
import { buildSchedule, drawOrders, planLengthDays } from '../../electron/core/experiments/schedule';
import { simulateExperiment, standardError } from '../helpers/experimentSim';

/** The effect under one assignment, straight from the days (no pair totals, no Gray code). */
function bruteEffect(
  schedule: ScheduleDay[],
  outcome: Map<string, number | null>,
  assignment: number[],
  shiftOnObserved = 0,
): number {
  const on: number[] = [];
  const off: number[] = [];
  for (const day of schedule) {
    if (day.phase !== 'block' || day.washout || day.pair === null || day.block === null) continue;
    const raw = outcome.get(day.date);
    if (raw === null || raw === undefined) continue;
    const value = raw - (day.arm === 'on' ? shiftOnObserved : 0);
    const firstIsOn = assignment[day.pair] === 0;
    const isOn = (day.block % 2 === 0) === firstIsOn;
    (isOn ? on : off).push(value);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return mean(on) - mean(off);
}

/** Two-sided p of "the effect is δ" by listing every assignment. */
function bruteP(schedule: ScheduleDay[], outcome: Map<string, number | null>, orders: number[], delta: number): number {
  const k = orders.length;
  const observed = Math.abs(bruteEffect(schedule, outcome, orders, delta));
  let extreme = 0;
  for (let a = 0; a < 2 ** k; a++) {
    const assignment = Array.from({ length: k }, (_, i) => (a >> i) & 1);
    if (Math.abs(bruteEffect(schedule, outcome, assignment, delta)) >= observed - 1e-9 * (1 + observed)) extreme++;
  }
  return extreme / 2 ** k;
}

function input(sim: { schedule: ScheduleDay[]; orders: number[]; outcome: Map<string, number | null> }): AnalysisInput {
  return {
    design: 'pairs',
    schedule: sim.schedule,
    orders: sim.orders,
    outcome: sim.outcome,
    lastDay: '2099-01-01',
    adherence: null,
    finished: true,
  };
}

const base = {
  pairs: 6,
  blockDays: 7,
  washoutDays: 2,
  sd: 1.5,
  carryOver: 0.6,
  effectShape: 'step',
  noise: 'normal',
  missingShare: 0.2,
} as const;

describe('schedule', () => {
  it('draws the same orders from the same seed and lays out blocks with their washout days', () => {
    expect(drawOrders(8, 42)).toEqual(drawOrders(8, 42));
    expect(drawOrders(32, 1)).not.toEqual(drawOrders(32, 2));
    const schedule = buildSchedule({
      design: 'pairs',
      pairs: 2,
      blockDays: 3,
      washoutDays: 1,
      runInDays: 0,
      startDate: '2026-01-30',
      orders: [1, 0],
    });
    expect(schedule.map((d) => `${d.date.slice(5)} ${d.arm}${d.washout ? '*' : ''}`)).toEqual([
      '01-30 off*',
      '01-31 off',
      '02-01 off',
      '02-02 on*',
      '02-03 on',
      '02-04 on',
      '02-05 on*',
      '02-06 on',
      '02-07 on',
      '02-08 off*',
      '02-09 off',
      '02-10 off',
    ]);
    expect(planLengthDays({ design: 'pairs', pairs: 2, blockDays: 3, runInDays: 0 })).toBe(12);
  });

  it('starts an elimination with an avoid phase that is not analysed, and before/after settles in only after', () => {
    const elimination = buildSchedule({
      design: 'elimination',
      pairs: 1,
      blockDays: 2,
      washoutDays: 0,
      runInDays: 3,
      startDate: '2026-01-01',
      orders: [0],
    });
    expect(elimination.map((d) => `${d.phase}:${d.arm}`)).toEqual([
      'run-in:off',
      'run-in:off',
      'run-in:off',
      'block:on',
      'block:on',
      'block:off',
      'block:off',
    ]);
    const beforeAfter = buildSchedule({
      design: 'before-after',
      pairs: 1,
      blockDays: 3,
      washoutDays: 1,
      runInDays: 0,
      startDate: '2026-01-01',
      orders: [],
    });
    expect(beforeAfter.map((d) => `${d.arm}${d.washout ? '*' : ''}`)).toEqual(['off', 'off', 'off', 'on*', 'on', 'on']);
  });
});

describe('exact randomisation test', () => {
  it('gives the p of brute-force enumeration over every pair order, missing days included', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const sim = simulateExperiment(
        { ...base, pairs: 3 + (seed % 4), effect: seed % 3 === 0 ? 0 : 1, missingShare: 0.3 },
        seed,
      );
      const result = analyseExperiment(input(sim));
      expect(result.status).toBe('complete');
      expect(result.p).toBeCloseTo(bruteP(sim.schedule, sim.outcome, sim.orders, 0), 12);
      expect(result.effect).toBeCloseTo(bruteEffect(sim.schedule, sim.outcome, sim.orders), 12);
      expect(result.assignments).toBe(2 ** sim.orders.length);
    }
  });

  it('never gives p below 2/2^k, and says so: 4 pairs cannot reach 0.05 and get no interval', () => {
    const sim = simulateExperiment({ ...base, pairs: 4, effect: 20, missingShare: 0 }, 3);
    const result = analyseExperiment(input(sim));
    expect(result.p).toBe(0.125);
    expect(result.minP).toBe(0.125);
    expect(result.ciLow).toBeNull();
    expect(result.ciHigh).toBeNull();
  });

  it('gives the interval by inverting the test: its ends are where brute-force p crosses 0.05', () => {
    for (let seed = 20; seed < 26; seed++) {
      const sim = simulateExperiment({ ...base, effect: 1.2 }, seed);
      const result = analyseExperiment(input(sim));
      const { ciLow, ciHigh, effect } = result;
      expect(ciLow).not.toBeNull();
      expect(ciHigh).not.toBeNull();
      expect(ciLow!).toBeLessThan(effect!);
      expect(ciHigh!).toBeGreaterThan(effect!);
      const eps = 1e-6 * (1 + Math.abs(ciHigh! - ciLow!));
      expect(bruteP(sim.schedule, sim.outcome, sim.orders, ciLow! + eps)).toBeGreaterThan(0.05);
      expect(bruteP(sim.schedule, sim.outcome, sim.orders, ciLow! - eps)).toBeLessThanOrEqual(0.05);
      expect(bruteP(sim.schedule, sim.outcome, sim.orders, ciHigh! - eps)).toBeGreaterThan(0.05);
      expect(bruteP(sim.schedule, sim.outcome, sim.orders, ciHigh! + eps)).toBeLessThanOrEqual(0.05);
    }
  });

  it('treats days not logged as missing, never zero, and leaves out washout, paused and future days', () => {
    const schedule = buildSchedule({
      design: 'pairs',
      pairs: 2,
      blockDays: 4,
      washoutDays: 1,
      runInDays: 0,
      startDate: '2026-01-01',
      orders: [0, 1],
    });
    const outcome = new Map<string, number | null>(
      schedule.map((d) => [d.date, d.washout ? 100 : d.arm === 'on' ? 5 : 3]),
    );
    outcome.set(schedule[1]!.date, null);
    const all = analyseExperiment({
      design: 'pairs',
      schedule,
      orders: [0, 1],
      outcome,
      lastDay: '2026-12-31',
      adherence: 1,
      finished: true,
    });
    expect(all).toMatchObject({ effect: 2, daysOn: 5, daysOff: 6, meanOn: 5, meanOff: 3 });
    const paused = analyseExperiment({
      design: 'pairs',
      schedule,
      orders: [0, 1],
      outcome,
      lastDay: schedule[14]!.date,
      adherence: 1,
      finished: false,
      excluded: new Set([schedule[2]!.date]),
    });
    expect(paused).toMatchObject({ daysOn: 3, daysOff: 6, status: 'interim' });
  });

  it('says when there is too little to analyse, and that before/after cannot be tested', () => {
    const sim = simulateExperiment({ ...base, effect: 0 }, 5);
    expect(analyseExperiment({ ...input(sim), lastDay: sim.schedule[8]!.date, finished: false }).status).toBe(
      'not-enough-data',
    );
    expect(analyseExperiment({ ...input(sim), lastDay: '2020-01-01', finished: false }).status).toBe('not-started');
    const ba = simulateExperiment({ ...base, design: 'before-after', pairs: 1, effect: 1 }, 6);
    const result = analyseExperiment({ ...input(ba), design: 'before-after' });
    expect(result.status).toBe('not-randomised');
    expect(result.p).toBeNull();
    expect(result.effect).not.toBeNull();
    expect(result.reason).toMatch(/no test can tell the change from anything else/);
  });

  it('compares days by what was actually done as a secondary analysis', () => {
    const schedule = buildSchedule({
      design: 'pairs',
      pairs: 2,
      blockDays: 3,
      washoutDays: 0,
      runInDays: 0,
      startDate: '2026-01-01',
      orders: [0, 0],
    });
    const outcome = new Map<string, number | null>(schedule.map((d, i) => [d.date, i]));
    const exposure = new Map<string, boolean | null>(schedule.map((d) => [d.date, d.arm === 'on']));
    exposure.set(schedule[0]!.date, false); // broke the plan on the first on-day
    exposure.set(schedule[1]!.date, null); // cannot tell
    const done = analyseAsDone({ schedule, outcome, lastDay: '2026-12-31' }, exposure);
    expect(done).toMatchObject({ daysOn: 4, daysOff: 7 });
  });
});

describe('calibration on generated experiments whose truth is known', () => {
  const runs = 1500;
  const kinds = [
    { carryOver: 0, noise: 'normal' },
    { carryOver: 0.5, noise: 'heavy-tailed' },
    { carryOver: 0.8, noise: 'normal' },
    { carryOver: 0.8, noise: 'weekly-and-drift' },
  ] as const;

  it.each(kinds)(
    'with no effect, p ≤ 0.05 in at most 5% of experiments (carry-over $carryOver, $noise)',
    ({ carryOver, noise }) => {
      let significant = 0;
      for (let seed = 1; seed <= runs; seed++) {
        const sim = simulateExperiment(
          { ...base, carryOver, noise, effect: 0, score: noise === 'heavy-tailed' },
          seed + 1000 * carryOver * 10,
        );
        const { p } = analyseExperiment(input(sim));
        if (p !== null && p <= 0.05) significant++;
      }
      const rate = significant / runs;
      console.log(
        `[calibration] no effect, carry-over ${carryOver}, ${noise}: p ≤ 0.05 in ${(rate * 100).toFixed(1)}% of ${runs}`,
      );
      expect(rate).toBeLessThanOrEqual(0.05 + 2 * standardError(0.05, runs));
    },
    120_000,
  );

  it.each([
    { pairs: 6, carryOver: 0.8, noise: 'normal' },
    { pairs: 8, carryOver: 0.5, noise: 'weekly-and-drift' },
  ] as const)(
    'the 95% interval covers a planted constant effect 95 ± 3% of the time ($pairs pairs, carry-over $carryOver)',
    ({ pairs, carryOver, noise }) => {
      const runsHere = 800;
      let covered = 0;
      const random = new SeededRandom(pairs);
      for (let seed = 1; seed <= runsHere; seed++) {
        const effect = 0.5 + 2 * random.next();
        const sim = simulateExperiment({ ...base, pairs, carryOver, noise, effect }, seed + 50_000);
        const { ciLow, ciHigh } = analyseExperiment(input(sim));
        if (ciLow !== null && ciHigh !== null && ciLow <= effect && effect <= ciHigh) covered++;
      }
      const rate = covered / runsHere;
      console.log(
        `[calibration] coverage, ${pairs} pairs, carry-over ${carryOver}, ${noise}: ${(rate * 100).toFixed(1)}% of ${runsHere}`,
      );
      expect(rate).toBeGreaterThanOrEqual(0.92);
      expect(rate).toBeLessThanOrEqual(0.98);
    },
    120_000,
  );
});
