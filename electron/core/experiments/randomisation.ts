/**
 * The exact randomisation test of a randomised-pairs experiment.
 *
 * Each pair has two blocks; the plan drew which of the two is "on". Any of the 2^k choices was
 * equally likely, so under "no effect" the outcomes would have been the same whichever was drawn,
 * and the observed effect is one draw from the 2^k effects those choices give. The two-sided p is
 * the share of the 2^k assignments whose |effect| is at least the observed one (the observed
 * assignment included). Nothing is assumed about day-to-day carry-over: only the drawing is used.
 */

/** Outcome totals of one pair's analysable days: index 0 = its first block, 1 = its second. */
export interface PairData {
  sum: [number, number];
  count: [number, number];
}

/** Assignment bit per pair: 0 = the first block is "on", 1 = the second block is "on". */
export type Orders = ArrayLike<number>;

/** Above this many pairs the test would enumerate more than 65,536 assignments. */
export const MAX_ENUMERATED_PAIRS = 16;

/** mean(on) − mean(off) for one assignment (NaN when an arm has no analysable day). */
export function effectFor(pairs: readonly PairData[], orders: Orders): number {
  let onSum = 0;
  let onN = 0;
  let offSum = 0;
  let offN = 0;
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    const on: 0 | 1 = orders[i] === 1 ? 1 : 0;
    onSum += pair.sum[on];
    onN += pair.count[on];
    offSum += pair.sum[on === 1 ? 0 : 1];
    offN += pair.count[on === 1 ? 0 : 1];
  }
  return onN > 0 && offN > 0 ? onSum / onN - offSum / offN : Number.NaN;
}

/** Ties within this (relative) distance count as "at least as extreme": rounding never lowers p. */
function tolerance(value: number): number {
  return 1e-9 * (1 + Math.abs(value));
}

/**
 * The arms' running totals while every assignment is visited in Gray-code order: assignment 0
 * has every pair's first block "on", and each later step swaps one pair (O(1) per assignment).
 */
class AssignmentWalk {
  onSum = 0;
  onN = 0;
  offSum = 0;
  offN = 0;
  readonly total: number;
  private readonly bits: Uint8Array;

  constructor(private readonly pairs: readonly PairData[]) {
    if (pairs.length > MAX_ENUMERATED_PAIRS)
      throw new RangeError(`At most ${MAX_ENUMERATED_PAIRS} pairs can be enumerated.`);
    this.total = 2 ** pairs.length;
    this.bits = new Uint8Array(pairs.length);
    for (const pair of pairs) {
      this.onSum += pair.sum[0];
      this.onN += pair.count[0];
      this.offSum += pair.sum[1];
      this.offN += pair.count[1];
    }
  }

  /** Moves to assignment number `step` (1 … total − 1, in order); returns the pair it swapped and its new "on" block. */
  next(step: number): { pair: number; was: 0 | 1; now: 0 | 1 } {
    const i = 31 - Math.clz32(step & -step);
    const pair = this.pairs[i]!;
    const was = this.bits[i] as 0 | 1;
    const now: 0 | 1 = was === 1 ? 0 : 1;
    this.bits[i] = now;
    this.onSum += pair.sum[now] - pair.sum[was];
    this.onN += pair.count[now] - pair.count[was];
    this.offSum += pair.sum[was] - pair.sum[now];
    this.offN += pair.count[was] - pair.count[now];
    return { pair: i, was, now };
  }

  /** mean(on) − mean(off) of the current assignment (NaN when an arm is empty). */
  effect(): number {
    return this.onN > 0 && this.offN > 0 ? this.onSum / this.onN - this.offSum / this.offN : Number.NaN;
  }
}

/**
 * Every assignment's effect as a line in a shift δ: under "the effect is δ on every on-day", the
 * outcomes with δ taken off the observed on-days are fixed, and assignment a's effect on them is
 * `level[a] − slope[a] · δ`. δ = 0 gives the plain randomisation distribution.
 */
