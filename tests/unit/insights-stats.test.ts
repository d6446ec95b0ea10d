import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../electron/core/demo/random';
import { codeSeries, RankCorrelator } from '../../electron/core/insights/rankCorrelation';
import {
  averageRanks,
  benjaminiHochberg,
  effectWithInterval,
  partialCorrelation,
  pearson,
  simpleRegression,
  spearman,
  studentQuantile,
  symmetricEigenvalues,
} from '../../electron/core/insights/stats';
import {
  autocorrelation,
  effectiveLags,
  effectivePairs,
  laggedCorrelation,
  prewhiten,
  runningLevel,
  toArray,
} from '../../electron/core/insights/timeSeries';

/** Made by scripts/make-stats-fixtures.py with SciPy (spearmanr, false_discovery_control). */
const fixtures = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/insights-stats.json'), 'utf8')) as {
  spearman: { name: string; x: number[]; y: number[]; rho: number }[];
  benjaminiHochberg: { p: number[]; q: number[] }[];
};

/** Made by scripts/make-insights-model-fixtures.py with statsmodels (acf, OLS), SciPy (t) and NumPy (eigvalsh). */
const models = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/insights-models.json'), 'utf8')) as {
  autocorrelations: {
    name: string;
    x: (number | null)[];
    y: (number | null)[];
    acfX: number[];
    acfY: number[];
    pairs: number;
    effectivePairs: number;
  }[];
  partials: { x: number[]; y: number[]; z: number[]; partial: number }[];
  regressions: { x: number[]; y: number[]; nEff: number; slope: number; se: number; ciLow: number; ciHigh: number }[];
  quantiles: { p: number; df: number; t: number }[];
  eigenvalues: { matrix: number[][]; eigenvalues: number[] }[];
};

