/**
 * Spearman's rho between a factor series, circularly shifted, and an outcome read `lag` days
 * later, computed thousands of times per test. Journal values take few distinct values
 * (scores 0–10, half hours, servings), so each series is coded once as indexes into its sorted
 * distinct values; average ranks for any subset of days then come from counting, not sorting:
 * one linear pass per shift filling a small level × level table, no allocation.
 */

/** Above this many level pairs (say, a custom factor with hundreds of distinct values), pairs are kept and summed instead. */
const JOINT_LIMIT = 4096;

export interface CodedSeries {
  /** Per day: index into `levels`, or −1 when the day has no value. */
  codes: Int32Array;
  /** The distinct values, ascending. */
  levels: number[];
}

export function codeSeries(values: readonly (number | null)[]): CodedSeries {
  const levels = [...new Set(values.filter((v): v is number => v !== null && Number.isFinite(v)))].sort(
    (a, b) => a - b,
  );
  const position = new Map(levels.map((level, i) => [level, i]));
  const codes = new Int32Array(values.length);
  values.forEach((value, i) => {
    codes[i] = value === null || !Number.isFinite(value) ? -1 : position.get(value)!;
  });
  return { codes, levels };
}

export class RankCorrelator {
  private readonly countX: Float64Array;
  private readonly countY: Float64Array;
  private readonly rankX: Float64Array;
  private readonly rankY: Float64Array;
  private readonly pairX: Int32Array;
  private readonly pairY: Int32Array;
  private readonly joint = new Float64Array(JOINT_LIMIT);
  /** Pairs used by the last call. */
  n = 0;

  constructor(days: number, maxLevels: number) {
    this.countX = new Float64Array(maxLevels);
    this.countY = new Float64Array(maxLevels);
    this.rankX = new Float64Array(maxLevels);
    this.rankY = new Float64Array(maxLevels);
    this.pairX = new Int32Array(days);
    this.pairY = new Int32Array(days);
  }

  /**
   * rho of factor(t − shift, circularly) against outcome(t + lag) over the days where both are
   * recorded; NaN when either side has no variation. With `keepPairs`, `pairs()` then lists
   * the codes used.
   */
  rho(factor: CodedSeries, outcome: CodedSeries, lag: number, shift: number, keepPairs = false): number {
    const days = factor.codes.length;
    const fx = factor.codes;
    const oy = outcome.codes;
    const kx = factor.levels.length;
    const ky = outcome.levels.length;
    // factor(t − shift) wraps round the circle once: days before `split` read from the end.
    const offset = ((shift % days) + days) % days;
    const end = days - lag;
    const split = Math.min(offset, end);
    if (!keepPairs && kx * ky <= JOINT_LIMIT) return this.rhoFromTable(fx, oy, kx, ky, lag, offset, split, end);
    const { countX, countY, rankX, rankY, pairX, pairY } = this;
    countX.fill(0, 0, kx);
    countY.fill(0, 0, ky);
    let n = this.accumulate(fx, oy, 0, split, days - offset, lag, 0);
    n = this.accumulate(fx, oy, split, end, -offset, lag, n);
    this.n = n;
    if (n < 2) return Number.NaN;
    const centre = (n + 1) / 2;
    const sxx = centredRanks(countX, rankX, kx, centre);
    const syy = centredRanks(countY, rankY, ky, centre);
    if (sxx === 0 || syy === 0) return Number.NaN;
    let sxy = 0;
    for (let i = 0; i < n; i++) sxy += rankX[pairX[i]!]! * rankY[pairY[i]!]!;
    return sxy / Math.sqrt(sxx * syy);
  }

  /** The same rho from a table of how often each factor level meets each outcome level. */
  private rhoFromTable(
    fx: Int32Array,
    oy: Int32Array,
    kx: number,
    ky: number,
    lag: number,
    offset: number,
    split: number,
    end: number,
  ): number {
    const { countX, countY, rankX, rankY, joint } = this;
    joint.fill(0, 0, kx * ky);
    let n = tally(joint, ky, fx, oy, 0, split, fx.length - offset, lag, 0);
    n = tally(joint, ky, fx, oy, split, end, -offset, lag, n);
    this.n = n;
    if (n < 2) return Number.NaN;
    countX.fill(0, 0, kx);
    countY.fill(0, 0, ky);
    for (let x = 0; x < kx; x++) {
      for (let y = 0; y < ky; y++) {
        const count = joint[x * ky + y]!;
        countX[x]! += count;
        countY[y]! += count;
      }
    }
    const centre = (n + 1) / 2;
    const sxx = centredRanks(countX, rankX, kx, centre);
    const syy = centredRanks(countY, rankY, ky, centre);
    if (sxx === 0 || syy === 0) return Number.NaN;
    let sxy = 0;
    for (let x = 0; x < kx; x++) {
      let row = 0;
      for (let y = 0; y < ky; y++) row += joint[x * ky + y]! * rankY[y]!;
      sxy += rankX[x]! * row;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /** Counts the days t in [from, to) pairing factor(t + delta) with outcome(t + lag); returns the new pair count. */
  private accumulate(
    fx: Int32Array,
    oy: Int32Array,
    from: number,
    to: number,
    delta: number,
    lag: number,
    n: number,
  ): number {
    const { countX, countY, pairX, pairY } = this;
    for (let t = from; t < to; t++) {
      const x = fx[t + delta]!;
      const y = oy[t + lag]!;
      if (x < 0 || y < 0) continue;
      countX[x]!++;
      countY[y]!++;
      pairX[n] = x;
      pairY[n] = y;
      n++;
    }
    return n;
  }

  /** The factor and outcome codes of the pairs behind the last `rho` call. */
  pairs(): { x: Int32Array; y: Int32Array } {
    return { x: this.pairX.subarray(0, this.n), y: this.pairY.subarray(0, this.n) };
  }
}

/** Adds the days t in [from, to) pairing factor(t + delta) with outcome(t + lag) to the table; returns the new pair count. */
function tally(
  joint: Float64Array,
  ky: number,
  fx: Int32Array,
  oy: Int32Array,
  from: number,
  to: number,
  delta: number,
  lag: number,
  n: number,
): number {
  for (let t = from; t < to; t++) {
    const x = fx[t + delta]!;
    const y = oy[t + lag]!;
    if (x < 0 || y < 0) continue;
    joint[x * ky + y]!++;
    n++;
  }
  return n;
}

/**
 * Turns level counts into average ranks minus the mean rank (stored in `ranks`) and returns
 * the sum of squared centred ranks over all pairs.
 */
function centredRanks(counts: Float64Array, ranks: Float64Array, levels: number, centre: number): number {
  let below = 0;
  let squares = 0;
  for (let k = 0; k < levels; k++) {
    const count = counts[k]!;
    const rank = below + (count + 1) / 2 - centre;
    ranks[k] = rank;
    squares += count * rank * rank;
    below += count;
  }
  return squares;
}
