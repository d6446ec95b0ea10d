import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCipherDatabase } from '../../electron/core/db/database';
import { removeTempDirs, tempDir } from '../helpers/tempVault';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const PASSPHRASE = 'command line pass 2026';

/** Runs the built CLI as a person would; the passphrase comes from the environment. */
function axis(
  args: string[],
  passphrase: string | null = PASSPHRASE,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.AXIS_PASSPHRASE;
  if (passphrase !== null) env.AXIS_PASSPHRASE = passphrase;
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let vault = '';
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first.');
  vault = join(tempDir(), 'journal');
  const made = await axis(['demo', '--vault', vault, '--days', '365', '--seed', '2']);
  expect(made).toMatchObject({ code: 0, stderr: '' });
  expect(made.stdout).toMatch(/Created a demo journal in .*: \d+ of 365 days logged \(seed 2\)\./);
}, 60_000);
afterAll(removeTempDirs);

describe('axis insights', () => {
  it('prints the findings as sentences, with the causation caveat', async () => {
    const { code, stdout, stderr } = await axis(['insights', '--vault', vault]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+ days logged \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\); \d+ tests at lags 0–7 days\./);
    expect(stdout).toContain('Gut and lifestyle → skin:');
    expect(stdout).toMatch(
      /- On the 2nd day after dairy, your acne severity averaged \d\.\d on the 0–10 scale, against \d\.\d after days without .*: about \d\.\d to \d\.\d points higher/,
    );
    // Proxies of the planted links are listed apart, under the factor that accounts for them.
    expect(stdout).toContain('Accounted for by a stronger factor they move with:');
    expect(stdout).toContain('not proof that one thing causes another');
  }, 30_000);

  it('prints every test as JSON with factor, outcome, lag, n, rho, effect and its interval, p, q, status, explainedBy and flags', async () => {
    const { code, stdout } = await axis(['insights', '--vault', vault, '--json', '--max-lag', '3']);
    expect(code).toBe(0);
    const tests = JSON.parse(stdout) as Record<string, unknown>[];
    expect(tests.length).toBeGreaterThan(500);
    for (const test of tests) {
      expect(Object.keys(test).slice(0, 13)).toEqual([
        'factor',
        'outcome',
        'lag',
        'n',
        'rho',
        'effect',
        'ciLow',
        'ciHigh',
        'p',
        'q',
        'status',
        'explainedBy',
        'flags',
      ]);
      expect(['finding', 'explained', 'no-finding', 'not-enough-data', 'no-variation']).toContain(test.status);
      expect(test.lag).toBeLessThanOrEqual(3);
    }
    const dairy = tests.find((t) => t.factor === 'food.dairy' && t.outcomeLabel === 'Acne severity' && t.lag === 2)!;
    expect(dairy).toMatchObject({ status: 'finding', explainedBy: null, flags: [] });
    expect(dairy.q).toBeLessThan(0.05);
    expect(dairy.ciLow as number).toBeLessThan(dairy.effect as number);
    expect(dairy.ciHigh as number).toBeGreaterThan(dairy.effect as number);
    expect(tests.find((t) => t.factor === 'life.stress' && t.lag === 0)!.flags).toContain('same-day');
    expect(tests.some((t) => t.status === 'explained' && typeof t.explainedBy === 'string')).toBe(true);
    expect(tests.some((t) => t.status === 'no-finding')).toBe(true);
  }, 30_000);

  it('fails with one line and a non-zero exit for a wrong passphrase, a missing journal or a bad option', async () => {
    const wrong = await axis(['insights', '--vault', vault], 'not the passphrase');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr.trim()).toBe('That passphrase is not right. Please try again.');
    const missing = await axis(['insights', '--vault', join(vault, 'nothing-here')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim()).toMatch(/^There is no journal in .*nothing-here\.$/);
    const badLag = await axis(['insights', '--vault', vault, '--max-lag', '30']);
    expect(badLag.stderr.trim()).toBe('--max-lag must be a whole number from 0 to 14. (see "axis --help")');
    const unknown = await axis(['insights', '--bogus']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const noPassphrase = await axis(['insights', '--vault', vault], null);
    expect(noPassphrase.stderr.trim()).toBe('Set AXIS_PASSPHRASE or run this in a terminal to type the passphrase.');
  }, 30_000);

  it('explains itself with --help', async () => {
    const { code, stdout } = await axis(['insights', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: axis insights --vault DIR [--json] [--max-lag N]');
    expect(stdout).toContain('AXIS_PASSPHRASE');
    expect((await axis(['--help'])).stdout).toMatch(/demo --vault DIR[\s\S]*insights --vault DIR/);
  });
});

describe('axis export, import, backup, restore, check and db-key', () => {
  it('exports JSON and imports it into another journal, with a dry run first', async () => {
    const out = join(tempDir(), 'journal.json');
    const exported = await axis(['export', '--vault', vault, '--format', 'json', '--out', out]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/^Exported \d+ days to .*journal\.json\.$/m);
    const other = join(tempDir(), 'other');
    expect((await axis(['demo', '--vault', other, '--days', '3'])).code).toBe(0);
    const dry = await axis(['import', out, '--vault', other, '--dry-run']);
    expect(dry.stdout).toMatch(/^Dry run — nothing was changed\. Importing would: add \d+ and replace 3 days;/);
    const real = await axis(['import', out, '--vault', other]);
    expect(real.stdout).toMatch(/^Imported\. It did: add \d+ and replace 3 days;/);
    const again = await axis(['export', '--vault', other, '--format', 'json', '--out', join(tempDir(), 'again.json')]);
    expect(again.stdout).toBe(exported.stdout.replace(out, join(again.stdout.match(/to (.*again\.json)/)![1]!)));
  }, 60_000);

  it('exports CSV files into a new folder and never overwrites', async () => {
    const out = join(tempDir(), 'csv');
    const { code, stdout } = await axis(['export', '--vault', vault, '--format', 'csv', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Exported \d+ CSV files to .*csv\.$/m);
    expect(readdirSync(out)).toContain('daily.csv');
    const twice = await axis(['export', '--vault', vault, '--format', 'csv', '--out', out]);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr.trim()).toMatch(/already exists: choose a new name, so nothing is overwritten\.$/);
    const noFormat = await axis(['export', '--vault', vault, '--out', join(tempDir(), 'x')]);
    expect(noFormat.stderr.trim()).toBe('Please choose --format csv or --format json. (see "axis --help")');
  }, 30_000);

  it('backs up, restores with the passphrase (keeping the old journal aside), and refuses a wrong one', async () => {
    const backup = join(tempDir(), 'journal.axisbackup');
    expect((await axis(['backup', '--vault', vault, '--out', backup])).stdout).toMatch(
      /^Wrote an encrypted backup to .*journal\.axisbackup/,
    );
    const target = join(tempDir(), 'restored');
    const wrong = await axis(['restore', backup, '--vault', target], 'not it');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr.trim()).toMatch(/^That passphrase does not open this backup/);
    const restored = await axis(['restore', backup, '--vault', target]);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    const overOld = await axis(['restore', backup, '--vault', target]);
    expect(overOld.stdout).toMatch(/The journal that was there is kept in .*before-restore-/);
    const check = await axis(['check', '--vault', target]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('Integrity check: ok.');
  }, 60_000);

  it('says in one line what is wrong with a bad import, a missing file, a backup target that exists, or a missing journal', async () => {
    const notJson = join(tempDir(), 'notes.txt');
    writeFileSync(notJson, 'hello, not json');
    const badImport = await axis(['import', notJson, '--vault', vault]);
    expect(badImport.code).not.toBe(0);
    expect(badImport.stderr.trim()).toMatch(/^.*notes\.txt could not be read as JSON \(.*\)\. Nothing was changed\.$/);
    const wrongShape = join(tempDir(), 'other.json');
    writeFileSync(wrongShape, JSON.stringify({ format: 'axis-journal-export', formatVersion: 1, schemaVersion: 1 }));
    const refused = await axis(['import', wrongShape, '--vault', vault, '--dry-run']);
    expect(refused.stderr.trim()).toMatch(
      /^The file does not have the expected shape \(at appVersion\): .* Nothing was changed\.$/,
    );
    expect((await axis(['import', '--vault', vault])).stderr.trim()).toBe(
      'Please give the JSON export to import: axis import FILE --vault DIR. (see "axis --help")',
    );
    const existing = join(tempDir(), 'taken.axisbackup');
    writeFileSync(existing, 'x');
    expect((await axis(['backup', '--vault', vault, '--out', existing])).stderr.trim()).toMatch(
      /already exists: choose a new name, so nothing is overwritten\.$/,
    );
    const noJournal = await axis(['check', '--vault', join(tempDir(), 'empty')]);
    expect(noJournal.code).not.toBe(0);
    expect(noJournal.stderr.trim().split('\n')).toHaveLength(1);
    const notBackup = await axis(['restore', notJson, '--vault', join(tempDir(), 'r')]);
    expect(notBackup.stderr.trim()).toBe(
      'notes.txt is not an Axis Journal backup, or it is damaged. Nothing was changed.',
    );
  }, 30_000);

  it('prints the database key only when confirmed, and it opens journal.db', async () => {
    const refused = await axis(['db-key', '--vault', vault]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim()).toBe('Printing the database key needs confirmation: add --yes. (see "axis --help")');
    const shown = await axis(['db-key', '--vault', vault, '--yes']);
    expect(shown.code).toBe(0);
    expect(shown.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    const db = openCipherDatabase(join(vault, 'journal.db'), Buffer.from(shown.stdout.trim(), 'hex'), {
      create: false,
    });
    expect(db.prepare('SELECT count(*) FROM days').pluck().get()).toBeGreaterThan(300);
    db.close();
  });
});

describe('axis demo', () => {
  it('refuses to write over an existing journal', async () => {
    const again = await axis(['demo', '--vault', vault, '--days', '5']);
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });
});
