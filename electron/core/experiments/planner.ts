import { EXPERIMENT_ALPHA, type ExperimentDesign, type ExperimentPlanInput } from '../../contract/experimentsTerms';
import { SeededRandom } from '../demo/random';
import { effectFor, exactP, type PairData } from './randomisation';
import { buildSchedule } from './schedule';

/** Logged days needed before the planner trusts the journal's spread and carry-over. */
export const MIN_HISTORY_DAYS = 28;
/** Cautious assumptions without enough history: strong carry-over, a day in five not logged. */
export const CAUTIOUS_CARRY_OVER = 0.8;
export const CAUTIOUS_MISSING_SHARE = 0.2;
export const DEFAULT_SIMULATIONS = 2000;
/** The planner samples this many assignments (plus the drawn one) when 2^k is larger. */
export const PLANNER_ASSIGNMENTS = 1024;
/** "Would show up" means detected this often. */
export const TARGET_POWER = 0.8;

export interface OutcomeHistory {
  /** Day-to-day spread (standard deviation) of the outcome, in its units. */
  sd: number;
  /** Lag-1 autocorrelation (how much of a day carries over to the next), 0–0.95. */
  carryOver: number;
  /** Share of days not logged (0–0.6). */
  missingShare: number;
  /** Days with a value. */
  daysLogged: number;
  /** False: too little history, cautious defaults were used. */
  fromJournal: boolean;
}

/**
 * The outcome's spread, carry-over and gaps from the journal's last year. Without enough days
 * the carry-over and gaps fall back to cautious values, and the spread to the given default.
 */
export function outcomeHistory(values: readonly (number | null)[], defaultSd: number): OutcomeHistory {
  const recent = values.slice(-365);
  const firstLogged = recent.findIndex((v) => v !== null);
  const span = firstLogged < 0 ? [] : recent.slice(firstLogged);
  const logged = span.filter((v): v is number => v !== null);
  if (logged.length < MIN_HISTORY_DAYS) {
    return {
      sd: defaultSd,
      carryOver: CAUTIOUS_CARRY_OVER,
      missingShare: CAUTIOUS_MISSING_SHARE,
      daysLogged: logged.length,
      fromJournal: false,
    };
  }
  // Seasons and slow drifts are not noise a randomised-pairs design suffers from (each pair sits
  // within a few weeks): spread and carry-over are measured around a centred 91-day running mean.
  const level = runningMean(span, TREND_WINDOW_DAYS);
  const residual = span.map((v, i) => (v === null || v === undefined || level[i] === null ? null : v - level[i]!));
  const kept = residual.filter((v): v is number => v !== null);
  const mean = kept.reduce((a, b) => a + b, 0) / kept.length;
  const variance = kept.reduce((s, v) => s + (v - mean) ** 2, 0) / (kept.length - 1);
  let cross = 0;
  let pairs = 0;
  for (let i = 1; i < residual.length; i++) {
    const a = residual[i - 1];
    const b = residual[i];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    cross += (a - mean) * (b - mean);
    pairs++;
  }
  // The running mean also takes away some of an AR(1) outcome's own slow swings: a share c of its
  // variance, about (1 + φ) / ((1 − φ) · window). Put it back, so strong carry-over is not understated.
  const residualRho = pairs >= 10 && variance > 0 ? cross / pairs / variance : CAUTIOUS_CARRY_OVER;
  let phi = Math.min(0.95, Math.max(0, residualRho));
  let removed = 0;
  for (let i = 0; i < 20; i++) {
    removed = Math.min(0.5, (1 + phi) / ((1 - phi) * TREND_WINDOW_DAYS));
    phi = Math.min(0.95, Math.max(0, residualRho * (1 - removed) + removed));
  }
  const sd = Math.sqrt(variance / (1 - removed));
  return {
    sd: sd > 0 ? sd : defaultSd,
    carryOver: phi,
    missingShare: Math.min(0.6, 1 - logged.length / span.length),
    daysLogged: logged.length,
    fromJournal: true,
  };
}

