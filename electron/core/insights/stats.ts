/**
 * Plain statistics used by insights, written for clarity and checked against SciPy fixtures
 * (tests/fixtures/insights-stats.json). The fast circular-shift kernel lives in rankCorrelation.ts.
 */

/** Ranks 1…n, tied values sharing the average of their ranks (as SciPy's `rankdata`). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's correlation; null when either side has no variation or there are fewer than 2 pairs. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  const mx = mean(x)!;
  const my = mean(y)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rank correlation with average ranks for ties. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  return pearson(averageRanks(x), averageRanks(y));
}

/**
 * Benjamini–Hochberg adjusted p-values (q), in the input's order: q(i) = min over j ≥ rank(i)
 * of p(j)·m/j, capped at 1.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, index } = order[rank - 1]!;
    running = Math.min(running, (p * m) / rank);
    q[index] = running;
  }
  return q;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample standard deviation (n − 1). */
export function standardDeviation(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  let sum = 0;
  for (const value of values) sum += (value - m) ** 2;
  return Math.sqrt(sum / (values.length - 1));
}

/** Two-sided tail probability of Student's t with `df` degrees of freedom beyond |t|. */
export function twoSidedStudentP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, regularizedBeta(df / (df + t * t), df / 2, 0.5));
}

/** The regularized incomplete beta function I_x(a, b) (continued fraction, Numerical Recipes "betai"). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7). */
export function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = g[0]!;
  for (let i = 1; i < 9; i++) sum += g[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The t with two-sided tail probability `p` at `df` degrees of freedom (bisection on twoSidedStudentP). */
export function studentQuantile(p: number, df: number): number {
  if (p >= 1) return 0;
  let lo = 0;
  let hi = 1;
  while (twoSidedStudentP(hi, df) > p && hi < 1e8) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (twoSidedStudentP(mid, df) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Two-sided p of a correlation r with `df` degrees of freedom (t = r·√(df / (1 − r²))). */
export function correlationP(r: number, df: number): number {
  if (df <= 0) return 1;
  if (Math.abs(r) >= 1) return 0;
  return twoSidedStudentP(r * Math.sqrt(df / (1 - r * r)), df);
}

/**
 * Partial correlation of x and y given z, from the three pairwise correlations:
 * (r_xy − r_xz·r_yz) / √((1 − r_xz²)(1 − r_yz²)); null when z explains x or y entirely.
 */
export function partialCorrelation(rxy: number, rxz: number, ryz: number): number | null {
  const denominator = (1 - rxz * rxz) * (1 - ryz * ryz);
  if (denominator <= 1e-12) return null;
  return Math.max(-1, Math.min(1, (rxy - rxz * ryz) / Math.sqrt(denominator)));
}

/** Least squares y = a + b·x over the first `n` values: slope, its standard error (residual df n − 2), and n. */
export function simpleRegression(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n = x.length,
): { slope: number; se: number; n: number } | null {
  if (n < 3) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i]! - my - slope * (x[i]! - mx)) ** 2;
  return { slope, se: Math.sqrt(rss / (n - 2) / sxx), n };
}

/**
 * A regression slope with its 95 % interval when the pairs are worth only `nEff` independent
 * ones: the standard error is widened by √(n / nEff) and the t quantile uses nEff − 2 degrees
 * of freedom (`quantile(df)` gives the two-sided 95 % t; pass a cached one in hot loops).
 */
export function effectWithInterval(
  fit: { slope: number; se: number; n: number },
  nEff: number,
  quantile: (df: number) => number = (df) => studentQuantile(0.05, df),
): { effect: number; ciLow: number; ciHigh: number } {
  const effective = Math.min(fit.n, nEff);
  const margin = quantile(Math.max(1, effective - 2)) * fit.se * Math.sqrt(fit.n / effective);
  return { effect: fit.slope, ciLow: fit.slope - margin, ciHigh: fit.slope + margin };
}

/** Eigenvalues of a small symmetric matrix (cyclic Jacobi rotations). */
export function symmetricEigenvalues(input: readonly (readonly number[])[]): number[] {
  const n = input.length;
  const a = input.map((row) => [...row]);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
      }
    }
  }
  return a.map((row, i) => row[i]!);
}
