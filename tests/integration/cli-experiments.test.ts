import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../electron/core/journal/dates';
import { removeTempDirs, tempDir } from '../helpers/tempVault';

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js');
const PASSPHRASE = 'experiment command line 2026';

function axis(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, AXIS_PASSPHRASE: PASSPHRASE };
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let vault = '';
let outcome = '';
const today = localDate(Date.now());
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first.');
  vault = join(tempDir(), 'journal');
  expect((await axis(['demo', '--vault', vault, '--days', '150', '--seed', '4'])).code).toBe(0);
  // The keys are the ones `axis insights --json` uses.
  const insights = await axis(['insights', '--vault', vault, '--json']);
  expect(insights.code).toBe(0);
  const tests = JSON.parse(insights.stdout) as { factor: string; outcome: string }[];
  outcome = tests.find((t) => t.factor === 'food.dairy' && t.outcome.startsWith('skin.severity.'))!.outcome;
}, 120_000);
afterAll(removeTempDirs);

describe('axis experiment', () => {
  it('plans an experiment, warning in words when the design can never reach 0.05, with the safety advice', async () => {
    const { code, stdout, stderr } = await axis([
      'experiment',
      'create',
      '--vault',
      vault,
      '--factor',
      'food.dairy',
      '--outcome',
      outcome,
      '--pairs',
      '4',
      '--block-days',
      '5',
      '--washout-days',
      '1',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Planned experiment 1: Dairy and .+, ${today} to ${addDays(today, 39)}\\.`));
    expect(stdout).toContain(
      'Warning: With 4 pairs there are only 16 possible orders, so the smallest p this design can give is 0.125 — it can never reach 0.05',
    );
    expect(stdout).toMatch(/From \d+ logged days of your .+: it varies by about \d\.\d points from day to day/);
    expect(stdout).toContain('Safety: Never stop or change a prescribed medicine for an experiment.');
  }, 60_000);

  it('refuses a past start without --backdate, and bad options, changing nothing', async () => {
    const past = await axis([
      'experiment',
      'create',
      '--vault',
      vault,
      '--factor',
      'food.dairy',
      '--outcome',
      outcome,
      '--start',
      addDays(today, -30),
    ]);
    expect(past.code).toBe(1);
    expect(past.stderr).toMatch(/start date is in the past/);
    const noKeys = await axis(['experiment', 'create', '--vault', vault]);
    expect(noKeys.stderr).toMatch(/--factor KEY --outcome KEY/);
    const badDesign = await axis([
      'experiment',
      'create',
      '--vault',
      vault,
      '--factor',
      'food.dairy',
      '--outcome',
      outcome,
      '--design',
      'crossover',
    ]);
    expect(badDesign.stderr).toMatch(/--design must be pairs, elimination or before-after/);
    const unknown = await axis([
      'experiment',
      'create',
      '--vault',
      vault,
      '--factor',
      'food.unicorn',
      '--outcome',
      outcome,
    ]);
    expect(unknown.stderr).toMatch(/"food.unicorn" is not a habit, food or treatment in this journal/);
    const list = JSON.parse((await axis(['experiment', 'list', '--vault', vault, '--json'])).stdout) as unknown[];
    expect(list).toHaveLength(1);
  }, 60_000);

  it('analyses an experiment entered after the fact, and show --json gives plan, schedule, adherence and analysis', async () => {
    const start = addDays(today, -84);
    const made = await axis([
      'experiment',
      'create',
      '--vault',
      vault,
      '--factor',
      'food.dairy',
      '--outcome',
      outcome,
      '--design',
      'pairs',
      '--pairs',
      '6',
      '--block-days',
      '7',
      '--washout-days',
      '2',
      '--start',
      start,
      '--seed',
      '5',
      '--backdate',
      '--secondary',
      'skin.itch',
      '--secondary',
      'gut.bloating',
      '--json',
    ]);
    expect(made.stderr).toBe('');
    const created = JSON.parse(made.stdout);
    expect(created.plannedAfterTheFact).toBe(true);
    const shown = await axis(['experiment', 'show', String(created.id), '--vault', vault, '--json']);
    const json = JSON.parse(shown.stdout);
    expect(json.plan).toMatchObject({
      factorKey: 'food.dairy',
      outcomeKey: outcome,
      design: 'pairs',
      pairs: 6,
      blockDays: 7,
      washoutDays: 2,
      seed: 5,
      backdated: true,
    });
    expect(json.schedule).toHaveLength(84);
    expect(json.schedule[0]).toEqual({
      date: start,
      arm: expect.stringMatching(/^(on|off)$/),
      washout: true,
      phase: 'block',
    });
    expect(json.schedule.filter((d: { washout: boolean }) => d.washout)).toHaveLength(24);
    expect(json.adherence.share).toBeGreaterThanOrEqual(0);
    expect(json.adherence.share).toBeLessThanOrEqual(1);
    const a = json.analysis;
    expect(Object.keys(a)).toEqual(['effect', 'ciLow', 'ciHigh', 'p', 'daysOn', 'daysOff', 'adherence', 'status']);
    expect(a.status).toBe('complete');
    expect(Number.isInteger(a.p * 64)).toBe(true);
    expect(a.p).toBeGreaterThanOrEqual(2 / 64);
    expect(a.daysOn + a.daysOff).toBeLessThanOrEqual(60);
    expect(json.sentences[0]).toMatch(/^Planned after the fact/);
    // Secondary outcomes: the same exact test, labelled exploratory, with the note about several outcomes.
    expect(json.plan.secondaryKeys).toEqual(['skin.itch', 'gut.bloating']);
    expect(json.secondary.map((s: { key: string; exploratory: boolean }) => [s.key, s.exploratory])).toEqual([
      ['skin.itch', true],
      ['gut.bloating', true],
    ]);
    for (const s of json.secondary) {
      expect(s.sentence).toMatch(/^Exploratory — /);
      if (s.status === 'complete') expect(Number.isInteger(s.p * 64)).toBe(true);
    }
    expect(json.secondaryNote).toMatch(/several outcomes makes one chance difference more likely/);
    const text = await axis(['experiment', 'show', String(created.id), '--vault', vault]);
    expect(text.stdout).toMatch(/\[planned after the fact\]/);
    expect(text.stdout).toMatch(/^Exploratory — itch: /m);
    expect(text.stdout).toMatch(/In your experiment, your .+ was \d\.\d points (higher|lower)/);
  }, 60_000);

  it('hides a running result unless asked, and stops early only with a reason', async () => {
    const hidden = JSON.parse((await axis(['experiment', 'show', '1', '--vault', vault, '--json'])).stdout);
    expect(hidden).toMatchObject({ state: 'running', hidden: true, analysis: null });
    const noReason = await axis(['experiment', 'stop', '1', '--vault', vault]);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toMatch(/needs a reason: --reason TEXT/);
    const stopped = await axis([
      'experiment',
      'stop',
      '1',
      '--vault',
      vault,
      '--reason',
      'Started a new cream',
      '--json',
    ]);
    expect(JSON.parse(stopped.stdout)).toMatchObject({
      state: 'stopped',
      endReason: 'Started a new cream',
      deviations: [{ kind: 'stop', reason: 'Started a new cream' }],
    });
    const list = await axis(['experiment', 'list', '--vault', vault]);
    expect(list.stdout).toMatch(/^1\. Dairy and .+ — stopped early on \d{4}-\d\d-\d\d \(Started a new cream\)/m);
    expect(list.stdout).toMatch(
      /^2\. .+ — finished on \d{4}-\d\d-\d\d, \d+% of days as planned \[planned after the fact\]$/m,
    );
    const missing = await axis(['experiment', 'show', '99', '--vault', vault]);
    expect(missing.stderr).toMatch(/That experiment does not exist/);
  }, 60_000);
});
