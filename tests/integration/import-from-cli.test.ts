import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportFromSummary, ImportMapping, ImportRecord } from '../../electron/contract/importFrom';
import { openJournalApp } from '../helpers/journalApp';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/tempVault';
import { writeHealthExport } from '../helpers/healthExport';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const BEARABLE = resolve(import.meta.dirname, '../fixtures/imports/bearable.csv');

function axis(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, AXIS_PASSPHRASE: PASSPHRASE };
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let vault = '';
let work = '';
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first.');
  work = tempDir();
  vault = join(work, 'journal');
  const app = await openJournalApp(vault);
  app.close();
});
afterAll(removeTempDirs);

let exports = 0;
async function exported(): Promise<{
  days: {
    date: string;
    lifestyle: Record<string, unknown>;
    skin: { condition: string; severity: number }[];
    custom: { factor: string; value: number }[];
    meals: { kind: string; foods: { food: string }[] }[];
  }[];
  customFactors: { name: string }[];
}> {
  const out = join(work, `export-${++exports}.json`);
  const result = await axis(['export', '--vault', vault, '--format', 'json', '--out', out]);
  expect(result.code).toBe(0);
  const data = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
  // The journal's content: the import history (which keeps a record of an undone import, and the
  // mapping last used) is checked in import-from.test.ts.
  for (const key of ['exportedAt', 'importHistory', 'importMappings']) delete data[key];
  return data as never;
}

describe('axis import-from and axis imports', () => {
  it('dry run as JSON, import with an edited mapping, values where the mapping says, re-import adds nothing, undo restores the exact export', async () => {
    const before = await exported();
    const dry = await axis(['import-from', 'bearable', BEARABLE, '--vault', vault, '--dry-run', '--json']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const { mapping, summary } = JSON.parse(dry.stdout) as { mapping: ImportMapping; summary: ImportFromSummary };
    expect(summary).toMatchObject({ dryRun: true, days: { inFile: 3, newDays: 3 }, importId: null });
    expect(summary.skipped.map((s) => s.reason)).toContain(
      `Bearable's "Health measurements" category is not something the journal records`,
    );
    expect(await exported()).toEqual(before);

    const edited = {
      ...mapping,
      items: mapping.items.map((i) =>
        i.key === 'symptom:headache'
          ? { ...i, to: { type: 'factor', name: 'Head pain', kind: 'scale' } }
          : i.key === 'notes'
            ? { ...i, to: { type: 'skip' } }
            : i,
      ),
    };
    const mapFile = join(work, 'mapping.json');
    writeFileSync(mapFile, JSON.stringify(edited, null, 2));
    const done = await axis(['import-from', 'auto', BEARABLE, '--vault', vault, '--map', mapFile]);
    expect(done.stderr).toBe('');
    expect(done.stdout).toMatch(/^Imported bearable\.csv \(Bearable \(CSV export\)\) as import 1\./);
    expect(done.stdout).toContain('Headache (symptom) (1 days) → factor "Head pain" (new, scale)');

    const after = await exported();
    const day = after.days.find((d) => d.date === '2026-03-01')!;
    expect(day.lifestyle).toMatchObject({ mood: 8, sleepHours: 7.5 });
    expect(day.skin).toEqual([expect.objectContaining({ condition: 'Eczema', severity: 5 })]);
    expect(day.custom).toContainEqual({ factor: 'Head pain', value: 8 });
    expect(day.meals[0]!.foods.map((f) => f.food)).toEqual(['Oats', 'Banana']);
    expect((day as unknown as { notes: string }).notes).toBe('');

    const again = await axis(['import-from', 'bearable', BEARABLE, '--vault', vault, '--map', mapFile, '--json']);
    const second = JSON.parse(again.stdout) as { summary: ImportFromSummary };
    expect(second.summary.values).toMatchObject({ added: 0, replaced: 0 });
    expect(second.summary.notes[0]).toMatch(
      /^This file was already imported on \d{4}-\d\d-\d\d: importing it again adds nothing\.$/,
    );
    expect(await exported()).toEqual(after);

    const list = await axis(['imports', '--vault', vault, '--json']);
    const records = JSON.parse(list.stdout) as ImportRecord[];
    expect(records).toEqual([
      expect.objectContaining({ id: 1, format: 'bearable', fileName: 'bearable.csv', days: 3, undoneAt: null }),
    ]);
    const undo = await axis(['imports', '--vault', vault, '--undo', '1']);
    expect(undo.stdout).toMatch(/^Undid import 1: \d+ values restored, 3 days removed\.$/m);
    expect(await exported()).toEqual(before);
    expect((await axis(['imports', '--vault', vault])).stdout).toMatch(
      /^1 {2}.* {2}bearable {2}bearable\.csv .*\(undone \d{4}-\d\d-\d\d\)$/m,
    );
  }, 180_000);

  it('streams an Apple Health export in a worker: nightly sleep from phone and watch counted once', async () => {
    const xml = join(work, 'export.xml');
    const truth = await writeHealthExport(xml, { nights: 40, targetBytes: 8 * 1024 * 1024, endDate: '2026-05-31' });
    const result = await axis(['import-from', 'auto', xml, '--vault', vault, '--json']);
    expect(result.stderr).toBe('');
    const { summary } = JSON.parse(result.stdout) as { summary: ImportFromSummary };
    expect(summary.format).toBe('apple-health');
    const data = await exported();
    for (const [date, hours] of truth.sleepHours) {
      expect(data.days.find((d) => d.date === date)?.lifestyle.sleepHours).toBeCloseTo(hours, 2);
    }
  }, 60_000);

  it('refuses bad input with one sentence and exit code 1', async () => {
    const bad = join(work, 'bad.csv');
    writeFileSync(bad, 'Payee,Amount\nShop,12\n');
    const result = await axis(['import-from', 'auto', bad, '--vault', vault]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Axis Journal cannot tell which app made this file\./);
    expect((await axis(['import-from', 'strava', bad, '--vault', vault])).stderr).toMatch(/^Unknown format "strava"/);
  }, 30_000);
});
