import { it } from 'vitest';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { readDailySeries } from '../../electron/core/insights/series';
import { runInsights } from '../../electron/core/insights/engine';
import { openJournalApp } from '../helpers/journalApp';

it('scratch', async () => {
  for (const [days, effects] of [[365, true], [365, false]] as const) {
    const app = await openJournalApp();
    await generateDemoJournal(app.dispatch, { days, seed: 3, effects, endDate: '2026-06-15' });
    const t0 = performance.now();
    const data = readDailySeries(app.backend.vault.db, {}, '2026-06-15');
    const t1 = performance.now();
    const result = runInsights({ dates: data.dates, series: data.series.filter((s) => s.role !== 'none') }, { maxLag: 7 });
    const t2 = performance.now();
    console.log(days, effects, 'series', (t1 - t0).toFixed(0), 'ms; engine', (t2 - t1).toFixed(0), 'ms; tests', result.tests.length, 'run', result.testsRun, 'shifts', result.shifts);
    for (const f of result.findings.slice(0, 12)) console.log(f.factor, f.outcome, f.lag, f.rho?.toFixed(3), f.p?.toExponential(2), f.q?.toExponential(2), '|', f.sentence);
    console.log(result.tests.filter(t=>t.status==='not-enough-data').slice(0,3).map(t=>t.sentence));
    console.log(result.tests.filter(t=>t.status==='no-variation').slice(0,3).map(t=>t.sentence));
    console.log(result.tests.filter(t=>t.status==='no-finding').slice(0,3).map(t=>t.sentence));
    app.close();
  }
}, 120_000);
