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
 * Every assignment's effect as a line in a shift δ: under "the effect is δ on every on-day", the
 * outcomes with δ taken off the observed on-days are fixed, and assignment a's effect on them is
 * `level[a] − slope[a] · δ`. δ = 0 gives the plain randomisation distribution. Assignments are
 * visited in Gray-code order, so each step swaps one pair and costs O(1).
 */
export function assignmentLines(pairs: readonly PairData[], observed: Orders): { level: Float64Array; slope: Float64Array } {
  const k = pairs.length;
  if (k > MAX_ENUMERATED_PAIRS) throw new RangeError(`At most ${MAX_ENUMERATED_PAIRS} pairs can be enumerated.`);
  const total = 2 ** k;
  const level = new Float64Array(total);
  const slope = new Float64Array(total);
  const bits = new Uint8Array(k);
  let onSum = 0;
  let onN = 0;
  let offSum = 0;
  let offN = 0;
  /** Analysable days that are "on" both in the assignment and in what was observed. */
  let sharedOn = 0;
  let observedOn = 0;
  pairs.forEach((pair, i) => {
    onSum += pair.sum[0];
    onN += pair.count[0];
    offSum += pair.sum[1];
    offN += pair.count[1];
    const obs: 0 | 1 = observed[i] === 1 ? 1 : 0;
    observedOn += pair.count[obs];
    if (obs === 0) sharedOn += pair.count[0];
  });
  const record = (index: number) => {
    if (onN > 0 && offN > 0) {
      level[index] = onSum / onN - offSum / offN;
      slope[index] = sharedOn / onN - (observedOn - sharedOn) / offN;
    } else {
      level[index] = Number.NaN;
      slope[index] = Number.NaN;
    }
  };
  record(0);
  for (let step = 1; step < total; step++) {
    const i = 31 - Math.clz32(step & -step);
    const pair = pairs[i]!;
    const was = bits[i] as 0 | 1;
    const now: 0 | 1 = was === 1 ? 0 : 1;
    bits[i] = now;
    onSum += pair.sum[now] - pair.sum[was];
    onN += pair.count[now] - pair.count[was];
    offSum += pair.sum[was] - pair.sum[now];
    offN += pair.count[was] - pair.count[now];
    const obs: 0 | 1 = observed[i] === 1 ? 1 : 0;
    if (was === obs) sharedOn -= pair.count[obs];
    if (now === obs) sharedOn += pair.count[obs];
    record(step);
  }
  return { level, slope };
}

/**
 * Two-sided p of "the effect is δ" (δ = 0: no effect): the share of assignments whose effect on
 * the δ-adjusted outcomes is at least as far from zero as the observed one's. An assignment with
 * an empty arm counts as extreme (the cautious side).
 */
export function pForShift(lines: { level: Float64Array; slope: Float64Array }, observedEffect: number, delta: number): number {
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
  const k = pairs.length;
  const observedEffect = effectFor(pairs, observed);
  if (Number.isNaN(observedEffect)) return 1;
  const bar = Math.abs(observedEffect) - tolerance(observedEffect);
  const bits = new Uint8Array(k);
  let onSum = 0;
  let onN = 0;
  let offSum = 0;
  let offN = 0;
  for (const pair of pairs) {
    onSum += pair.sum[0];
    onN += pair.count[0];
    offSum += pair.sum[1];
    offN += pair.count[1];
  }
  const extremeNow = () => !(onN > 0 && offN > 0) || !(Math.abs(onSum / onN - offSum / offN) < bar);
  let extreme = extremeNow() ? 1 : 0;
  const total = 2 ** k;
  for (let step = 1; step < total; step++) {
    const i = 31 - Math.clz32(step & -step);
    const pair = pairs[i]!;
    const was = bits[i] as 0 | 1;
    const now: 0 | 1 = was === 1 ? 0 : 1;
    bits[i] = now;
    onSum += pair.sum[now] - pair.sum[was];
    onN += pair.count[now] - pair.count[was];
    offSum += pair.sum[was] - pair.sum[now];
    offN += pair.count[was] - pair.count[now];
    if (extremeNow()) extreme++;
  }
  return extreme / total;
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
