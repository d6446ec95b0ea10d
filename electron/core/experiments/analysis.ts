import {
  EXPERIMENT_ALPHA,
  type AsDoneAnalysis,
  type ExperimentAnalysis,
  type ExperimentDesign,
  type ScheduleDay,
} from '../../contract/experimentsTerms';
import { assignmentLines, effectFor, invertTest, type PairData } from './randomisation';

/** Fewer analysable days than this on either arm, or fewer than 2 pairs with both blocks, is too little. */
export const MIN_DAYS_PER_ARM = 3;
export const MIN_COMPLETE_PAIRS = 2;

export interface AnalysisInput {
  design: ExperimentDesign;
  schedule: readonly ScheduleDay[];
  /** The stored pair orders (0 = on then off). */
  orders: readonly number[];
  /** The main outcome per date; a day not logged is missing (absent or null), never zero. */
  outcome: ReadonlyMap<string, number | null>;
  /** Days left out on purpose (a recorded pause). */
  excluded?: ReadonlySet<string>;
  /** Days after this one have not happened yet (or the experiment ended): they are not analysed. */
  lastDay: string;
  /** Share of days that followed the plan (computed from the journal), passed through. */
  adherence: number | null;
  /** True when the plan's last day has passed or the experiment was ended. */
  finished: boolean;
}

/** A day the analysis may use: in a block, not settling in, happened, not paused. */
function analysable(day: ScheduleDay, input: Pick<AnalysisInput, 'excluded' | 'lastDay'>): boolean {
  return day.phase === 'block' && !day.washout && day.date <= input.lastDay && !input.excluded?.has(day.date);
}

function meanOf(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function spread(values: number[]): number {
  const mean = meanOf(values) ?? 0;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return Math.sqrt(variance) || 1;
}

/** The analysable outcome totals of each pair, first and second block. */
export function pairTotals(
  input: Pick<AnalysisInput, 'schedule' | 'outcome' | 'excluded' | 'lastDay'>,
  pairCount: number,
): PairData[] {
  const pairs: PairData[] = Array.from({ length: pairCount }, () => ({ sum: [0, 0], count: [0, 0] }));
  for (const day of input.schedule) {
    if (day.pair === null || day.block === null || !analysable(day, input)) continue;
    const value = input.outcome.get(day.date);
    if (value === null || value === undefined) continue;
    const position = (day.block % 2) as 0 | 1;
    pairs[day.pair]!.sum[position] += value;
    pairs[day.pair]!.count[position]++;
  }
  return pairs;
}

/**
 * The main, as-planned analysis: days count under the arm the plan assigned them, whatever was
 * actually eaten or taken. effect = mean(on) − mean(off); for randomised designs the exact
 * randomisation test over all 2^k pair orders gives p, and inverting it gives the interval.
 */
export function analyseExperiment(input: AnalysisInput): ExperimentAnalysis {
  const on: number[] = [];
  const off: number[] = [];
  for (const day of input.schedule) {
    if (!analysable(day, input)) continue;
    const value = input.outcome.get(day.date);
    if (value === null || value === undefined) continue;
    (day.arm === 'on' ? on : off).push(value);
  }
  const meanOn = meanOf(on);
  const meanOff = meanOf(off);
  const base: ExperimentAnalysis = {
    effect: meanOn !== null && meanOff !== null ? meanOn - meanOff : null,
    ciLow: null,
    ciHigh: null,
    p: null,
    minP: null,
    assignments: 0,
    daysOn: on.length,
    daysOff: off.length,
    meanOn,
    meanOff,
    adherence: input.adherence,
    status: input.finished ? 'complete' : 'interim',
    reason: null,
  };
  const first = input.schedule[0];
  if (!first || input.lastDay < first.date) {
    return { ...base, status: 'not-started', reason: 'The experiment has not started yet.' };
  }
  if (on.length < MIN_DAYS_PER_ARM || off.length < MIN_DAYS_PER_ARM) {
    return {
      ...base,
      status: 'not-enough-data',
      reason: `Too few days to analyse yet: ${on.length} "on" and ${off.length} "off" days are logged outside the settling-in days; at least ${MIN_DAYS_PER_ARM} of each are needed.`,
    };
  }
  if (input.design === 'before-after') {
    return {
      ...base,
      status: 'not-randomised',
      reason:
        'A before/after comparison has no random order, so no test can tell the change from anything else that changed at the same time.',
    };
  }
  const pairCount = input.orders.length;
  const pairs = pairTotals(input, pairCount);
  const complete = pairs.filter((pair) => pair.count[0] > 0 && pair.count[1] > 0).length;
  if (complete < MIN_COMPLETE_PAIRS) {
    return {
      ...base,
      status: 'not-enough-data',
      reason: `Too few pairs to analyse yet: ${complete} pair${complete === 1 ? ' has' : 's have'} logged days in both blocks; at least ${MIN_COMPLETE_PAIRS} are needed.`,
    };
  }
  const observed = effectFor(pairs, input.orders);
  const lines = assignmentLines(pairs, input.orders);
  let extreme = 0;
  const bar = Math.abs(observed) - 1e-9 * (1 + Math.abs(observed));
  for (const value of lines.level) if (!(Math.abs(value) < bar)) extreme++;
  const interval = invertTest(lines, observed, EXPERIMENT_ALPHA, spread([...on, ...off]));
  return {
    ...base,
    effect: observed,
    p: extreme / lines.level.length,
    minP: Math.min(1, 2 / lines.level.length),
    assignments: lines.level.length,
    ciLow: interval.low,
    ciHigh: interval.high,
  };
}

/**
 * The secondary, as-done comparison: analysable days on which the thing was actually present
 * against days it was absent, whatever the plan said. Not protected by the random order: a day
 * someone broke the plan may differ in other ways too.
 */
export function analyseAsDone(
  input: Pick<AnalysisInput, 'schedule' | 'outcome' | 'excluded' | 'lastDay'>,
  exposure: ReadonlyMap<string, boolean | null>,
): AsDoneAnalysis {
  const on: number[] = [];
  const off: number[] = [];
  for (const day of input.schedule) {
    if (!analysable(day, input)) continue;
    const value = input.outcome.get(day.date);
    const exposed = exposure.get(day.date);
    if (value === null || value === undefined || exposed === null || exposed === undefined) continue;
    (exposed ? on : off).push(value);
  }
  const meanOn = meanOf(on);
  const meanOff = meanOf(off);
  return {
    effect: meanOn !== null && meanOff !== null ? meanOn - meanOff : null,
    daysOn: on.length,
    daysOff: off.length,
    meanOn,
    meanOff,
  };
}
