import {
  FINDING_Q,
  inSentence,
  MIN_DAYS_EACH_WAY,
  MIN_PAIRS,
  type InsightDirection,
  type InsightFlag,
  type InsightGroups,
  type InsightTest,
  type InsightsResult,
} from '../../contract/insights';
import type { DailySeries } from '../../contract/trends';
import { explainCoMoving, type PairOutcome } from './coMoving';
import type { Prepared } from './prepared';
import { codeSeries, RankCorrelator, type CodedSeries } from './rankCorrelation';
import { describeTest } from './sentences';
import { benjaminiHochberg, correlationP, effectWithInterval, simpleRegression, studentQuantile } from './stats';
import {
  autocorrelation,
  effectiveLags,
  effectivePairs,
  fastPart,
  laggedCorrelation,
  prewhiten,
  rankScaled,
  runningLevel,
  toArray,
} from './timeSeries';

/** Autocorrelations kept per series: the slow test sums further than the day-to-day one. */
const ACF_DAYS = 120;
const ACF_FAST_DAYS = 40;
/**
 * A slow-drift link is described (flag `shared-trend`) when the slow levels correlate at least
 * this much with p below this (on their few effective pairs: a year holds only ~5–15 independent
 * slow stretches). It is a description of the record, not a finding: it replaces "could well be
 * chance" on a pair that is not a finding, and claims nothing about cause.
 */
const SHARED_TREND_P = 0.05;
const SHARED_TREND_R = 0.5;
/** A candidate is shown as "too early to tell" when its pair's p is below this and it needs at most as many more days as there are. */
const CANDIDATE_P = 0.05;
const MAX_CANDIDATES = 3;
/** A yes/no factor that switched at most this many times is a before/after question, not a day-to-day one. */
const STEP_SWITCHES = 2;

const STOOL_KEY = 'gut.stool';

export interface EngineInput {
  dates: readonly string[];
  series: readonly DailySeries[];
}

export interface EngineOptions {
  maxLag: number;
  onProgress?: (done: number, total: number) => void;
  now?: () => number;
}

interface Plan {
  factor: DailySeries;
  outcome: DailySeries;
  direction: InsightDirection;
}

/**
 * Tests every factor–outcome pair of a journal across lags 0…maxLag (docs/insights-method.md):
 * 1. each series is rank-scaled and split into a slow part (a centred ~4-week running level) and
 *    a day-to-day part; the test correlates the factor's day-to-day part, its own carry-over taken
 *    out (AR(1) prewhitening), on day t against the outcome's on day t + lag;
 * 2. each lag's p comes from a t distribution on the effective number of independent pairs,
 *    corrected for both series' own autocorrelation (Bartlett; Pyper & Peterman 1998);
 * 3. the pair is tested once: its clearest lag against the maximum over its lags (Šidák over the
 *    effective number of lags, Nyholt 2004), and Benjamini–Hochberg corrects over pairs;
 * 4. findings accounted for by a stronger co-moving factor become `explained` (coMoving.ts);
 *    links only in the slow parts are described as shared trends; one-time changes as before/after;
 * 5. effects come with a 95 % interval from the same day-to-day regression.
 */
