// Data ownership timings on a 10-year demo vault (3,650 days): the complete JSON export, the CSV
// export, an encrypted backup and a re-key (a new data key for the whole journal). Bundled and run by scripts/bench.mjs; one JSON row per line.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../electron/core/app';
import { writeBackup } from '../../electron/core/data/backup';
import { exportJournalCsv } from '../../electron/core/data/exportCsv';
import { exportJournalJson } from '../../electron/core/data/exportJson';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { localDate } from '../../electron/core/journal/dates';

const DAYS = 3650;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (run: () => void, times = 3): number[] =>
  Array.from({ length: times }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'axis-bench-data-'));
  const { backend, dispatch } = createApp({
    vaultDir: join(dir, 'vault'),
    host: 'web',
    version: 'bench',
    scryptCost: { N: 2 ** 14, r: 8, p: 1 },
  });
  try {
    const created = await dispatch('vault.create', { passphrase: 'bench passphrase 123' });
    if (!created.ok) throw new Error(created.error.message);
    const today = localDate(Date.now());
    await generateDemoJournal(dispatch, { days: DAYS, seed: 4, effects: true, endDate: today });
    const db = backend.vault.db;
    let jsonBytes = 0;
    const json = time(() => {
      jsonBytes = JSON.stringify(exportJournalJson(db, { photos: false, appVersion: 'bench', now: new Date() })).length;
    });
    const csv = time(() => exportJournalCsv(db, today));
    let backupBytes = 0;
    const backup = time(() => {
      const file = join(dir, `backup-${Math.random()}.axisbackup`);
      writeBackup(backend.vault, file, 'bench', new Date());
      backupBytes = statSync(file).size;
    });
    const passphrase = 'bench passphrase 123';
    const journalBytes = statSync(join(backend.vault.dir, 'journal.db')).size;
    const rekey: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await backend.vault.rekey(passphrase, null);
      rekey.push(performance.now() - started);
    }
    process.stderr.write(`  10-year vault: journal.db ${Math.round(journalBytes / 1024)} KB before re-keying\n`);
    process.stderr.write(
      `  10-year vault: JSON ${Math.round(jsonBytes / 1024)} KB, backup ${Math.round(backupBytes / 1024)} KB\n`,
    );
    const rows = [
      { name: 'export_json_10_years_ms', value: Math.round(median(json)), unit: 'ms', target: '< 3000' },
      { name: 'export_csv_10_years_ms', value: Math.round(median(csv)), unit: 'ms', target: '< 3000' },
      { name: 'backup_10_years_ms', value: Math.round(median(backup)), unit: 'ms', target: '< 2000' },
      // Includes one scrypt at the bench's lowered cost (2^14) for the check and one for the new wrap.
      { name: 'rekey_10_years_ms', value: Math.round(median(rekey)), unit: 'ms', target: '< 5000' },
    ];
    for (const row of rows) console.log(JSON.stringify(row));
  } finally {
    backend.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
