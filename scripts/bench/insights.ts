// Insights engine timings: one and ten years of demo data × every built-in factor × outcome ×
// lags 0–7 (autocorrelation-corrected tests, co-moving checks, intervals). Bundled and run by scripts/bench.mjs; prints one
// JSON row per measurement on stdout, progress on stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../electron/core/app';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { runInsights } from '../../electron/core/insights/engine';
import { readDailySeries } from '../../electron/core/trends/series';
import { localDate } from '../../electron/core/journal/dates';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value);

async function measure(days: number, runs: number, target: string) {
  const dir = mkdtempSync(join(tmpdir(), 'axis-bench-insights-'));
  const { backend, dispatch } = createApp({
    vaultDir: dir,
    host: 'web',
    version: 'bench',
    scryptCost: { N: 2 ** 14, r: 8, p: 1 },
  });
  try {
    const created = await dispatch('vault.create', { passphrase: 'bench passphrase 123' });
    if (!created.ok) throw new Error(created.error.message);
    const today = localDate(Date.now());
    await generateDemoJournal(dispatch, { days, seed: 5, effects: true, endDate: today });
    const samples: number[] = [];
    let tests = 0;
    let pairs = 0;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      // What one run costs the app: reading the series from the encrypted database, then the engine.
      const data = readDailySeries(backend.vault.db, {}, today);
      const result = runInsights(
        { dates: data.dates, series: data.series.filter((s) => s.role !== 'none') },
        { maxLag: 7 },
      );
      samples.push(performance.now() - started);
      tests = result.testsRun;
      pairs = result.pairsTested;
    }
    process.stderr.write(
      `  insights on ${days} days: ${tests} lag tests in ${pairs} pairs; runs ${samples.map(round).join(', ')} ms\n`,
    );
    return { name: `insights_${days}_days_ms`, value: round(median(samples)), unit: 'ms', target };
  } finally {
    backend.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(JSON.stringify(await measure(365, 7, '< 250')));
  console.log(JSON.stringify(await measure(3650, 3, '< 1500')));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
