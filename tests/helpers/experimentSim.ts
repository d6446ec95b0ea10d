import type { ExperimentDesign, ScheduleDay } from '../../electron/contract/experimentsTerms';
import { SeededRandom } from '../../electron/core/demo/random';
import { buildSchedule, drawOrders } from '../../electron/core/experiments/schedule';

/** Kinds of day-to-day noise the tests generate (none of them is the planner's own model alone). */
export type NoiseKind = 'normal' | 'heavy-tailed' | 'weekly-and-drift';

export interface SimOptions {
  design?: ExperimentDesign;
  pairs: number;
  blockDays: number;
  washoutDays: number;
  runInDays?: number;
  /** AR(1) carry-over of the outcome from one day to the next. */
  carryOver: number;
  sd: number;
  /** The true effect of "on" (outcome units). */
  effect: number;
  /** `step`: the whole effect from the first on-day; `carried`: it arrives through the same carry-over. */
  effectShape: 'step' | 'carried';
  noise: NoiseKind;
  missingShare: number;
  /** Round and clamp to a 0–10 score, as people log it. */
  score?: boolean;
  /** Journal days simulated before the experiment (history for the planner). */
  historyDays?: number;
}

export interface SimulatedExperiment {
  schedule: ScheduleDay[];
  orders: number[];
  outcome: Map<string, number | null>;
  history: (number | null)[];
}

function heavyTail(random: SeededRandom): number {
  // Student t with 3 degrees of freedom, scaled to unit variance.
  const z = random.normal();
  const chi = random.normal() ** 2 + random.normal() ** 2 + random.normal() ** 2;
  return z / Math.sqrt(chi / 3) / Math.sqrt(3);
}

/** One person's journal before and during an experiment, with known truth. */
export function simulateExperiment(options: SimOptions, seed: number): SimulatedExperiment {
  const random = new SeededRandom(seed);
  const orders = drawOrders(options.pairs, seed * 7919 + 13);
  const design = options.design ?? 'pairs';
  const schedule = buildSchedule({
    design,
    pairs: options.pairs,
    blockDays: options.blockDays,
    washoutDays: options.washoutDays,
    runInDays: options.runInDays ?? 0,
    startDate: '2026-03-02',
    orders,
  });
  const phi = options.carryOver;
  const innovation = options.sd * Math.sqrt(1 - phi * phi);
  const historyDays = options.historyDays ?? 0;
  const draw = () => (options.noise === 'heavy-tailed' ? heavyTail(random) : random.normal());
  let u = options.sd * draw();
  let g = 0;
  const base = 4;
  const value = (day: number, on: number): number | null => {
    u = phi * u + innovation * draw();
    g = options.effectShape === 'step' ? on : phi * g + (1 - phi) * on;
    let y = base + u + options.effect * g;
    if (options.noise === 'weekly-and-drift')
      y += 0.4 * options.sd * Math.sin((2 * Math.PI * day) / 7) + (0.5 * options.sd * day) / 200;
    if (options.score) y = Math.min(10, Math.max(0, Math.round(y)));
    return random.next() < options.missingShare ? null : y;
  };
  const history: (number | null)[] = [];
  for (let d = 0; d < historyDays; d++) history.push(value(d, 0));
  const outcome = new Map<string, number | null>();
  schedule.forEach((day, i) =>
    outcome.set(day.date, value(historyDays + i, day.phase === 'block' && day.arm === 'on' ? 1 : 0)),
  );
  return { schedule, orders, outcome, history };
}

/** Binomial standard error of a share measured over n runs. */
export function standardError(share: number, n: number): number {
  return Math.sqrt((share * (1 - share)) / n);
}
