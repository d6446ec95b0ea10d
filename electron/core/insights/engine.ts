import {
  FINDING_Q,
  inSentence,
  MIN_DAYS_EACH_WAY,
  MIN_PAIRS,
  type DailySeries,
  type InsightDirection,
  type InsightGroups,
  type InsightTest,
  type InsightsResult,
} from '../../contract/insights';
import { codeSeries, RankCorrelator, type CodedSeries } from './rankCorrelation';
import { describeTest } from './sentences';
import { benjaminiHochberg, mean, standardDeviation, twoSidedStudentP } from './stats';

/**
 * Shifts closer than the longest lag plus this many days to zero are left out of the null:
 * there the shifted factor could still line up with a real effect or with its own carry-over.
 */
export const SHIFT_GUARD_DAYS = 4;
/** Fewer usable shifts than this and the null says too little: the test waits for more days. */
export const MIN_SHIFTS = 10;
/** Long journals use this many shifts, evenly spread, instead of every possible one. */
export const MAX_SHIFTS = 365;

const STOOL_KEY = 'gut.stool';

export interface EngineInput {
  dates: readonly string[];
  series: readonly DailySeries[];
}

export interface EngineOptions {
  maxLag: number;
  maxShifts?: number;
  onProgress?: (done: number, total: number) => void;
  now?: () => number;
}

interface Plan {
  factor: DailySeries;
  outcome: DailySeries;
  direction: InsightDirection;
}

/**
 * Tests every factor × outcome × lag of a journal:
 * - the statistic is Spearman's rho between the factor on day t and the outcome on day t + lag;
 * - its null distribution comes from circularly shifting the factor's whole calendar (which
 *   keeps its day-to-day carry-over and its pattern of missing days) against the outcome;
 * - p is two-sided: how far rho lies from the shifted rhos, in units of their spread, read off
 *   the normal curve (a year allows only ~340 shifts, so counting shifts alone could never give
 *   p below 1/341 — too coarse to survive a correction for a thousand tests);
 * - Benjamini–Hochberg turns p into q over every test the run could make.
 */
export function runInsights(input: EngineInput, options: EngineOptions): InsightsResult {
  const days = input.dates.length;
  const maxLag = options.maxLag;
  const plans = planTests(input.series);
  const coded = new Map<string, CodedSeries>();
  const code = (series: DailySeries): CodedSeries => {
    let found = coded.get(series.key);
    if (!found) coded.set(series.key, (found = codeSeries(series.values)));
    return found;
  };
  const shifts = chooseShifts(days, maxLag, options.maxShifts ?? MAX_SHIFTS);
  // Enough shifts need a long enough calendar: they run from the guard to days − guard.
  const calendarShortfall = Math.max(0, MIN_SHIFTS + 2 * (maxLag + SHIFT_GUARD_DAYS) - 1 - days);
  const maxLevels = Math.max(2, ...input.series.map((s) => code(s).levels.length));
  const correlator = new RankCorrelator(days, maxLevels);
  const total = plans.length * (maxLag + 1);
  const tests: InsightTest[] = [];
  const tested: InsightTest[] = [];
  let done = 0;
  let reportedAt = -1;


  for (const plan of plans) {
    const factor = code(plan.factor);
    const outcome = code(plan.outcome);
    const observed = Array.from({ length: maxLag + 1 }, (_, lag) => observe(plan, factor, outcome, lag, correlator, calendarShortfall));
    const testable = observed.filter((test) => test.status === 'no-finding');
    const nullShape = testable.length > 0 ? shiftedNull(factor, outcome, shifts, correlator) : null;
    for (const test of testable) {
      test.p = nullShape ? pFromNull(test.rho!, test.n, nullShape) : 1;
      tested.push(test);
    }
    tests.push(...observed);
    done += observed.length;
    const percent = Math.floor((done / total) * 100);
    if (percent !== reportedAt) {
      reportedAt = percent;
      options.onProgress?.(done, total);
    }
  }

  const q = benjaminiHochberg(tested.map((test) => test.p!));
  tested.forEach((test, i) => {
    test.q = q[i]!;
    if (test.q < FINDING_Q) test.status = 'finding';
  });
  for (const test of tests) test.sentence = describeTest(test);

  const logged = input.dates.filter((_, i) => input.series.some((s) => s.values[i] !== null));
  return {
    generatedAt: new Date((options.now ?? Date.now)()).toISOString(),
    from: logged[0] ?? null,
    to: logged.at(-1) ?? null,
    daysLogged: logged.length,
    maxLag,
    shifts: shifts.length,
    testsRun: tested.length,
    pairsTested: new Set(tested.map((test) => `${test.factor}→${test.outcome}`)).size,
    daysNeeded: tested.length > 0 ? null : fewestDaysNeeded(tests),
    findings: bestFindings(tests),
    explained: [],
    sharedTrends: [],
    candidates: [],
    beforeAfter: [],
    tests: tests.sort(byEvidence),
  };
}

