// Core journal timings on a 10-year demo vault (3,650 days), without HTTP or UI in the way.
// Bundled and run by scripts/bench.mjs; prints one JSON row per measurement on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../electron/core/app';
import { generateDemoJournal } from '../../electron/core/demo/generate';
import { localDate } from '../../electron/core/journal/dates';
import { monthCalendar, readDay, searchNotes, writeDay } from '../../electron/core/day/days';

const DAYS = 3650;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 1000) / 1000;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'axis-bench-journal-'));
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
    const started = performance.now();
    await generateDemoJournal(dispatch, { days: DAYS, seed: 3, effects: true, endDate: today });
    process.stderr.write(`  generated ${DAYS} demo days in ${Math.round(performance.now() - started)} ms\n`);
    const db = backend.vault.db;
    const dates = (db.prepare('SELECT date FROM days ORDER BY date').all() as { date: string }[]).map((r) => r.date);

    // Saving a full day: the transaction that replaces one day (existing days, spread over the years).
    const saves: number[] = [];
    for (let i = 0; i < 60; i++) {
      const date = dates[Math.floor((i / 60) * dates.length)]!;
      const entry = readDay(db, date).entry;
      const t = performance.now();
      writeDay(db, { ...entry, notes: `${entry.notes} (bench ${i})` }, today);
      saves.push(performance.now() - t);
    }
    // A month calendar, for 36 different months.
    const months: number[] = [];
    for (let i = 0; i < 36; i++) {
      const [y, m] = dates[Math.floor((i / 36) * dates.length)]!.split('-').map(Number) as [number, number];
      const t = performance.now();
      monthCalendar(db, y, m);
      months.push(performance.now() - t);
    }
    // Full-text search over every note.
    const searches: number[] = [];
    for (const word of [
      'itchy',
      'cheese',
      'stress',
      'moisturiser',
      'walk',
      'breakout',
      'period',
      'work',
      'lunch',
      'flushed',
    ]) {
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        searchNotes(db, word, 50);
        searches.push(performance.now() - t);
      }
    }
    const rows = [
      { name: 'journal_save_day_ms', value: round(median(saves)), unit: 'ms', target: '< 5' },
      { name: 'journal_month_calendar_ms', value: round(median(months)), unit: 'ms', target: '< 20' },
      { name: 'journal_note_search_ms', value: round(median(searches)), unit: 'ms', target: '< 50' },
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
