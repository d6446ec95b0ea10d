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

export type AnalysisStatus = 'complete' | 'interim' | 'not-enough-data' | 'not-randomised' | 'not-started';

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

export type ExperimentState = 'planned' | 'running' | 'finished' | 'stopped';

/** What was frozen when the experiment was made. */
export interface ExperimentPlan extends ExperimentPlanInput {
  factorKey: string;
  factorLabel: string;
  /** "yesno" factors are on when present; number factors when at least `onThreshold`. */
  factorKind: 'yesno' | 'number';
  factorUnit: string;
  onThreshold: number | null;
  outcomeKey: string;
  outcomeLabel: string;
  outcomeUnit: string;
  /** Other outcomes shown as exploratory. */
  secondaryKeys: string[];
  onText: string;
  offText: string;
  seed: number;
  /** The start date was before the day the plan was made ("planned after the fact"). */
  backdated: boolean;
  /** The change the planner was asked about and what it predicted when the plan was made. */
  targetChange: number;
  predictedPower: number | null;
  detectableChange: number | null;
  /** The Insights finding the experiment came from, in its own words (or null). */
  fromFinding: string | null;
}

export interface ExperimentDeviation {
  id: number;
  kind: 'pause' | 'stop' | 'peek';
  fromDate: string;
  toDate: string;
  reason: string;
  recordedAt: string;
}

export interface TodayAssignment {
  experimentId: number;
  title: string;
  date: string;
  arm: Arm;
  /** The words of the arm ("No dairy at all"). */
  text: string;
  washout: boolean;
  phase: 'run-in' | 'block';
  /** 1-based block and the number of blocks (run-in: 0). */
  block: number;
  blockCount: number;
  dayOfBlock: number;
  daysInBlock: number;
  /** What the journal says about that day: followed, not followed, or cannot tell (null). */
  followed: boolean | null;
  /** Where `followed` came from. */
  followedFrom: 'journal' | 'check-in' | null;
  /** True when the journal cannot tell and a one-tap answer is asked for. */
  needsCheckIn: boolean;
}

export interface ExperimentSummary {
  id: number;
  title: string;
  plan: ExperimentPlan;
  state: ExperimentState;
  createdAt: string;
  /** The plan's last day. */
  endDate: string;
  endedOn: string | null;
  endReason: string | null;
  /** Days of the plan that have passed, and the total. */
  daysDone: number;
  daysTotal: number;
  daysLeft: number;
  /** Share of days so far that followed the plan (days the journal or a check-in can tell). */
  adherence: number | null;
  /** Days so far where nobody can tell yet. */
  daysUnknown: number;
}

export interface AdherenceDay {
  date: string;
  followed: boolean | null;
  from: 'journal' | 'check-in' | null;
}

/**
 * A secondary outcome, analysed with the same randomisation test as the main one but labelled
 * exploratory: with several outcomes, one of them differing by chance becomes more likely.
 */
export interface SecondaryOutcome {
  key: string;
  label: string;
  unit: string;
  analysis: ExperimentAnalysis;
  /** The result in one plain sentence, starting "Exploratory:". */
  sentence: string;
}

/** Said wherever secondary outcomes are shown. */
export const EXPLORATORY_NOTE =
  'Exploratory: these extra outcomes were not the one chosen before starting. Looking at several outcomes makes one chance difference more likely, so treat them as ideas for a next experiment, not as results.';

export interface ExperimentDetail extends ExperimentSummary {
  schedule: ScheduleDay[];
  deviations: ExperimentDeviation[];
  adherenceDays: AdherenceDay[];
  /** The outcome on each day of the schedule (null: not logged). */
  outcome: (number | null)[];
  /** Null while the experiment runs and the person has not asked to see it. */
  analysis: ExperimentAnalysis | null;
  asDone: AsDoneAnalysis | null;
  /** The result (or why there is none yet) as plain sentences. */
  sentences: string[];
  /** Secondary outcomes, exploratory (empty while the result is hidden). */
  secondary: SecondaryOutcome[];
  /** The secondary outcomes' names, shown with the plan even while the result is hidden. */
  secondaryLabels: string[];
  /** True when the result is hidden because the experiment is still running. */
  hidden: boolean;
}

/** What Insights and the report show of a finished or ended experiment: design, adherence, result, chart data. */
export const FINISHED_EXPERIMENT_FIELDS = [
  'id',
  'title',
  'plan',
  'state',
  'endDate',
  'endedOn',
  'endReason',
  'adherence',
  'schedule',
  'outcome',
  'deviations',
  'sentences',
  'analysis',
  'secondary',
] as const satisfies readonly (keyof ExperimentDetail)[];

/** A finished or ended experiment as Insights and the report show it (FINISHED_EXPERIMENT_FIELDS). */
export type FinishedExperiment = Pick<ExperimentDetail, (typeof FINISHED_EXPERIMENT_FIELDS)[number]>;