export function assignmentLines(
  pairs: readonly PairData[],
  observed: Orders,
): { level: Float64Array; slope: Float64Array } {
  const walk = new AssignmentWalk(pairs);
  const level = new Float64Array(walk.total);
  const slope = new Float64Array(walk.total);
  /** Analysable days that are "on" both in the assignment and in what was observed. */
  let sharedOn = 0;
  let observedOn = 0;
  pairs.forEach((pair, i) => {
    const obs: 0 | 1 = observed[i] === 1 ? 1 : 0;
    observedOn += pair.count[obs];
    if (obs === 0) sharedOn += pair.count[0];
  });
  for (let step = 0; step < walk.total; step++) {
    if (step > 0) {
      const { pair, was, now } = walk.next(step);
      const obs: 0 | 1 = observed[pair] === 1 ? 1 : 0;
      if (was === obs) sharedOn -= pairs[pair]!.count[obs];
      if (now === obs) sharedOn += pairs[pair]!.count[obs];
    }
    level[step] = walk.effect();
    slope[step] =
      walk.onN > 0 && walk.offN > 0 ? sharedOn / walk.onN - (observedOn - sharedOn) / walk.offN : Number.NaN;
  }
  return { level, slope };
}

/**
 * Two-sided p of "the effect is δ" (δ = 0: no effect): the share of assignments whose effect on
 * the δ-adjusted outcomes is at least as far from zero as the observed one's. An assignment with
 * an empty arm counts as extreme (the cautious side).
 */
export function pForShift(
  lines: { level: Float64Array; slope: Float64Array },
  observedEffect: number,
  delta: number,
): number {
  const { level, slope } = lines;
  const observed = Math.abs(observedEffect - delta);
  const bar = observed - tolerance(observed + Math.abs(delta));
  let extreme = 0;
  for (let a = 0; a < level.length; a++) {
    const value = level[a]! - slope[a]! * delta;
    if (!(Math.abs(value) < bar)) extreme++;
  }
  return extreme / level.length;
}

/** p of "no effect" without building the lines (the planner's fast path). */
export function exactP(pairs: readonly PairData[], observed: Orders): number {
  const observedEffect = effectFor(pairs, observed);
  if (Number.isNaN(observedEffect)) return 1;
  const bar = Math.abs(observedEffect) - tolerance(observedEffect);
  const walk = new AssignmentWalk(pairs);
  let extreme = 0;
  for (let step = 0; step < walk.total; step++) {
    if (step > 0) walk.next(step);
    if (!(Math.abs(walk.effect()) < bar)) extreme++;
  }
  return extreme / walk.total;
}

/**
 * The 95% (1 − alpha) interval by inverting the test: the shifts δ around the estimate that the
 * test does not reject (p(δ) > alpha). From the estimate (p = 1) it walks outwards in doubling
 * steps to the first rejected shift on each side, then bisects to the edge. Null when the design
 * cannot reject any shift (the smallest possible p is above alpha) on that side.
 */
export function invertTest(
  lines: { level: Float64Array; slope: Float64Array },
  observedEffect: number,
  alpha: number,
  scale: number,
): { low: number | null; high: number | null } {
  const edge = (direction: 1 | -1): number | null => {
    let inside = observedEffect;
    let outside: number | null = null;
    let step = Math.max(scale, 1e-6) / 4;
    for (let i = 0; i < 60; i++) {
      const candidate = observedEffect + direction * step;
      if (pForShift(lines, observedEffect, candidate) <= alpha) {
        outside = candidate;
        break;
      }
      inside = candidate;
      step *= 2;
    }
    if (outside === null) return null;
    let rejected: number = outside;
    for (let i = 0; i < 200 && Math.abs(rejected - inside) > 1e-9 * (1 + Math.abs(inside)); i++) {
      const middle: number = (inside + rejected) / 2;
      if (pForShift(lines, observedEffect, middle) <= alpha) rejected = middle;
      else inside = middle;
    }
    return inside;
  };
  return { low: edge(-1), high: edge(1) };
}
