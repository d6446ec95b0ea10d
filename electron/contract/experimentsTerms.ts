/** Self-experiment vocabulary and shapes, free of zod so the renderer can import it cheaply. */

export const EXPERIMENT_DESIGNS = ['pairs', 'elimination', 'before-after'] as const;
export type ExperimentDesign = (typeof EXPERIMENT_DESIGNS)[number];

export const DESIGN_LABELS: Record<ExperimentDesign, string> = {
  pairs: 'Randomised pairs of blocks',
  elimination: 'Elimination, then randomised reintroduction',
  'before-after': 'Before and after (weaker)',
};

/** Limits a plan must stay within (the contract and the CLI check them). */
export const MAX_PAIRS = 16;
export const MIN_BLOCK_DAYS = 2;
export const MAX_BLOCK_DAYS = 56;
/** The significance level the planner and the result sentence use. */
export const EXPERIMENT_ALPHA = 0.05;
/** The default design: enough pairs that p can go below 0.05 (2/2^6 = 0.031). */
export const DEFAULT_PAIRS = 6;
export const DEFAULT_BLOCK_DAYS = 7;
export const DEFAULT_WASHOUT_DAYS = 2;

export type Arm = 'on' | 'off';

/** One calendar day of a frozen plan. */
export interface ScheduleDay {
  date: string;
  arm: Arm;
  /** A settling-in day the analysis leaves out. */
  washout: boolean;
  /** `run-in`: the avoid phase before an elimination's randomised pairs (not analysed). */
  phase: 'run-in' | 'block';
  /** 0-based block (null in the run-in) and pair (null in the run-in and for before/after). */
  block: number | null;
  pair: number | null;
  /** 1-based day within its block or run-in. */
  dayOfBlock: number;
}

export interface ExperimentPlanInput {
  design: ExperimentDesign;
  pairs: number;
  blockDays: number;
  washoutDays: number;
  startDate: string;
  /** Pair orders: 0 = on then off, 1 = off then on (drawn from the seed when the plan is made). */
  orders: number[];
  /** Elimination only: days of the avoid phase before the pairs. */
  runInDays: number;
}

export type AnalysisStatus =
  | 'complete'
  | 'interim'
  | 'not-enough-data'
  | 'not-randomised'
  | 'not-started';

export interface ExperimentAnalysis {
  /** mean(outcome on "on" days) − mean(outcome on "off" days), washout and missing days left out. */
  effect: number | null;
  /** 95% interval by inverting the randomisation test (null when the design cannot give one). */
  ciLow: number | null;
  ciHigh: number | null;
  /** Two-sided exact randomisation p (observed assignment included); null when not randomised. */
  p: number | null;
  /** Smallest p the design could ever give (2 / 2^k for k pairs). */
  minP: number | null;
  /** How many assignments the test enumerated. */
  assignments: number;
  daysOn: number;
  daysOff: number;
  meanOn: number | null;
  meanOff: number | null;
  /** Share of days so far that followed the plan (0–1), null when nothing could be told. */
  adherence: number | null;
  status: AnalysisStatus;
  /** Why the analysis could not run, in words. */
  reason: string | null;
}

/** As-done: outcome on days the factor was actually present vs absent (not protected by randomisation). */
export interface AsDoneAnalysis {
  effect: number | null;
  daysOn: number;
  daysOff: number;
  meanOn: number | null;
  meanOff: number | null;
}