export interface PlanPreview {
  power: number | null;
  detectableChange: number | null;
  minP: number | null;
  canReach: boolean;
  simulations: number;
  lengthDays: number;
  endDate: string;
  history: { sd: number; carryOver: number; missingShare: number; daysLogged: number; fromJournal: boolean };
  /** Plain sentences: what the design can detect, the p floor, the history used. */
  sentences: string[];
  /** Safety sentences that apply to this factor. */
  safety: string[];
  /** A problem that stops the plan (the design cannot reach the level), in words; null if none. */
  warning: string | null;
}

export interface ExperimentChoice {
  key: string;
  label: string;
  kind: 'yesno' | 'number';
  unit: string;
  group: string;
}

export interface ExperimentChoices {
  factors: ExperimentChoice[];
  outcomes: ExperimentChoice[];
}

/** Safety advice in plain words for a thing to test (by its series key). */
export function safetySentences(factorKey: string): string[] {
  const sentences: string[] = [];
  if (factorKey.startsWith('food.') || factorKey.startsWith('servings.')) {
    sentences.push(
      'Talk to a doctor or a dietitian before cutting out a whole food group, especially for more than a couple of weeks or if you are pregnant, growing, or have had an eating disorder.',
    );
  }
  if (factorKey.startsWith('treatment.') || factorKey.startsWith('custom.') || factorKey === 'servings.fermented') {
    sentences.push('Talk to your doctor or pharmacist before starting a supplement or a probiotic.');
  }
  sentences.push('Never stop or change a prescribed medicine for an experiment.');
  sentences.push('If your skin or gut gets much worse, stop the experiment and see your doctor.');
  return sentences;
}

/** Default words for "on" and "off" (the person can change them). */
export function defaultArmTexts(
  choice: Pick<ExperimentChoice, 'key' | 'label' | 'kind' | 'unit'>,
  threshold: number | null,
): { onText: string; offText: string } {
  const lower =
    choice.key.startsWith('custom.') || choice.key.startsWith('treatment.') ? choice.label : choice.label.toLowerCase();
  if (choice.kind === 'number') {
    const amount = threshold === null ? 'some' : `at least ${threshold} ${choice.unit}`.trim();
    const less = threshold === null ? 'none' : `less than ${threshold} ${choice.unit}`.trim();
    return { onText: `${choice.label}: ${amount}`, offText: `${choice.label}: ${less}` };
  }
  if (choice.key.startsWith('food.')) return { onText: `${choice.label} as usual`, offText: `No ${lower} at all` };
  if (choice.key.startsWith('treatment.')) return { onText: `Take ${choice.label}`, offText: `No ${choice.label}` };
  return { onText: `${choice.label}: yes`, offText: `${choice.label}: no` };
}

/** The optional reminder to log a running experiment (a journal setting, off unless chosen). */
export interface ExperimentReminderSetting {
  enabled: boolean;
  /** Local time of day, "HH:MM". */
  time: string;
}

export const DEFAULT_EXPERIMENT_REMINDER: ExperimentReminderSetting = { enabled: false, time: '20:00' };

/**
 * The notification's only words. It can show on a lock screen, so it never names the experiment,
 * the food or the skin — nothing about the person's health.
 */
export const EXPERIMENT_REMINDER_TITLE = 'Axis Journal';
export const EXPERIMENT_REMINDER_BODY = 'Time to log today’s experiment.';

export interface ExperimentReminderStatus extends ExperimentReminderSetting {
  /** Date ranges (inclusive) on which an experiment runs or will run, earliest first. */
  ranges: { from: string; to: string }[];
  /** The date this status was worked out for. */
  today: string;
  /** True when every experiment running today already has today told (by the journal or a one-tap answer). */
  todayLogged: boolean;
}

function isoOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * When the experiment reminder should next appear: the first local `time` after `now` on a day an
 * experiment runs, or null (off, or no experiment ahead). Today's is skipped when today is already
 * logged. Built from local calendar fields, so summer time moves it with the clock.
 */
export function nextExperimentReminder(
  now: Date,
  status: Pick<ExperimentReminderStatus, 'enabled' | 'time' | 'ranges' | 'today' | 'todayLogged'>,
): Date | null {
  if (!status.enabled || status.ranges.length === 0) return null;
  const [hours, minutes] = status.time.split(':').map(Number) as [number, number];
  const last = status.ranges.reduce((max, r) => (r.to > max ? r.to : max), '');
  for (let offset = 0; offset < 3700; offset++) {
    const at = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, hours, minutes, 0, 0);
    const date = isoOf(at);
    if (date > last) return null;
    if (at.getTime() <= now.getTime()) continue;
    if (date === status.today && status.todayLogged) continue;
    if (status.ranges.some((r) => r.from <= date && date <= r.to)) return at;
  }
  return null;
}