/** Days in the running mean that slow drifts are measured against. */
export const TREND_WINDOW_DAYS = 91;

function runningMean(values: readonly (number | null)[], window: number): (number | null)[] {
  const half = Math.floor(window / 2);
  return values.map((_, i) => {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
      const v = values[j];
      if (v !== null && v !== undefined) {
        sum += v;
        count++;
      }
    }
    return count > 0 ? sum / count : null;
  });
}

export type DesignShape = Pick<ExperimentPlanInput, 'design' | 'pairs' | 'blockDays' | 'washoutDays' | 'runInDays'>;

/**
 * Simulated experiments of one design, reduced to what the test needs: per pair and block, the
 * totals of the noise and of the effect's shape over analysable days, and their counts. The
 * outcome is AR(1) noise with the journal's spread and carry-over; the effect reaches the outcome
 * through the same carry-over (after w days of a block, 1 − φ^w of it has arrived), and days go
 * missing at the journal's rate. The same draws serve every effect size (common random numbers).
 */
class SimulatedDesign {
  readonly noise: Float64Array;
  readonly shape: Float64Array;
  readonly counts: Float64Array;
  readonly orders: Uint8Array;
  readonly samples: Uint8Array | null;
  readonly k: number;

  constructor(
    shape: DesignShape,
    history: OutcomeHistory,
    readonly simulations: number,
    seed: number,
  ) {
    const k = shape.pairs;
    this.k = k;
    const random = new SeededRandom(seed);
    this.noise = new Float64Array(simulations * k * 2);
    this.shape = new Float64Array(simulations * k * 2);
    this.counts = new Float64Array(simulations * k * 2);
    this.orders = new Uint8Array(simulations * k);
    const phi = history.carryOver;
    const innovation = history.sd * Math.sqrt(1 - phi * phi);
    const template = buildSchedule({
      ...shape,
      design: shape.design === 'before-after' ? 'pairs' : shape.design,
      startDate: '2000-01-01',
      orders: new Array<number>(k).fill(0),
    });
    const total = 2 ** k;
    this.samples = total > PLANNER_ASSIGNMENTS ? new Uint8Array(simulations * PLANNER_ASSIGNMENTS * k) : null;
    for (let s = 0; s < simulations; s++) {
      const orders = this.orders.subarray(s * k, (s + 1) * k);
      for (let i = 0; i < k; i++) orders[i] = random.next() < 0.5 ? 0 : 1;
      let u = history.sd * random.normal();
      let g = 0;
      for (const day of template) {
        u = phi * u + innovation * random.normal();
        // The template has every pair on → off; the drawn order flips a pair's arms.
        const flipped = day.pair !== null && orders[day.pair] === 1;
        const on = day.phase === 'block' && (day.arm === 'on') !== flipped ? 1 : 0;
        g = phi * g + (1 - phi) * on;
        const missing = random.next() < history.missingShare;
        if (day.phase !== 'block' || day.washout || missing || day.pair === null || day.block === null) continue;
        const cell = (s * k + day.pair) * 2 + (day.block % 2);
        this.noise[cell]! += u;
        this.shape[cell]! += g;
        this.counts[cell]!++;
      }
      if (this.samples) {
        const rows = this.samples.subarray(s * PLANNER_ASSIGNMENTS * k, (s + 1) * PLANNER_ASSIGNMENTS * k);
        for (let j = 0; j < rows.length; j++) rows[j] = random.next() < 0.5 ? 0 : 1;
      }
    }
  }

