import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/tempVault';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const PASSPHRASE = 'command line pass 2026';

/** Runs the built CLI as a person would; the passphrase comes from the environment. */
function axis(args: string[], passphrase: string | null = PASSPHRASE): Promise<{ code: number; stdout: string; stderr: string }> {
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
    expect(stdout).toMatch(/- On the 2nd day after dairy, your acne severity averaged \d\.\d points higher/);
    expect(stdout).toContain('not proof that one thing causes another');
  }, 30_000);

  it('prints every test as JSON with factor, outcome, lag, n, rho, effect, p, q and status', async () => {
    const { code, stdout } = await axis(['insights', '--vault', vault, '--json', '--max-lag', '3']);
    expect(code).toBe(0);
    const tests = JSON.parse(stdout) as Record<string, unknown>[];
    expect(tests.length).toBeGreaterThan(500);
    for (const test of tests) {
      expect(Object.keys(test).slice(0, 9)).toEqual(['factor', 'outcome', 'lag', 'n', 'rho', 'effect', 'p', 'q', 'status']);
      expect(test.lag).toBeLessThanOrEqual(3);
    }
    const dairy = tests.find((t) => t.factor === 'food.dairy' && t.outcomeLabel === 'Acne severity' && t.lag === 2)!;
    expect(dairy).toMatchObject({ status: 'finding' });
    expect(dairy.q).toBeLessThan(0.05);
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

describe('axis demo', () => {
  it('refuses to write over an existing journal', async () => {
    const again = await axis(['demo', '--vault', vault, '--days', '5']);
    expect(again.code).not.toBe(0);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });
});
