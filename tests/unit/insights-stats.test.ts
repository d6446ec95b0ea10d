import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseShifts } from '../../electron/core/insights/engine';
import { codeSeries, RankCorrelator } from '../../electron/core/insights/rankCorrelation';
import { averageRanks, benjaminiHochberg, spearman } from '../../electron/core/insights/stats';

/** Made by scripts/make-stats-fixtures.py with SciPy (spearmanr, false_discovery_control). */
const fixtures = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/insights-stats.json'), 'utf8')) as {
  spearman: { name: string; x: number[]; y: number[]; rho: number }[];
  benjaminiHochberg: { p: number[]; q: number[] }[];
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

  it.each(fixtures.benjaminiHochberg.map((c) => ({ ...c, m: c.p.length })))('Benjamini–Hochberg q over $m tests', ({ p, q }) => {
    const ours = benjaminiHochberg(p);
    ours.forEach((value, i) => expect(Math.abs(value - q[i]!)).toBeLessThan(1e-9));
  });
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

  it('leaves out shifts near zero (where a real effect could line up) and thins long journals evenly', () => {
    const shifts = chooseShifts(365, 7, 1000);
    expect(shifts[0]).toBe(11);
    expect(shifts.at(-1)).toBe(354);
    expect(shifts).toHaveLength(344);
    const thinned = chooseShifts(3650, 7, 365);
    expect(thinned).toHaveLength(365);
    expect(thinned[0]).toBe(11);
    expect(Math.max(...thinned)).toBeLessThanOrEqual(3650 - 11);
    expect(new Set(thinned).size).toBe(365);
  });
});

describe('small helpers', () => {
  it('gives tied values the average of their ranks', () => {
    expect(averageRanks([3, 1, 3, 2, 3])).toEqual([4, 1, 4, 2, 4]);
  });

});
