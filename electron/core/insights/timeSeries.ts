/**
 * Time-series pieces of the insights test (docs/insights-method.md): each series' slow level
 * and day-to-day part, autocorrelation with missing days, the effective number of independent
 * pairs of two autocorrelated series (Bartlett 1935; Pyper & Peterman 1998) and the effective
 * number of lags tested (Nyholt 2004). Missing days are NaN throughout, never zero.
 */
import { averageRanks, symmetricEigenvalues } from './stats';

/** Half-width of the centred running level: 14 days either side, a 29-day (~4-week) window. */
export const SLOW_HALF_WIDTH = 14;
/** Autocorrelations summed in the effective sample size: up to this many days, and at most a quarter of the pairs. */
export const MAX_ACF_LAG = 30;

/** null → NaN, as a Float64Array. */
export function toArray(values: readonly (number | null)[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out[i] = value === null || value === undefined || !Number.isFinite(value) ? Number.NaN : value;
  }
  return out;
}

/** Each logged value's average rank among all logged values, scaled to 0…1 (0.5 when all are equal). */
export function rankScaled(values: Float64Array): Float64Array {
  const present: number[] = [];
  const where: number[] = [];
  values.forEach((value, i) => {
    if (!Number.isNaN(value)) {
      present.push(value);
      where.push(i);
    }
  });
  const out = new Float64Array(values.length).fill(Number.NaN);
  const ranks = averageRanks(present);
  const span = present.length - 1;
  ranks.forEach((rank, k) => (out[where[k]!] = span > 0 ? (rank - 1) / span : 0.5));
  return out;
}

/**
 * The slow part of a series: the mean of the logged values within `halfWidth` days either side
 * (centred; fewer days at the journal's ends). NaN on days with nothing logged in the window.
 */
export function runningLevel(values: Float64Array, halfWidth = SLOW_HALF_WIDTH): Float64Array {
  const days = values.length;
  const out = new Float64Array(days);
  let sum = 0;
  let count = 0;
  let lo = 0;
  let hi = -1;
  for (let t = 0; t < days; t++) {
    const wantHi = Math.min(days - 1, t + halfWidth);
    while (hi < wantHi) {
      hi++;
      const v = values[hi]!;
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    const wantLo = Math.max(0, t - halfWidth);
    while (lo < wantLo) {
      const v = values[lo]!;
      if (!Number.isNaN(v)) {
        sum -= v;
        count--;
      }
      lo++;
    }
    out[t] = count > 0 ? sum / count : Number.NaN;
  }
  return out;
}

/** Day-to-day part: value minus its running level (NaN where the value is missing). */
export function fastPart(values: Float64Array, slow: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++) out[t] = values[t]! - slow[t]!;
  return out;
}

/** The carry-over kept out of a factor: |φ| at most this (a near-unit root is a drift, not carry-over). */
export const MAX_CARRY_OVER = 0.95;

/**
 * A factor's day-to-day part with its own carry-over taken out (prewhitening, Box & Jenkins 1976):
 * the standardised innovations of an AR(1) with coefficient `phi`, allowing for missing days. For a
 * value logged g days after the previous logged one, (x(t) − φ^g·x(t − g)) / √(1 − φ^(2g)); the first
 * value of a stretch is kept as it is. Under an AR(1) these are uncorrelated with equal variance, so
 * a correlation with the outcome no longer borrows the factor's carry-over: its null variance is 1/n
 * whatever the outcome does (Bartlett), and an effect shows at its own lag, not smeared over the
 * neighbouring ones. `phi` is the series' lag-1 autocorrelation; |φ| < 0.05 changes nothing.
 */
export function prewhiten(values: Float64Array, phi: number): Float64Array {
  let logged = 0;
  for (const value of values) if (!Number.isNaN(value)) logged++;
  const a = Math.max(-MAX_CARRY_OVER, Math.min(MAX_CARRY_OVER, phi));
  if (Math.abs(a) < 2 / Math.sqrt(Math.max(1, logged))) return values;
  const out = new Float64Array(values.length);
  let last = -1;
  for (let t = 0; t < values.length; t++) {
    const value = values[t]!;
    if (Number.isNaN(value)) {
      out[t] = Number.NaN;
      continue;
    }
    if (last < 0) out[t] = value;
    else {
      const carried = a ** (t - last);
      out[t] = (value - carried * values[last]!) / Math.sqrt(1 - carried * carried);
    }
    last = t;
  }
  return out;
}

/**
 * Pearson correlation of x(t) with y(t + lag) over the days where both are present (one pass);
 * null when fewer than `fewest` pairs or either side has no variation.
 */
export function laggedCorrelation(
  x: Float64Array,
  y: Float64Array,
  lag: number,
  fewest = 4,
): { r: number; n: number } | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let t = 0; t + lag < x.length; t++) {
    const a = x[t]!;
    const b = y[t + lag]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a;
    sy += b;
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  if (n < fewest) return null;
  const vx = sxx - (sx * sx) / n;
  const vy = syy - (sy * sy) / n;
  if (vx <= 1e-12 || vy <= 1e-12) return null;
  return { r: Math.max(-1, Math.min(1, (sxy - (sx * sy) / n) / Math.sqrt(vx * vy))), n };
}