/** Gut and lifestyle factors against skin and gut outcomes; skin measures against gut outcomes. */
export function planTests(series: readonly DailySeries[]): Plan[] {
  const factors = series.filter((s) => s.role === 'factor');
  const skin = series.filter((s) => s.role === 'skin');
  const gut = series.filter((s) => s.role === 'gut');
  // Stool type is a gut outcome of the skin only; diet against stool form is not this app's question.
  const gutFeelings = gut.filter((s) => s.key !== STOOL_KEY);
  const plans: Plan[] = [];
  for (const factor of factors) {
    for (const outcome of [...skin, ...gutFeelings]) plans.push({ factor, outcome, direction: 'gut-to-skin' });
  }
  for (const factor of skin) {
    for (const outcome of gut) plans.push({ factor, outcome, direction: 'skin-to-gut' });
  }
  return plans;
}

/**
 * The shifts making up each null: every shift at least `maxLag + SHIFT_GUARD_DAYS` days from
 * zero either way round the circle, thinned evenly to at most `maxShifts`.
 */
export function chooseShifts(days: number, maxLag: number, maxShifts: number): number[] {
  const guard = maxLag + SHIFT_GUARD_DAYS;
  const all: number[] = [];
  for (let shift = guard; shift <= days - guard; shift++) all.push(shift);
  if (all.length <= maxShifts) return all;
  return Array.from({ length: maxShifts }, (_, i) => all[Math.floor((i * all.length) / maxShifts)]!);
}

/** The observed (unshifted) test: pairs, rho, the two groups and whether there is enough data. */
function observe(plan: Plan, factor: CodedSeries, outcome: CodedSeries, lag: number, correlator: RankCorrelator, longer: number): InsightTest {
  const rho = correlator.rho(factor, outcome, lag, 0, true);
  const n = correlator.n;
  const { x, y } = correlator.pairs();
  const groups = compareGroups(plan.factor, factor, outcome, x, y);
  const test: InsightTest = {
    factor: plan.factor.key,
    factorLabel: plan.factor.label,
    factorKind: plan.factor.kind,
    factorUnit: plan.factor.unit,
    outcome: plan.outcome.key,
    outcomeLabel: plan.outcome.label,
    outcomeUnit: plan.outcome.unit,
    direction: plan.direction,
    lag,
    n,
    rho: Number.isNaN(rho) ? null : rho,
    effect: groups && groups.high.mean !== null && groups.low.mean !== null ? groups.high.mean - groups.low.mean : null,
    ciLow: null,
    ciHigh: null,
    groups,
    p: null,
    q: null,
    status: 'no-finding',
    explainedBy: null,
    movesWith: [],
    flags: lag === 0 ? ['same-day'] : [],
    needed: null,
    title: `${plan.outcome.label} and ${inSentence(plan.factor.label, plan.factor.key)}`,
    sentence: '',
  };
  const needed = daysNeeded(plan.factor, groups, n);
  if (needed || longer > 0) {
    test.status = 'not-enough-data';
    const days = Math.max(needed?.days ?? 0, longer);
    const journal = `a journal ${longer} ${plural(longer, 'day')} longer`;
    test.needed = { days, text: needed && longer > 0 ? `${needed.text}, and ${journal},` : needed ? needed.text : journal };
  } else if (test.rho === null) {
    test.status = 'no-variation';
  }
  return test;
}

/** Yes/no: days with against days without. Numbers: the top half of days against the bottom half. */
function compareGroups(series: DailySeries, factor: CodedSeries, outcome: CodedSeries, x: Int32Array, y: Int32Array): InsightGroups | null {
  if (x.length === 0) return null;
  let split: number | null = null;
  let highIncludesSplit = false;
  let isHigh: (level: number) => boolean;
  if (series.kind === 'yesno') {
    isHigh = (level) => level > 0;
  } else {
    const sorted = Array.from(x, (code) => factor.levels[code]!).sort((a, b) => a - b);
    const median = (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.floor(sorted.length / 2)]!) / 2;
    // With many ties at the top (say most days at the maximum), "at or above" keeps both halves filled.
    const strict = sorted.at(-1)! > median;
    split = median;
    highIncludesSplit = !strict;
    isHigh = strict ? (level) => level > median : (level) => level >= median;
  }
  let highSum = 0;
  let highDays = 0;
  let lowSum = 0;
  let lowDays = 0;
  for (let i = 0; i < x.length; i++) {
    const value = outcome.levels[y[i]!]!;
    if (isHigh(factor.levels[x[i]!]!)) {
      highSum += value;
      highDays++;
    } else {
      lowSum += value;
      lowDays++;
    }
  }
  const yesno = series.kind === 'yesno';
  return {
    highLabel: yesno ? 'with' : 'higher',
    lowLabel: yesno ? 'without' : 'lower',
    high: { days: highDays, mean: highDays ? highSum / highDays : null },
    low: { days: lowDays, mean: lowDays ? lowSum / lowDays : null },
    split,
    highIncludesSplit,
  };
}

