import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { proposeMapping, readSource, runImport } from '../../electron/core/importers/pipeline';
import { writeHealthExport } from '../helpers/healthExport';
import { openJournalApp } from '../helpers/journalApp';
import { removeTempDirs, tempDir } from '../helpers/tempVault';

afterAll(removeTempDirs);

it('a generated export.xml of more than 200 MB: every night right from phone and watch, memory bounded', async () => {
  const dir = tempDir();
  const xml = join(dir, 'export.xml');
  const truth = await writeHealthExport(xml, { nights: 2000, targetBytes: 230 * 1024 * 1024, endDate: '2026-05-31' });
  expect(statSync(xml).size).toBeGreaterThan(200 * 1024 * 1024);

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let progressCalls = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const read = await readSource('auto', { fileName: 'export.xml', path: xml }, { progress: () => progressCalls++ });
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  rmSync(xml);
  // The file is never held whole: the growth stays far below the file's 230 MB.
  process.stderr.write(`  230 MB export.xml streamed: RSS growth ${Math.round((peak - baseline) / 1024 / 1024)} MB\n`);
  expect(peak - baseline).toBeLessThan(120 * 1024 * 1024);
  expect(progressCalls).toBeGreaterThan(100);

  const app = await openJournalApp(join(dir, 'vault'));
  try {
    const summary = runImport(app.backend.vault.db, read, proposeMapping(app.backend.vault.db, read), {
      dryRun: false,
      today: '2026-06-15',
    });
    expect(summary.days.newDays).toBe(2000);
    expect(truth.sleepHours.size).toBe(2000);
    for (const [date, hours] of truth.sleepHours) {
      const day = (await app.call('day.get', { date })).entry;
      expect(day.lifestyle.sleepHours, date).toBeCloseTo(hours, 2);
    }
  } finally {
    app.close();
  }
});