/** A small seeded generator, so failures repeat. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('statistics agree with SciPy to 1e-9', () => {
  it.each(fixtures.spearman)('Spearman rho with average ranks for ties: $name', ({ x, y, rho }) => {
    expect(Math.abs(spearman(x, y)! - rho)).toBeLessThan(1e-9);
  });

  it.each(fixtures.spearman)('the fast counting kernel gives the same rho: $name', ({ x, y, rho }) => {
    const correlator = new RankCorrelator(x.length, x.length);
    expect(Math.abs(correlator.rho(codeSeries(x), codeSeries(y), 0, 0) - rho)).toBeLessThan(1e-9);
    expect(Math.abs(correlator.rho(codeSeries(x), codeSeries(y), 0, 0, true) - rho)).toBeLessThan(1e-9);
    expect(correlator.n).toBe(x.length);
  });

  it.each(fixtures.benjaminiHochberg.map((c) => ({ ...c, m: c.p.length })))(
    'Benjamini–Hochberg q over $m tests',
    ({ p, q }) => {
      const ours = benjaminiHochberg(p);
      ours.forEach((value, i) => expect(Math.abs(value - q[i]!)).toBeLessThan(1e-9));
    },
  );
});

describe('the circular-shift kernel', () => {
  it('equals a plain Spearman on the pairs it should use, with missing days, lags and shifts', () => {
    const next = random(42);
    for (let trial = 0; trial < 200; trial++) {
      const days = 20 + Math.floor(next() * 60);
      const factor = Array.from({ length: days }, () => (next() < 0.15 ? null : Math.floor(next() * 4)));
      const outcome = Array.from({ length: days }, () => (next() < 0.1 ? null : Math.floor(next() * 11)));
      const lag = Math.floor(next() * 8);
      const shift = Math.floor(next() * days);
      const xs: number[] = [];
      const ys: number[] = [];
      for (let t = 0; t + lag < days; t++) {
        const x = factor[(((t - shift) % days) + days) % days]!;
        const y = outcome[t + lag]!;
        if (x === null || y === null) continue;
        xs.push(x);
        ys.push(y);
      }
      const correlator = new RankCorrelator(days, 11);
      const plain = spearman(xs, ys);
      // Both ways of summing: the level table (shifted nulls) and the kept pairs (observed tests).
      for (const keepPairs of [false, true]) {
        const fast = correlator.rho(codeSeries(factor), codeSeries(outcome), lag, shift, keepPairs);
        expect(correlator.n).toBe(xs.length);
        if (plain === null) expect(fast).toBeNaN();
        else expect(Math.abs(fast - plain)).toBeLessThan(1e-12);
      }
    }
  });

  it('treats a missing day as missing, not as zero', () => {
    const correlator = new RankCorrelator(6, 6);
    const rho = correlator.rho(codeSeries([1, 2, null, 4, 5, 6]), codeSeries([1, 2, 3, 4, 5, 6]), 0, 0);
    expect(correlator.n).toBe(5);
    expect(rho).toBeCloseTo(1, 12);
  });
});

describe('the autocorrelation-corrected test agrees with statsmodels, SciPy and NumPy', () => {
  it.each(models.autocorrelations)(
    'autocorrelation with missing days and the effective pairs: $name',
    ({ x, y, acfX, acfY, pairs, effectivePairs: expected }) => {
      const ours = { x: autocorrelation(toArray(x), 40), y: autocorrelation(toArray(y), 40) };
      acfX.forEach((value, k) => expect(Math.abs(ours.x[k]! - value)).toBeLessThan(1e-9));
      acfY.forEach((value, k) => expect(Math.abs(ours.y[k]! - value)).toBeLessThan(1e-9));
      expect(Math.abs(effectivePairs(pairs, ours.x, ours.y) - expected)).toBeLessThan(1e-6);
    },
  );

  it.each(models.partials)(
    'partial correlation equals the correlation of OLS residuals (n = $x.length)',
    ({ x, y, z, partial }) => {
      expect(Math.abs(partialCorrelation(pearson(x, y)!, pearson(x, z)!, pearson(y, z)!)! - partial)).toBeLessThan(
        1e-9,
      );
    },
  );

  it.each(models.regressions)(
    'slope, standard error and 95 % interval on $nEff effective pairs',
    ({ x, y, nEff, slope, se, ciLow, ciHigh }) => {
      const fit = simpleRegression(x, y)!;
      expect(Math.abs(fit.slope - slope)).toBeLessThan(1e-9);
      expect(Math.abs(fit.se - se)).toBeLessThan(1e-9);
      const interval = effectWithInterval(fit, nEff);
      expect(Math.abs(interval.ciLow - ciLow)).toBeLessThan(1e-6);
      expect(Math.abs(interval.ciHigh - ciHigh)).toBeLessThan(1e-6);
    },
  );

  it.each(models.quantiles)('Student t quantile for two-sided p = $p on $df degrees of freedom', ({ p, df, t }) => {
    expect(Math.abs(studentQuantile(p, df) / t - 1)).toBeLessThan(1e-7);
  });

  it.each(models.eigenvalues)('eigenvalues of a lag correlation matrix', ({ matrix, eigenvalues }) => {
    const ours = symmetricEigenvalues(matrix).sort((a, b) => a - b);
    eigenvalues.forEach((value, i) => expect(Math.abs(ours[i]! - value)).toBeLessThan(1e-9));
  });
});

describe('time-series pieces', () => {
  it('takes a centred running level over logged days only', () => {
    const level = runningLevel(toArray([1, null, 3, 5, null]), 1);
    expect(Array.from(level)).toEqual([1, 2, 4, 4, 5]);
  });

  it('counts lags as independent tests when neither series carries over, and fewer when both do', () => {
    const white = new Float64Array(41);
    white[0] = 1;
    expect(effectiveLags(7, white, white)).toBeCloseTo(8, 6);
    const carry = Float64Array.from({ length: 41 }, (_, k) => 0.8 ** k);
    expect(effectiveLags(7, carry, carry)).toBeLessThan(6);
    expect(effectiveLags(0, carry, carry)).toBe(1);
    // Two carried-over series are worth fewer pairs than they have.
    expect(effectivePairs(300, carry, carry)).toBeLessThan(150);
    expect(effectivePairs(300, white, carry)).toBe(300);
  });
});

describe('prewhitening a factor', () => {
  /** An AR(1) series x(t) = φ·x(t−1) + e(t) from a fixed seed. */
  const ar1 = (phi: number, days: number, seed: number) => {
    const random = new SeededRandom(seed);
    const noise = Array.from({ length: days }, () => random.normal());
    const x = new Float64Array(days);
    x[0] = noise[0]! / Math.sqrt(1 - phi * phi);
    for (let t = 1; t < days; t++) x[t] = phi * x[t - 1]! + noise[t]!;
    return { x, noise };
  };

  it('recovers the innovations of an AR(1), and leaves a series without carry-over as it is', () => {
    const { x, noise } = ar1(0.7, 400, 7);
    const white = prewhiten(x, 0.7);
    for (let t = 1; t < 400; t++) expect(white[t]! * Math.sqrt(1 - 0.49)).toBeCloseTo(noise[t]!, 9);
    expect(Math.abs(autocorrelation(white, 1)[1]!)).toBeLessThan(0.1);
    expect(autocorrelation(x, 1)[1]!).toBeGreaterThan(0.6);
    // A lag-1 autocorrelation that cannot be told from zero (below 2/√n) is not used.
    expect(prewhiten(x, 0.05)).toBe(x);
  });

  it('bridges missing days with the carry-over over the gap, so the result stays uncorrelated', () => {
    const { x } = ar1(0.7, 600, 11);
    // Every third day missing, and a week-long holiday.
    const gappy = x.map((value, t) => (t % 3 === 2 || (t >= 200 && t < 207) ? Number.NaN : value));
    const white = prewhiten(gappy, 0.7);
    expect(Number.isNaN(white[2]!)).toBe(true);
    // After a gap of two days: (x(t) − φ²·x(t − 2)) / √(1 − φ⁴).
    expect(white[3]!).toBeCloseTo((gappy[3]! - 0.49 * gappy[1]!) / Math.sqrt(1 - 0.49 ** 2), 12);
    // After the holiday the value is nearly itself: the carry-over over 8 days is 0.7⁸ ≈ 0.06.
    expect(Math.abs(white[207]! - gappy[207]!)).toBeLessThan(Math.abs(0.1 * gappy[199]!) + 1e-9);
    // Logged days a day or two apart no longer correlate (within 3 standard errors of zero).
    for (const lag of [1, 2]) {
      const { r, n } = laggedCorrelation(white, white, lag)!;
      expect(Math.abs(r)).toBeLessThan(3 / Math.sqrt(n));
    }
    expect(laggedCorrelation(gappy, gappy, 1)!.r).toBeGreaterThan(0.6);
  });
});

describe('small helpers', () => {
  it('gives tied values the average of their ranks', () => {
    expect(averageRanks([3, 1, 3, 2, 3])).toEqual([4, 1, 4, 2, 4]);
  });
});
