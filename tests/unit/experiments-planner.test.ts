import { describe, expect, it } from 'vitest';
import { analyseExperiment } from '../../electron/core/experiments/analysis';
import { estimatePower, outcomeHistory, CAUTIOUS_CARRY_OVER } from '../../electron/core/experiments/planner';
import { simulateExperiment, type SimOptions } from '../helpers/experimentSim';

describe('outcome history', () => {
  it('measures spread and carry-over from the journal, and is cautious without enough of it', () => {
    const sim = simulateExperiment(
      {
        pairs: 1,
        blockDays: 2,
        washoutDays: 0,
        carryOver: 0.7,
        sd: 2,
        effect: 0,
        effectShape: 'step',
        noise: 'normal',
        missingShare: 0.1,
        historyDays: 2000,
      },
      3,
    );
    const history = outcomeHistory(sim.history, 1);
    expect(history.fromJournal).toBe(true);
    expect(history.daysLogged).toBeGreaterThan(300);
    expect(history.sd).toBeGreaterThan(1.5);
    expect(history.sd).toBeLessThan(2.5);
    expect(history.carryOver).toBeGreaterThan(0.5);
    expect(history.carryOver).toBeLessThan(0.85);
    expect(history.missingShare).toBeGreaterThan(0.05);
    expect(history.missingShare).toBeLessThan(0.15);
    const short = outcomeHistory([3, null, 4, 5, null], 2);
    expect(short).toMatchObject({ fromJournal: false, sd: 2, carryOver: CAUTIOUS_CARRY_OVER, daysLogged: 3 });
  });
});

describe('planner', () => {
  it('counts the 2/2^k floor: 4 or 5 pairs can never reach 0.05, 6 can', () => {
    const history = outcomeHistory([], 2);
    for (const pairs of [1, 4, 5]) {
      const estimate = estimatePower(
        { design: 'pairs', pairs, blockDays: 7, washoutDays: 2, runInDays: 0 },
        history,
        100,
      );
      expect(estimate).toMatchObject({ canReach: false, power: 0, detectable: null });
      expect(estimate.minP).toBe(2 / 2 ** pairs);
    }
    const six = estimatePower({ design: 'pairs', pairs: 6, blockDays: 7, washoutDays: 2, runInDays: 0 }, history, 100);
    expect(six.canReach).toBe(true);
    expect(six.power).toBeGreaterThan(0.9);
    expect(six.simulations).toBeGreaterThanOrEqual(2000);
  });

  it('gives more power to more pairs and to longer blocks with washout, and none to before/after', () => {
    const history = { sd: 1.5, carryOver: 0.7, missingShare: 0.1, daysLogged: 200, fromJournal: true };
    const shape = { design: 'pairs', blockDays: 7, washoutDays: 2, runInDays: 0 } as const;
    const six = estimatePower({ ...shape, pairs: 6 }, history, 1).power!;
    const ten = estimatePower({ ...shape, pairs: 10 }, history, 1).power!;
    expect(ten).toBeGreaterThan(six);
    expect(estimatePower({ ...shape, design: 'before-after', pairs: 1 }, history, 1)).toMatchObject({
      power: null,
      canReach: false,
    });
  });

  const scenarios: { name: string; sim: Omit<SimOptions, 'effect'> }[] = [
    {
      name: '6 pairs of 7 days, carry-over 0.6, 0–10 scores, normal noise',
      sim: {
        pairs: 6,
        blockDays: 7,
        washoutDays: 2,
        carryOver: 0.6,
        sd: 1.6,
        effectShape: 'carried',
        noise: 'normal',
        missingShare: 0.15,
        score: true,
      },
    },
    {
      name: '8 pairs of 7 days, carry-over 0.8, heavy-tailed noise',
      sim: {
        pairs: 8,
        blockDays: 7,
        washoutDays: 3,
        carryOver: 0.8,
        sd: 1.2,
        effectShape: 'carried',
        noise: 'heavy-tailed',
        missingShare: 0.1,
      },
    },
    {
      name: '7 pairs of 10 days, carry-over 0.5, weekly rhythm and drift',
      sim: {
        pairs: 7,
        blockDays: 10,
        washoutDays: 3,
        carryOver: 0.5,
        sd: 1,
        effectShape: 'carried',
        noise: 'weekly-and-drift',
        missingShare: 0.25,
      },
    },
  ];

  it.each(scenarios)(
    'predicts the measured power within 10 points ($name)',
    ({ sim }) => {
      // The planner sees one year of each of a few people's journals before the experiment.
      const people = 4;
      const shape = {
        design: 'pairs',
        pairs: sim.pairs,
        blockDays: sim.blockDays,
        washoutDays: sim.washoutDays,
        runInDays: 0,
      } as const;
      const histories = Array.from({ length: people }, (_, i) =>
        outcomeHistory(simulateExperiment({ ...sim, effect: 0, historyDays: 365 }, 900 + i).history, 1),
      );
      const detectable = estimatePower(shape, histories[0]!, 1).detectable!;
      for (const effect of [detectable * 0.6, detectable]) {
        const predicted =
          histories.reduce(
            (sum, history, i) => sum + estimatePower(shape, history, effect, { seed: i + 1 }).power!,
            0,
          ) / people;
        const runs = 1000;
        let detected = 0;
        for (let seed = 1; seed <= runs; seed++) {
          const { p } = analyseExperiment({
            design: 'pairs',
            lastDay: '2099-01-01',
            adherence: null,
            finished: true,
            ...simulateExperiment({ ...sim, effect }, seed + 7000),
          });
          if (p !== null && p <= 0.05) detected++;
        }
        const measured = detected / runs;
        console.log(
          `[power] change ${effect.toFixed(2)}: planner ${(predicted * 100).toFixed(1)}%, measured ${(measured * 100).toFixed(1)}% of ${runs}`,
        );
        expect(Math.abs(predicted - measured)).toBeLessThanOrEqual(0.1);
      }
    },
    180_000,
  );
});
