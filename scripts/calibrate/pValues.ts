/**
 * How often p-values fall below 0.05, 0.01, 0.002 and 0.0005 on journals with nothing planted,
 * as a multiple of the nominal share (1 = exact), for each lag's p and for each pair's p (its
 * clearest lag against the best of its effective lags). `npm run calibrate -- --p-values`;
 * quoted in docs/insights-method.md (step 3). Seeds are apart from the table's.
 */
import { prepareSeries, runInsights } from '../../electron/core/insights/engine';
import { effectiveLags } from '../../electron/core/insights/timeSeries';
import { generateJournal, type FamilyOptions } from './families';

const CUTS = [0.05, 0.01, 0.002, 0.0005];
const KINDS: [string, number, (seed: number) => FamilyOptions][] = [
  ['a year, regular logging', 80, () => ({ days: 365, logging: 'regular', effects: [] })],
  ['60/90/120 days', 300, (seed) => ({ days: [60, 90, 120][seed % 3]!, logging: 'regular', effects: [] })],
  ['240 days, irregular logging', 150, () => ({ days: 240, logging: 'irregular', effects: [] })],
];

export function pValueShares(scale = 1): string[] {
  const lines: string[] = [];
  for (const [name, journals, options] of KINDS) {
    const lagHits = CUTS.map(() => 0);
    const pairHits = CUTS.map(() => 0);
    let lags = 0;
    let pairs = 0;
    for (let seed = 1; seed <= Math.max(3, Math.round(journals * scale)); seed++) {
      const journal = generateJournal(options(seed), seed + 100_000);
      const result = runInsights({ dates: journal.dates, series: journal.series }, { maxLag: 7 });
      const prepared = new Map(journal.series.map((series) => [series.key, prepareSeries(series)]));
      const byPair = new Map<string, { ps: number[]; n: number }>();
      for (const test of result.tests) {
        if (test.p === null) continue;
        lags++;
        CUTS.forEach((cut, i) => test.p! < cut && lagHits[i]!++);
        const key = `${test.factor}|${test.outcome}`;
        const pair = byPair.get(key) ?? { ps: [], n: 0 };
        pair.ps.push(test.p);
        pair.n = Math.max(pair.n, test.n);
        byPair.set(key, pair);
      }
      for (const [key, { ps, n }] of byPair) {
        const [factor, outcome] = key.split('|');
        const m = effectiveLags(ps.length - 1, prepared.get(factor!)!.acfWhite, prepared.get(outcome!)!.acfFast, n);
        const p = -Math.expm1(m * Math.log1p(-Math.min(...ps)));
        pairs++;
        CUTS.forEach((cut, i) => p < cut && pairHits[i]!++);
      }
    }
    const shares = (hits: number[], total: number) => hits.map((h, i) => (h / total / CUTS[i]!).toFixed(2)).join(', ');
    lines.push(
      `${name}: each lag (${lags} tests) ${shares(lagHits, lags)} × nominal; pairs (${pairs}) ${shares(pairHits, pairs)} ×`,
    );
  }
  return lines;
}