function daysNeeded(series: DailySeries, groups: InsightGroups | null, n: number): InsightTest['needed'] {
  if (series.kind === 'yesno') {
    const withMore = Math.max(0, MIN_DAYS_EACH_WAY - (groups?.high.days ?? 0));
    const withoutMore = Math.max(0, MIN_DAYS_EACH_WAY - (groups?.low.days ?? 0));
    if (withMore + withoutMore === 0) return null;
    const parts = [withMore ? `${withMore} more ${plural(withMore, 'day')} with it` : '', withoutMore ? `${withoutMore} more ${plural(withoutMore, 'day')} without it` : ''];
    return { days: withMore + withoutMore, text: parts.filter(Boolean).join(' and ') };
  }
  if (n >= MIN_PAIRS) return null;
  const more = MIN_PAIRS - n;
  return { days: more, text: `${more} more ${plural(more, 'day')} with both recorded` };
}

interface NullShape {
  centre: number;
  spread: number;
  /** Average pairs per shifted rho (the spread shrinks as pairs grow). */
  pairs: number;
  /** How many independent draws the shifted rhos are worth (see `effectiveDraws`). */
  draws: number;
}

/**
 * The circular-shift null of one factor × outcome. Lag L with shift s pairs the same days as
 * lag 0 with shift s + L (less L days at the edge), so one set of shifts serves every lag.
 * Null when too few shifts leave both sides varying.
 */
function shiftedNull(factor: CodedSeries, outcome: CodedSeries, shifts: readonly number[], correlator: RankCorrelator): NullShape | null {
  const rhos: number[] = [];
  let pairs = 0;
  for (const shift of shifts) {
    const rho = correlator.rho(factor, outcome, 0, shift);
    // A shift that leaves one side constant (e.g. a factor logged only briefly) says nothing.
    if (Number.isNaN(rho)) continue;
    rhos.push(rho);
    pairs += correlator.n;
  }
  if (rhos.length < MIN_SHIFTS) return null;
  const centre = mean(rhos)!;
  return { centre, spread: standardDeviation(rhos)!, pairs: pairs / rhos.length, draws: effectiveDraws(rhos, centre) };
}

/**
 * Neighbouring shifts give similar rhos when the series carry over from day to day, so 340
 * shifts may be worth only a few dozen independent draws, and their spread is known less well
 * than it seems. The shifted rhos are treated as an AR(1) sequence: with lag-1 autocorrelation
 * φ they are worth n·(1 − φ)/(1 + φ) independent draws, which sets the degrees of freedom of the
 * Student t that turns distance from the null into p. (Without it, p was measured 2–5× too
 * small in the tail on journals with no real effect.)
 */
export function effectiveDraws(rhos: readonly number[], centre: number): number {
  const count = rhos.length;
  let variance = 0;
  let covariance = 0;
  for (let i = 0; i < count; i++) {
    const deviation = rhos[i]! - centre;
    variance += deviation * deviation;
    if (i + 1 < count) covariance += deviation * (rhos[i + 1]! - centre);
  }
  if (variance === 0) return count;
  const phi = Math.min(0.95, Math.max(0, covariance / variance));
  return Math.max(3, (count * (1 - phi)) / (1 + phi));
}

/** Two-sided p of an observed rho: its distance from the null's centre in units of the null's spread. */
function pFromNull(observed: number, n: number, shape: NullShape): number {
  const spread = shape.spread * Math.sqrt(shape.pairs / n);
  if (spread === 0) return observed === shape.centre ? 1 : 0;
  return twoSidedStudentP((observed - shape.centre) / spread, shape.draws - 1);
}

/** One finding per factor × outcome: its strongest lag, when that lag passes the q threshold. */
function bestFindings(tests: readonly InsightTest[]): InsightTest[] {
  const best = new Map<string, InsightTest>();
  for (const test of tests) {
    if (test.status !== 'finding') continue;
    const key = `${test.factor}→${test.outcome}`;
    const current = best.get(key);
    if (!current || byEvidence(test, current) < 0) best.set(key, test);
  }
  return [...best.values()].sort(byEvidence);
}

const STATUS_ORDER = { finding: 0, explained: 1, 'no-finding': 2, 'no-variation': 3, 'not-enough-data': 4 } as const;

/** Findings first; then smaller p; then larger |rho|. */
function byEvidence(a: InsightTest, b: InsightTest): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.p ?? 2) - (b.p ?? 2) ||
    Math.abs(b.rho ?? 0) - Math.abs(a.rho ?? 0) ||
    a.lag - b.lag
  );
}

function fewestDaysNeeded(tests: readonly InsightTest[]): number | null {
  const needs = tests.flatMap((test) => (test.needed ? [test.needed.days] : []));
  return needs.length ? Math.min(...needs) : null;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