/**
 * Autocorrelation at lags 0…maxLag over the pairs of logged days (each lag uses the days where
 * both t and t + k are logged; centred on the mean of all logged days, normalised by the variance).
 */
export function autocorrelation(values: Float64Array, maxLag: number): Float64Array {
  const days = values.length;
  let sum = 0;
  let count = 0;
  for (let t = 0; t < days; t++) {
    if (!Number.isNaN(values[t]!)) {
      sum += values[t]!;
      count++;
    }
  }
  const acf = new Float64Array(maxLag + 1);
  if (count < 2) return acf;
  const centre = sum / count;
  let variance = 0;
  for (let t = 0; t < days; t++) if (!Number.isNaN(values[t]!)) variance += (values[t]! - centre) ** 2;
  variance /= count;
  acf[0] = 1;
  if (variance === 0) return acf;
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    let n = 0;
    for (let t = 0; t + k < days; t++) {
      const a = values[t]!;
      const b = values[t + k]!;
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      s += (a - centre) * (b - centre);
      n++;
    }
    // Fewer than 10 pairs at a lag say nothing: treat as uncorrelated.
    acf[k] = n >= 10 ? s / n / variance : 0;
  }
  return acf;
}

/**
 * Effective number of independent pairs behind a correlation of two series with the given
 * autocorrelations (Bartlett's variance, as in Pyper & Peterman 1998):
 * 1/N* = 1/N + (2/N)·Σ_{k≥1} w(k)·ρx(k)·ρy(k), with a Tukey taper w(k) = (1 + cos(πk/M))/2 over
 * M = min(longest, 2√N) lags, as xDF (Afyouni et al. 2019) does: far lags of short series are
 * mostly noise, and summing their products would make N* smaller than it is.
 * Kept between 3 and N (negative products can only be trusted so far; N is the most there is).
 */
export function effectivePairs(
  n: number,
  acfX: Float64Array,
  acfY: Float64Array,
  longest = MAX_ACF_LAG,
  span = Math.max(2, Math.min(longest, 2 * Math.sqrt(n))),
): number {
  if (n < 4) return n;
  const maxK = Math.min(acfX.length - 1, acfY.length - 1, Math.floor(span));
  let sum = 0;
  for (let k = 1; k <= maxK; k++) sum += ((1 + Math.cos((Math.PI * k) / span)) / 2) * acfX[k]! * acfY[k]!;
  const inflation = 1 + 2 * sum;
  return Math.max(3, Math.min(n, n / Math.max(inflation, 1e-9)));
}

/**
 * How many independent tests the lags 0…L of one pair are worth. Under no link, the correlations
 * at lags l and m of two series correlate as S(m − l)/S(0), S(d) = Σ_k ρx(k)·ρy(k + d) (Bartlett);
 * the effective number of tests of that matrix follows Nyholt (2004): 1 + (L)(1 − Var(λ)/(L + 1)) for
 * L + 1 lags. (Li & Ji's 2005 count was measured 1.1–1.5× too liberal here; Bonferroni over all
 * lags 0.6–0.8× too strict; Nyholt's within 0.75–1.2× of nominal: docs/insights-method.md.)
 */
export function effectiveLags(maxLag: number, acfX: Float64Array, acfY: Float64Array, n = Infinity): number {
  if (maxLag === 0) return 1;
  // Each autocorrelation is tapered as in `effectivePairs` (Tukey over min(30, 2√n) days): far lags
  // of a short series are mostly noise, and summed untapered they made the lags look more alike
  // than they are (measured on 60–120-day journals: pairs 1.2–1.4× too often below p 0.002).
  const span = Math.max(2, Math.min(MAX_ACF_LAG, 2 * Math.sqrt(n)));
  const maxK = Math.min(acfX.length - 1, acfY.length - 1, Math.floor(span));
  const at = (acf: Float64Array, k: number) => {
    const a = Math.abs(k);
    return a <= maxK ? ((1 + Math.cos((Math.PI * a) / span)) / 2) * acf[a]! : 0;
  };
  const s = (d: number) => {
    let total = 0;
    for (let k = -maxK; k <= maxK; k++) total += at(acfX, k) * at(acfY, k + d);
    return total;
  };
  const s0 = s(0);
  const size = maxLag + 1;
  const matrix: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const byDistance = Array.from({ length: size }, (_, d) =>
    s0 > 0 ? Math.max(-1, Math.min(1, s(d) / s0)) : d === 0 ? 1 : 0,
  );
  for (let l = 0; l < size; l++) for (let m = 0; m < size; m++) matrix[l]![m] = byDistance[Math.abs(m - l)]!;
  // The eigenvalues' mean is 1 (the trace is the size); their spread says how much the lags overlap.
  const eigenvalues = symmetricEigenvalues(matrix);
  const spread = eigenvalues.reduce((sum, lambda) => sum + (lambda - 1) ** 2, 0) / (size - 1);
  return Math.max(1, Math.min(size, 1 + (size - 1) * (1 - spread / size)));
}