export function runInsights(input: EngineInput, options: EngineOptions): InsightsResult {
  const days = input.dates.length;
  const maxLag = options.maxLag;
  const plans = planTests(input.series);
  const prepared = new Map<string, Prepared>();
  const prepare = (series: DailySeries): Prepared => {
    let found = prepared.get(series.key);
    if (!found) prepared.set(series.key, (found = prepareSeries(series)));
    return found;
  };
  const maxLevels = Math.max(2, ...input.series.map((s) => prepare(s).coded.levels.length));
  const correlator = new RankCorrelator(days, maxLevels);
  const total = plans.length;
  const tests: InsightTest[] = [];
  const pairs: PairOutcome[] = [];
  let reportedAt = -1;

  plans.forEach((plan, done) => {
    const factor = prepare(plan.factor);
    const outcome = prepare(plan.outcome);
    const observed = Array.from({ length: maxLag + 1 }, (_, lag) => observe(plan, factor, outcome, lag, correlator));
    tests.push(...observed);
    const pair = testPair(plan, factor, outcome, observed, days);
    if (pair) pairs.push(pair);
    const percent = Math.floor(((done + 1) / total) * 100);
    if (percent !== reportedAt) {
      reportedAt = percent;
      options.onProgress?.(done + 1, total);
    }
  });

  // One test per pair, corrected over pairs.
  const tested = pairs.filter((pair) => pair.p !== null);
  const q = benjaminiHochberg(tested.map((pair) => pair.p!));
  tested.forEach((pair, i) => (pair.q = q[i]!));

  for (const pair of tested) {
    for (const test of pair.lags) test.q = pair.q;
    if (pair.q! < FINDING_Q) pair.best!.status = 'finding';
    else if (
      pair.slowP !== null &&
      pair.slowP < SHARED_TREND_P &&
      Math.abs(pair.slowR!) >= SHARED_TREND_R &&
      // "Day to day they did not move together" is only said when the day-to-day test shows little:
      // a pair whose own test is suggestive stays a "too early to tell" candidate instead.
      pair.p! >= CANDIDATE_P
    ) {
      for (const test of pair.lags) addFlag(test, 'shared-trend');
    }
  }
  const found = tested.filter((pair) => pair.best!.status === 'finding');
  explainCoMoving(found, (FINDING_Q * found.length) / Math.max(1, tested.length));
  const candidates = markCandidates(tested, tested.length, days);
  const names = new Map(input.series.map((series) => [series.key, inSentence(series.label, series.key)]));
  for (const test of tests) test.sentence = describeTest(test, names);

  const logged = input.dates.filter((_, i) => input.series.some((s) => s.values[i] !== null));
  const bestOf = (status: InsightTest['status']) =>
    tested
      .map((pair) => pair.best!)
      .filter((test) => test.status === status)
      .sort(byEvidence);
  return {
    generatedAt: new Date((options.now ?? Date.now)()).toISOString(),
    from: logged[0] ?? null,
    to: logged.at(-1) ?? null,
    daysLogged: logged.length,
    maxLag,
    shifts: 0,
    testsRun: tests.filter((test) => test.p !== null).length,
    pairsTested: tested.length,
    daysNeeded: tested.length > 0 ? null : fewestDaysNeeded(tests),
    findings: bestOf('finding'),
    explained: bestOf('explained'),
    sharedTrends: tested
      .filter((pair) => pair.best!.flags.includes('shared-trend'))
      .sort((a, b) => a.slowP! - b.slowP!)
      .map((pair) => pair.best!),
    candidates,
    beforeAfter: pairs.filter((pair) => pair.beforeAfter).map((pair) => pair.beforeAfter!),
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

export function prepareSeries(series: DailySeries): Prepared {
  const raw = toArray(series.values);
  const rank = rankScaled(raw);
  const slowAll = runningLevel(rank);
  const fast = fastPart(rank, slowAll);
  const slow = slowAll.map((value, t) => (Number.isNaN(raw[t]!) ? Number.NaN : value));
  const acfFast = autocorrelation(fast, ACF_FAST_DAYS);
  const white = prewhiten(fast, acfFast[1]!);
  return {
    series,
    coded: codeSeries(series.values),
    raw,
    fast,
    slow,
    acfFast,
    white,
    acfWhite: white === fast ? acfFast : autocorrelation(white, ACF_FAST_DAYS),
    acfSlow: autocorrelation(slow, ACF_DAYS),
    fastRaw: fastPart(raw, runningLevel(raw)),
    step: series.kind === 'yesno' ? findStep(raw) : null,
    highFast: new Map(),
  };
}

/** A yes/no series that switched at most twice between its logged values (a start, maybe a stop). */
function findStep(raw: Float64Array): Prepared['step'] {
  let previous = Number.NaN;
  let switches = 0;
  let first = -1;
  let before = Number.NaN;
  for (let t = 0; t < raw.length; t++) {
    const value = raw[t]!;
    if (Number.isNaN(value)) continue;
    if (Number.isNaN(previous)) before = value;
    else if (value !== previous) {
      switches++;
      if (first < 0) first = t;
      if (switches > STEP_SWITCHES) return null;
    }
    previous = value;
  }
  return switches > 0 ? { index: first, before } : null;
}

/** The observed test at one lag: pairs, rho, the two groups, whether there is enough data. */
function observe(
  plan: Plan,
  factor: Prepared,
  outcome: Prepared,
  lag: number,
  correlator: RankCorrelator,
): InsightTest {
  const rho = correlator.rho(factor.coded, outcome.coded, lag, 0, true);
  const n = correlator.n;
  const { x, y } = correlator.pairs();
  const groups = compareGroups(plan.factor, factor.coded, outcome.coded, x, y);
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
    effect: null,
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
  if (needed) {
    test.status = 'not-enough-data';
    test.needed = needed;
  } else if (test.rho === null) {
    test.status = 'no-variation';
  }
  return test;
}

/**
 * Tests one pair across its lags. Returns null when no lag could be tested. Before/after
 * factors are described, not tested (see `describeBeforeAfter`).
 */
function testPair(
  plan: Plan,
  factor: Prepared,
  outcome: Prepared,
  lags: InsightTest[],
  days: number,
): PairOutcome | null {
  const testable = lags.filter((test) => test.status === 'no-finding');
  if (testable.length === 0) return null;
  const pair: PairOutcome = {
    factor,
    outcome,
    lags,
    best: null,
    p: null,
    q: null,
    slowR: null,
    slowP: null,
    effectiveLags: 1,
    beforeAfter: null,
    days,
  };
  if (factor.step) {
    pair.beforeAfter = describeBeforeAfter(factor, outcome, lags);
    return pair;
  }
  let best: InsightTest | null = null;
  let bestT = 0;
  for (const test of testable) {
    const result = lagCorrelation(factor, outcome, test.lag);
    if (!result) continue;
    test.p = correlationP(result.r, result.nEff - 2);
    const interval = effectInterval(factor, outcome, test);
    if (interval) Object.assign(test, interval);
    const t = Math.abs(result.r) * Math.sqrt((result.nEff - 2) / Math.max(1e-12, 1 - result.r * result.r));
    if (!best || test.p < best.p! || (test.p === best.p && t > bestT)) {
      best = test;
      bestT = t;
      pair.bestR = result.r;
      pair.bestNEff = result.nEff;
      pair.bestNEffFast = effectivePairs(result.n, factor.acfFast, outcome.acfFast);
    }
  }
  if (!best) return null;
  pair.best = best;
  pair.effectiveLags = effectiveLags(
    testable.length - 1,
    factor.acfWhite,
    outcome.acfFast,
    Math.max(...testable.map((test) => test.n)),
  );
  // Šidák over the effective number of lags: P(the smallest of M independent p ≤ p_min).
  pair.p = -Math.expm1(pair.effectiveLags * Math.log1p(-Math.min(best.p!, 1 - 1e-16)));
  for (const test of lags) if (test !== best && test.p !== null) addFlag(test, 'other-lag');
  const slow = slowCorrelation(factor, outcome);
  if (slow) {
    pair.slowR = slow.r;
    pair.slowP = correlationP(slow.r, slow.nEff - 2);
  }
  return pair;
}

/**
 * Correlation of the factor's day-to-day part, its own carry-over taken out (prewhitened), with
 * the outcome's day-to-day part at one lag; with its pairs and effective pairs.
 */
export function lagCorrelation(
  factor: Prepared,
  outcome: Prepared,
  lag: number,
): { r: number; n: number; nEff: number } | null {
  const found = laggedCorrelation(factor.white, outcome.fast, lag);
  return found && { ...found, nEff: effectivePairs(found.n, factor.acfWhite, outcome.acfFast) };
}

/**
 * Correlation of the two slow parts over days with both logged (lag 0), with its effective pairs
 * (autocorrelations summed, tapered, up to a third of the pairs: slow parts carry over for weeks).
 */
export function slowCorrelation(factor: Prepared, outcome: Prepared): { r: number; nEff: number } | null {
  const found = laggedCorrelation(factor.slow, outcome.slow, 0, 28);
  return (
    found && {
      r: found.r,
      nEff: effectivePairs(found.n, factor.acfSlow, outcome.acfSlow, ACF_DAYS, Math.min(ACF_DAYS, found.n / 3)),
    }
  );
}

/**
 * The effect in the outcome's units and its 95 % interval: the least-squares slope of the
 * outcome's day-to-day part on the day-to-day part of "high-group day" (with the factor, or in its
 * top half), read `lag` days later; the slope's standard error is widened by √(n / n*) for both
 * series' autocorrelation (the factor's own, not prewhitened: the slope is on the plain values),
 * and the t quantile uses n* − 2 degrees of freedom.
 */
export function effectInterval(
  factor: Prepared,
  outcome: Prepared,
  test: InsightTest,
): { effect: number; ciLow: number; ciHigh: number } | null {
  const groups = test.groups;
  if (!groups) return null;
  const split = groups.split;
  const key = `${split}:${groups.highIncludesSplit}`;
  let highFast = factor.highFast.get(key);
  if (!highFast) {
    const high = new Float64Array(factor.raw.length);
    for (let t = 0; t < high.length; t++) {
      const value = factor.raw[t]!;
      high[t] = Number.isNaN(value)
        ? Number.NaN
        : split === null
          ? value > 0
            ? 1
            : 0
          : (groups.highIncludesSplit ? value >= split : value > split)
            ? 1
            : 0;
    }
    factor.highFast.set(key, (highFast = fastPart(high, runningLevel(high))));
  }
  const y = outcome.fastRaw;
  const { xs, ys } = scratch(highFast.length);
  let n = 0;
  for (let t = 0; t + test.lag < highFast.length; t++) {
    const a = highFast[t]!;
    const b = y[t + test.lag]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    xs[n] = a;
    ys[n] = b;
    n++;
  }
  const fit = simpleRegression(xs, ys, n);
  if (!fit) return null;
  return effectWithInterval(fit, effectivePairs(n, factor.acfFast, outcome.acfFast), t95);
}

let buffers = { xs: new Float64Array(0), ys: new Float64Array(0) };
/** Two reusable buffers of at least `days` values (the effect and slow-part loops run thousands of times a run). */
function scratch(days: number): { xs: Float64Array; ys: Float64Array } {
  if (buffers.xs.length < days) buffers = { xs: new Float64Array(days), ys: new Float64Array(days) };
  return buffers;
}

const t95Cache = new Map<number, number>();
/** The two-sided 95 % t quantile, cached by degrees of freedom to a quarter (it changes slowly). */
function t95(df: number): number {
  const key = Math.round(df * 4) / 4;
  let value = t95Cache.get(key);
  if (value === undefined) t95Cache.set(key, (value = studentQuantile(0.05, key)));
  return value;
}

/** Yes/no: days with against days without. Numbers: the top half of days against the bottom half. */
function compareGroups(
  series: DailySeries,
  factor: CodedSeries,
  outcome: CodedSeries,
  x: Int32Array,
  y: Int32Array,
): InsightGroups | null {
  if (x.length === 0) return null;
  const levels = factor.levels;
  // Which factor levels are "high": counted per level, so the median needs no sort.
  const high = new Uint8Array(levels.length);
  let split: number | null = null;
  let highIncludesSplit = false;
  if (series.kind === 'yesno') {
    levels.forEach((level, k) => (high[k] = level > 0 ? 1 : 0));
  } else {
    const counts = new Int32Array(levels.length);
    for (let i = 0; i < x.length; i++) counts[x[i]!]!++;
    const median =
      (orderStatistic(counts, levels, Math.floor((x.length - 1) / 2)) +
        orderStatistic(counts, levels, Math.floor(x.length / 2))) /
      2;
    let top = levels.length - 1;
    while (top > 0 && counts[top] === 0) top--;
    // With many ties at the top (say most days at the maximum), "at or above" keeps both halves filled.
    const strict = levels[top]! > median;
    split = median;
    highIncludesSplit = !strict;
    levels.forEach((level, k) => (high[k] = (strict ? level > median : level >= median) ? 1 : 0));
  }
  let highSum = 0;
  let highDays = 0;
  let lowSum = 0;
  let lowDays = 0;
  for (let i = 0; i < x.length; i++) {
    const value = outcome.levels[y[i]!]!;
    if (high[x[i]!]) {
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

/** The value at 0-based position `index` of the sorted values, from per-level counts. */
function orderStatistic(counts: Int32Array, levels: readonly number[], index: number): number {
  let seen = 0;
  for (let k = 0; k < counts.length; k++) {
    seen += counts[k]!;
    if (seen > index) return levels[k]!;
  }
  return levels.at(-1)!;
}

function daysNeeded(series: DailySeries, groups: InsightGroups | null, n: number): InsightTest['needed'] {
  if (series.kind === 'yesno') {
    const withMore = Math.max(0, MIN_DAYS_EACH_WAY - (groups?.high.days ?? 0));
    const withoutMore = Math.max(0, MIN_DAYS_EACH_WAY - (groups?.low.days ?? 0));
    if (withMore + withoutMore === 0) return null;
    const parts = [
      withMore ? `${withMore} more ${plural(withMore, 'day')} with it` : '',
      withoutMore ? `${withoutMore} more ${plural(withoutMore, 'day')} without it` : '',
    ];
    return { days: withMore + withoutMore, text: parts.filter(Boolean).join(' and ') };
  }
  if (n >= MIN_PAIRS) return null;
  const more = MIN_PAIRS - n;
  return { days: more, text: `${more} more ${plural(more, 'day')} with both recorded` };
}

/**
 * A factor that changed once (a supplement started on a date): before against after, in plain
 * numbers, flagged `before-after` on every lag and left out of the tests; the lag-0 row is returned.
 */
function describeBeforeAfter(factor: Prepared, outcome: Prepared, lags: InsightTest[]): InsightTest {
  const step = factor.step!;
  let beforeSum = 0;
  let beforeDays = 0;
  let afterSum = 0;
  let afterDays = 0;
  for (let t = 0; t < outcome.raw.length; t++) {
    const value = outcome.raw[t]!;
    if (Number.isNaN(value)) continue;
    if (t < step.index) {
      beforeSum += value;
      beforeDays++;
    } else {
      afterSum += value;
      afterDays++;
    }
  }
  for (const test of lags) {
    addFlag(test, 'before-after');
    if (test.status !== 'no-finding') continue;
    test.effect = beforeDays && afterDays ? afterSum / afterDays - beforeSum / beforeDays : null;
    test.groups = {
      highLabel: step.before > 0 ? 'before' : 'after',
      lowLabel: step.before > 0 ? 'after' : 'before',
      high:
        step.before > 0
          ? { days: beforeDays, mean: beforeDays ? beforeSum / beforeDays : null }
          : { days: afterDays, mean: afterDays ? afterSum / afterDays : null },
      low:
        step.before > 0
          ? { days: afterDays, mean: afterDays ? afterSum / afterDays : null }
          : { days: beforeDays, mean: beforeDays ? beforeSum / beforeDays : null },
      split: null,
      highIncludesSplit: false,
    };
    if (step.before > 0 && test.effect !== null) test.effect = -test.effect;
  }
  return lags[0]!;
}

/**
 * The strongest pairs that are not findings yet, when more days could settle them: status
 * `not-enough-data` with flag `too-early`, and in `needed` about how many more days of logging at
 * today's rate would bring the clearest lag to the level a finding needs, if the link held as strong.
 */
function markCandidates(pairs: readonly PairOutcome[], family: number, days: number): InsightTest[] {
  const open = pairs
    .filter(
      (pair) =>
        pair.best!.status === 'no-finding' && !pair.best!.flags.includes('shared-trend') && pair.p! < CANDIDATE_P,
    )
    .sort((a, b) => a.p! - b.p!);
  const shown: InsightTest[] = [];
  for (const pair of open) {
    if (shown.length >= MAX_CANDIDATES) break;
    const more = moreDaysNeeded(pair, family, days);
    if (more === null || more > Math.max(60, days)) continue;
    const test = pair.best!;
    test.status = 'not-enough-data';
    addFlag(test, 'too-early');
    test.needed = { days: more, text: `about ${more} more ${plural(more, 'day')} of logging` };
    shown.push(test);
  }
  return shown;
}

/** Calendar days more until the pair's clearest lag would pass as the run's single strongest finding. */
export function moreDaysNeeded(pair: PairOutcome, family: number, days: number): number | null {
  const r = pair.bestR ?? 0;
  const nEff = pair.bestNEff ?? 0;
  const n = pair.best!.n;
  if (r === 0 || nEff <= 2 || n === 0) return null;
  const pairTarget = FINDING_Q / Math.max(1, family);
  const lagTarget = -Math.expm1(Math.log1p(-pairTarget) / pair.effectiveLags);
  const tNow = Math.abs(r) * Math.sqrt((nEff - 2) / (1 - r * r));
  const tTarget = studentQuantile(lagTarget, 200);
  if (tNow >= tTarget) return 0;
  const nEffTarget = (nEff - 2) * (tTarget / tNow) ** 2 + 2;
  const pairsMore = (nEffTarget * n) / nEff - n;
  return Math.max(1, Math.ceil((pairsMore * days) / n));
}

const STATUS_ORDER = { finding: 0, explained: 1, 'no-finding': 2, 'no-variation': 3, 'not-enough-data': 4 } as const;

/** Findings first; then smaller q, smaller p; then larger |rho|. */
function byEvidence(a: InsightTest, b: InsightTest): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.q ?? 2) - (b.q ?? 2) ||
    (a.p ?? 2) - (b.p ?? 2) ||
    Math.abs(b.rho ?? 0) - Math.abs(a.rho ?? 0) ||
    a.lag - b.lag
  );
}

function fewestDaysNeeded(tests: readonly InsightTest[]): number | null {
  const needs = tests.flatMap((test) => (test.needed ? [test.needed.days] : []));
  return needs.length ? Math.min(...needs) : null;
}

export function addFlag(test: InsightTest, flag: InsightFlag): void {
  if (!test.flags.includes(flag)) test.flags.push(flag);
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
