// Import from another app: a 5-year Bearable CSV (parse, mapping, import in one transaction) and a
// 1 GB generated Apple Health export.xml imported by the CLI (streamed in its worker): wall time
// and the process's peak RSS (sampled from /proc every 100 ms). Bundled and run by
// scripts/bench.mjs; one JSON row per line.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../electron/core/app';
import { proposeMapping, readSource, runImport } from '../../electron/core/importers/pipeline';
import { undoImport } from '../../electron/core/importers/history';
import { addDays, localDate } from '../../electron/core/journal/dates';
import { writeHealthExport } from '../lib/healthExport.mjs';

const PASSPHRASE = 'bench passphrase 123';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Five years of Bearable readings: mood, sleep, three symptoms, meals, factors, a supplement, notes. */
function bearableCsv(days: number, end: string): string {
  const lines = ['date,date formatted,weekday,time of day,category,rating/amount,detail,notes'];
  for (let i = 0; i < days; i++) {
    const date = addDays(end, -days + i);
    const at = `${date}T08:00:00.000Z,${date.split('-').reverse().join('-')},Monday`;
    lines.push(
      `${at},am,Mood,${1 + (i % 5)},,`,
      `${at},pm,Mood,${1 + ((i * 3) % 5)},,`,
      `${at},am,Sleep,0${5 + (i % 4)}:${String((i * 7) % 60).padStart(2, '0')},Asleep 23:00 - 07:00,`,
      `${at},am,Sleep quality,${1 + (i % 5)},,`,
      `${at},pm,Symptom,${1 + (i % 4)},Itchy skin (Moderate),`,
      `${at},pm,Symptom,${1 + ((i * 5) % 4)},Bloating (Mild),`,
      `${at},pm,Symptom,${1 + ((i * 7) % 4)},Headache (Severe),`,
      `${at},am,Nutrition,,Breakfast: Oats | Bananas | Coffee,`,
      `${at},pm,Nutrition,,Dinner: Rice | Chicken | Broccoli,`,
      `${at},pm,Factors,,Caffeine | ${i % 3 ? 'Alcohol' : 'Exercise'},`,
      `${at},am,Meds/Supplements,,Probiotic (1 capsule),`,
      `${at},pm,Notes,,,"Day ${i}, notes with a comma"`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function runCli(args: string[]): Promise<{ ms: number; peakRss: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [resolve('out/main/cli.js'), ...args], {
      env: { ...process.env, AXIS_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let peakRss = 0;
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
      } catch {
        // the process has ended
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code === 0) done({ ms: performance.now() - started, peakRss });
      else fail(new Error(`axis ${args.join(' ')} exited with ${code}: ${errors}`));
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'axis-bench-imports-'));
  const vaultDir = join(dir, 'vault');
  const { backend, dispatch } = createApp({
    vaultDir,
    host: 'web',
    version: 'bench',
    scryptCost: { N: 2 ** 14, r: 8, p: 1 },
  });
  try {
    const created = await dispatch('vault.create', { passphrase: PASSPHRASE });
    if (!created.ok) throw new Error(created.error.message);
    const today = localDate(Date.now());
    const csv = join(dir, 'bearable.csv');
    writeFileSync(csv, bearableCsv(5 * 365, today));
    const samples: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const read = await readSource('bearable', { fileName: 'bearable.csv', path: csv });
      const summary = runImport(backend.vault.db, read, proposeMapping(backend.vault.db, read), {
        dryRun: false,
        today,
      });
      samples.push(performance.now() - started);
      if (summary.importId === null) throw new Error('nothing was imported');
      undoImport(backend.vault.db, summary.importId, today);
    }
    process.stderr.write(
      `  Bearable 5 years: ${Math.round(statSync(csv).size / 1024)} KB, runs ${samples.map(Math.round).join(', ')} ms\n`,
    );
    console.log(
      JSON.stringify({
        name: 'import_bearable_5_years_ms',
        value: Math.round(median(samples)),
        unit: 'ms',
        target: '< 3000',
      }),
    );
  } finally {
    backend.dispose();
  }
  try {
    const xml = join(dir, 'export.xml');
    const made = await writeHealthExport(xml, {
      nights: 3650,
      targetBytes: 1024 ** 3,
      endDate: localDate(Date.now() - 86_400_000),
    });
    process.stderr.write(`  Apple Health export.xml: ${Math.round(made.bytes / 1024 / 1024)} MB generated\n`);
    // Three imports, each into a fresh copy of the same journal (a second import of the same file
    // into one journal would add nothing and write less): the median time, the highest peak RSS.
    const pristine = join(dir, 'pristine');
    cpSync(vaultDir, pristine, { recursive: true });
    const times: number[] = [];
    let peakRss = 0;
    for (let run = 0; run < 3; run++) {
      const copy = join(dir, `vault-${run}`);
      cpSync(pristine, copy, { recursive: true });
      const load = loadavg()[0]!.toFixed(2);
      const measured = await runCli(['import-from', 'apple-health', xml, '--vault', copy, '--json']);
      times.push(measured.ms);
      peakRss = Math.max(peakRss, measured.peakRss);
      process.stderr.write(
        `  Apple Health 1 GB run ${run + 1}: ${(measured.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(measured.peakRss / 1024 / 1024)} MB (load average before: ${load}, ${cpus().length} cores)\n`,
      );
      rmSync(copy, { recursive: true, force: true });
    }
    const ms = median(times);
    console.log(
      JSON.stringify({
        name: 'import_apple_health_1gb_s',
        value: Math.round(ms / 100) / 10,
        unit: 's',
        target: '< 60',
      }),
    );
    console.log(
      JSON.stringify({
        name: 'import_apple_health_1gb_peak_rss_mb',
        value: Math.round(peakRss / 1024 / 1024),
        unit: 'MB',
        target: '< 300',
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