  /** Share of the simulated experiments whose p is at or below alpha when the effect is `change`. */
  power(change: number, alpha: number): number {
    const k = this.k;
    let detected = 0;
    const pairs: PairData[] = Array.from({ length: k }, () => ({ sum: [0, 0], count: [0, 0] }));
    for (let s = 0; s < this.simulations; s++) {
      for (let i = 0; i < k; i++) {
        for (const b of [0, 1] as const) {
          const cell = (s * k + i) * 2 + b;
          pairs[i]!.sum[b] = this.noise[cell]! + change * this.shape[cell]!;
          pairs[i]!.count[b] = this.counts[cell]!;
        }
      }
      const orders = this.orders.subarray(s * k, (s + 1) * k);
      const p = this.samples
        ? sampledP(pairs, orders, this.samples.subarray(s * PLANNER_ASSIGNMENTS * k, (s + 1) * PLANNER_ASSIGNMENTS * k))
        : exactP(pairs, orders);
      if (p <= alpha) detected++;
    }
    return detected / this.simulations;
  }
}

/** Monte Carlo p over sampled assignments, the drawn one counted too (still a valid test). */
function sampledP(pairs: readonly PairData[], orders: ArrayLike<number>, samples: Uint8Array): number {
  const k = pairs.length;
  const observed = effectFor(pairs, orders);
  if (Number.isNaN(observed)) return 1;
  const bar = Math.abs(observed) - 1e-9 * (1 + Math.abs(observed));
  let extreme = 1;
  for (let j = 0; j < PLANNER_ASSIGNMENTS; j++) {
    const value = effectFor(pairs, samples.subarray(j * k, (j + 1) * k));
    if (!(Math.abs(value) < bar)) extreme++;
  }
  return extreme / (PLANNER_ASSIGNMENTS + 1);
}

export interface PowerEstimate {
  /** Chance the chosen change would give p ≤ alpha (null for before/after: no test). */
  power: number | null;
  change: number;
  /** The smallest change detected about 8 times in 10 (null: none within 20 spreads, or cannot reach alpha). */
  detectable: number | null;
  /** Smallest p the design can ever give: 2/2^k. */
  minP: number | null;
  /** False when minP > alpha: no effect, however large, could reach the level. */
  canReach: boolean;
  simulations: number;
  history: OutcomeHistory;
}

export interface PowerOptions {
  simulations?: number;
  seed?: number;
  alpha?: number;
}

/** What a design can detect in this person's journal, counting the 2/2^k floor of p. */
export function estimatePower(
  shape: DesignShape,
  history: OutcomeHistory,
  change: number,
  options: PowerOptions = {},
): PowerEstimate {
  const alpha = options.alpha ?? EXPERIMENT_ALPHA;
  const simulations = options.simulations ?? DEFAULT_SIMULATIONS;
  if (shape.design === 'before-after') {
    return { power: null, change, detectable: null, minP: null, canReach: false, simulations: 0, history };
  }
  const minP = Math.min(1, 2 / 2 ** shape.pairs);
  if (minP > alpha) return { power: 0, change, detectable: null, minP, canReach: false, simulations: 0, history };
  const simulated = new SimulatedDesign(shape, history, simulations, options.seed ?? 1);
  const power = simulated.power(Math.abs(change), alpha);
  return {
    power,
    change,
    detectable: detectableChange(simulated, history.sd, alpha),
    minP,
    canReach: true,
    simulations,
    history,
  };
}

/** Bisection on the change for power = 0.8, over the same simulated experiments. */
function detectableChange(simulated: SimulatedDesign, sd: number, alpha: number): number | null {
  let low = 0;
  let high = sd;
  while (simulated.power(high, alpha) < TARGET_POWER) {
    low = high;
    high *= 2;
    if (high > 20 * sd) return null;
  }
  for (let i = 0; i < 8; i++) {
    const middle = (low + high) / 2;
    if (simulated.power(middle, alpha) >= TARGET_POWER) high = middle;
    else low = middle;
  }
  return high;
}

export function designLengthWords(
  design: ExperimentDesign,
  pairs: number,
  blockDays: number,
  runInDays: number,
): string {
  const days = (design === 'elimination' ? runInDays : 0) + (design === 'before-after' ? 2 : 2 * pairs) * blockDays;
  return days % 7 === 0 ? `${days / 7} week${days === 7 ? '' : 's'}` : `${days} days`;
}
