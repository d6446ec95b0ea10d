import type { Arm, ExperimentPlanInput, ScheduleDay } from '../../contract/experimentsTerms';
import { SeededRandom } from '../demo/random';
import { addDays } from '../journal/dates';

/**
 * The random part of a plan: for each of k pairs, whether it runs on → off (0) or off → on (1).
 * Drawn once from the seed when the plan is made and stored with it, so the schedule and the
 * analysis never depend on drawing again.
 */
export function drawOrders(pairs: number, seed: number): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: pairs }, () => (random.next() < 0.5 ? 0 : 1));
}

/** Blocks of the plan after the run-in, in order: [arm, pair] (pair null for before/after). */
function blocks(plan: Pick<ExperimentPlanInput, 'design' | 'pairs' | 'orders'>): { arm: Arm; pair: number | null }[] {
  if (plan.design === 'before-after')
    return [
      { arm: 'off', pair: null },
      { arm: 'on', pair: null },
    ];
  const list: { arm: Arm; pair: number | null }[] = [];
  for (let pair = 0; pair < plan.pairs; pair++) {
    const first: Arm = plan.orders[pair] === 1 ? 'off' : 'on';
    list.push({ arm: first, pair }, { arm: first === 'on' ? 'off' : 'on', pair });
  }
  return list;
}

/** How many days the whole plan lasts, run-in included. */
export function planLengthDays(
  plan: Pick<ExperimentPlanInput, 'design' | 'pairs' | 'blockDays' | 'runInDays'>,
): number {
  const blockCount = plan.design === 'before-after' ? 2 : 2 * plan.pairs;
  return (plan.design === 'elimination' ? plan.runInDays : 0) + blockCount * plan.blockDays;
}

/**
 * Every day of a frozen plan. The first `washoutDays` of every block are settling-in days the
 * analysis leaves out (before/after: only the "after" block settles in; the "before" block has
 * nothing to settle from). An elimination starts with an avoid phase (`run-in`) that is not analysed.
 */
export function buildSchedule(plan: ExperimentPlanInput): ScheduleDay[] {
  const days: ScheduleDay[] = [];
  let date = plan.startDate;
  if (plan.design === 'elimination') {
    for (let d = 0; d < plan.runInDays; d++) {
      days.push({ date, arm: 'off', washout: false, phase: 'run-in', block: null, pair: null, dayOfBlock: d + 1 });
      date = addDays(date, 1);
    }
  }
  blocks(plan).forEach(({ arm, pair }, block) => {
    const settles = plan.design !== 'before-after' || block === 1;
    for (let d = 0; d < plan.blockDays; d++) {
      days.push({
        date,
        arm,
        washout: settles && d < plan.washoutDays,
        phase: 'block',
        block,
        pair,
        dayOfBlock: d + 1,
      });
      date = addDays(date, 1);
    }
  });
  return days;
}
