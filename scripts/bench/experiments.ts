// Self-experiment timings, pure core: the planner's power estimate (2,000 simulated experiments,
// which the planning form runs as the person types) and the analysis of a 12-week, 6-pair
// experiment (exact test over 64 orders + interval by inverting it). Bundled and run by
// scripts/bench.mjs; one JSON row per line. Medians; nothing here asserts.
import { performance } from 'node:perf_hooks';
import { analyseExperiment } from '../../electron/core/experiments/analysis';
import { estimatePower } from '../../electron/core/experiments/planner';
import { buildSchedule, drawOrders } from '../../electron/core/experiments/schedule';
import { SeededRandom } from '../../electron/core/demo/random';
import { addDays } from '../../electron/core/journal/dates';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
function time(run: () => void, times: number): number[] {
  return Array.from({ length: times }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
}

const history = { sd: 1.6, carryOver: 0.7, missingShare: 0.15, daysLogged: 300, fromJournal: true };
const shape = { design: 'pairs', pairs: 6, blockDays: 7, washoutDays: 2, runInDays: 0 } as const;
const power = time(() => estimatePower(shape, history, 1.5, { simulations: 2000, seed: 3 }), 9);

const orders = drawOrders(6, 11);
const schedule = buildSchedule({ ...shape, startDate: '2026-01-05', orders });
const random = new SeededRandom(5);
let level = 4;
const outcome = new Map<string, number | null>();
for (const day of schedule) {
  level = 4 + 0.7 * (level - 4) + random.normal();
  outcome.set(day.date, random.chance(0.15) ? null : level + (day.arm === 'on' ? 1 : 0));
}
const lastDay = addDays(schedule.at(-1)!.date, 1);
const analysis = time(
  () => analyseExperiment({ design: 'pairs', schedule, orders, outcome, lastDay, adherence: 1, finished: true }),
  21,
);

const result = analyseExperiment({ design: 'pairs', schedule, orders, outcome, lastDay, adherence: 1, finished: true });
process.stderr.write(
  `  analysis: ${result.status}, effect ${result.effect?.toFixed(2)}, p ${result.p}, interval ${result.ciLow?.toFixed(2)} to ${result.ciHigh?.toFixed(2)}\n`,
);
for (const row of [
  { name: 'experiment_planner_2000_sims_ms', value: Math.round(median(power) * 10) / 10, unit: 'ms', target: '< 300' },
  {
    name: 'experiment_analysis_12_weeks_6_pairs_ms',
    value: Math.round(median(analysis) * 100) / 100,
    unit: 'ms',
    target: '< 50',
  },
]) {
  console.log(JSON.stringify(row));
}
